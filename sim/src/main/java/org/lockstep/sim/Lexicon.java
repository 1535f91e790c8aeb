package org.lockstep.sim;

/**
 * Word lists the generator draws from: languages with their regions, names, places, bios,
 * vocabulary, organic hashtags, news sites and client apps. Fixed data, so output depends only on the seed.
 */
final class Lexicon {
    private Lexicon() {}

    /** Organic regions: language, UTC offset in hours during the scenario, share of accounts. */
    static final String[] REGION_LANG = {"fr", "en", "en", "de", "es", "it", "pt", "ar"};
    static final int[] REGION_UTC_OFFSET = {2, -4, 1, 2, 2, 2, -3, 3};
    static final double[] REGION_SHARE = {0.46, 0.18, 0.10, 0.08, 0.07, 0.04, 0.04, 0.03};
    /**
     * Personal offsets (hours) around the region's UTC offset and their shares: time zones for the
     * US (Eastern, Central, Pacific), early birds and night owls elsewhere.
     */
    static final int[][] REGION_SHIFTS = {{0, -1, 1, -2}, {0, -1, -3}, {0, -1, 1}, {0, -1, 1}, {0, -1, 1},
        {0, -1, 1}, {0, -1, -2}, {0, -1, 1}};
    static final double[][] REGION_SHIFT_SHARE = {{0.55, 0.2, 0.17, 0.08}, {0.47, 0.30, 0.23}, {0.6, 0.2, 0.2},
        {0.6, 0.2, 0.2}, {0.6, 0.2, 0.2}, {0.6, 0.2, 0.2}, {0.5, 0.3, 0.2}, {0.6, 0.2, 0.2}};

    /** Relative posting intensity by local hour (0..23): night trough, lunch and evening peaks. */
    static final double[] HOUR_WEIGHT = {
        0.55, 0.35, 0.22, 0.15, 0.12, 0.15, 0.30, 0.60, 0.90, 1.00, 1.00, 1.05,
        1.15, 1.10, 1.00, 1.00, 1.05, 1.10, 1.25, 1.40, 1.50, 1.45, 1.20, 0.85};

    static final String[][] FIRST = {
        {"Camille", "Julien", "Marie", "Nicolas", "Sophie", "Thomas", "Claire", "Pierre", "Lucie", "Antoine", "Manon",
         "Hugo", "Chloé", "Maxime", "Élodie", "Romain", "Sarah", "Mathieu", "Pauline", "Alexandre", "Inès", "Karim",
         "Léa", "Yann", "Amandine", "Olivier", "Nadia", "François", "Aurélie", "Sébastien"},
        {"James", "Mary", "John", "Jennifer", "Michael", "Linda", "David", "Emily", "Chris", "Jessica", "Matt",
         "Ashley", "Ryan", "Sarah", "Kevin", "Laura", "Brian", "Megan", "Jason", "Rachel", "Tom", "Kate", "Daniel",
         "Amy", "Mark", "Hannah", "Paul", "Olivia", "Steve", "Grace"},
        {"Oliver", "Amelia", "Harry", "Isla", "George", "Emily", "Jack", "Poppy", "Charlie", "Sophie", "Alfie",
         "Lucy", "Freddie", "Ellie", "Archie", "Holly", "Callum", "Rosie", "Liam", "Niamh"},
        {"Lukas", "Anna", "Leon", "Lena", "Felix", "Laura", "Jonas", "Julia", "Paul", "Lea", "Max", "Sophie",
         "Tim", "Katharina", "Jan", "Hannah", "Moritz", "Johanna", "Florian", "Miriam"},
        {"Pablo", "Lucía", "Javier", "María", "Alejandro", "Paula", "Daniel", "Laura", "Sergio", "Marta", "Carlos",
         "Elena", "Álvaro", "Sara", "Jorge", "Carmen", "Diego", "Irene", "Raúl", "Andrea"},
        {"Luca", "Giulia", "Marco", "Chiara", "Matteo", "Francesca", "Andrea", "Sara", "Alessandro", "Martina",
         "Davide", "Elena", "Simone", "Valentina", "Federico", "Alice"},
        {"João", "Ana", "Pedro", "Mariana", "Lucas", "Beatriz", "Gabriel", "Juliana", "Rafael", "Camila",
         "Bruno", "Larissa", "Thiago", "Fernanda", "Felipe", "Letícia"},
        {"Ahmed", "Fatima", "Mohamed", "Amina", "Youssef", "Salma", "Omar", "Nour", "Ali", "Layla", "Hassan",
         "Yasmine", "Khalid", "Rania", "Samir", "Hana"}};

    static final String[][] LAST = {
        {"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon",
         "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel",
         "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Benali"},
        {"Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
         "Moore", "Jackson", "White", "Harris", "Clark", "Lewis", "Walker", "Hall", "Young", "King"},
        {"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Evans", "Thomas", "Roberts", "Walker",
         "Wright", "Robinson", "Thompson", "Hughes", "Edwards", "Green"},
        {"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
         "Koch", "Richter", "Klein", "Wolf", "Neumann", "Braun"},
        {"García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Gómez",
         "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Álvarez"},
        {"Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco",
         "Bruno", "Gallo", "Conti", "De Luca"},
        {"Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima", "Gomes",
         "Costa", "Ribeiro", "Martins", "Carvalho"},
        {"Haddad", "Mansour", "Khalil", "Nasser", "Saleh", "Hamdan", "Aziz", "Farouk", "Salem", "Karam",
         "Rahman", "Toumi"}};

    static final String[][] PLACES = {
        {"Paris, France", "Lyon", "Marseille, France", "Toulouse", "Bordeaux, France", "Lille", "Nantes", "Rennes, France",
         "Strasbourg", "Montpellier", "France", "Île-de-France", "Grenoble", "Nice, France", ""},
        {"New York, NY", "Los Angeles, CA", "Chicago, IL", "Texas, USA", "Washington, DC", "Florida", "Boston, MA",
         "Seattle, WA", "Atlanta, GA", "USA", "Denver, CO", "Ohio, USA", ""},
        {"London", "London, England", "Manchester", "Birmingham, UK", "Leeds", "Bristol", "Edinburgh, Scotland",
         "Glasgow", "United Kingdom", "Cardiff, Wales", ""},
        {"Berlin, Deutschland", "München", "Hamburg", "Köln", "Frankfurt am Main", "Deutschland", "Leipzig", "Wien", ""},
        {"Madrid, España", "Barcelona", "Valencia", "Sevilla", "España", "Bilbao", "Zaragoza", "Málaga", ""},
        {"Roma, Lazio", "Milano, Lombardia", "Napoli", "Torino", "Italia", "Bologna", "Firenze", ""},
        {"São Paulo, Brasil", "Rio de Janeiro", "Lisboa, Portugal", "Porto", "Brasil", "Belo Horizonte", ""},
        {"Casablanca", "Alger", "Tunis", "Beyrouth", "Rabat", "Le Caire", ""}};

    static final String[][] BIO = {
        {"Citoyen engagé", "Journaliste", "Passionné de politique", "Papa de deux enfants", "Étudiante en droit",
         "Prof d'histoire", "Militant associatif", "Amoureux de Paris", "Ingénieur", "Fan de foot", "Avis personnels",
         "Infirmière", "Lecteur assidu", "Photographe amateur", "Entrepreneur", "Syndicaliste", "RT ≠ approbation"},
        {"Proud American", "Journalist", "Political junkie", "Dad, husband, runner", "Views my own", "Coffee addict",
         "Software engineer", "Veteran", "Teacher", "News and opinion", "Retired", "Dog lover", "Writer",
         "Patriot", "Policy nerd", "Husband and father"},
        {"Views my own", "Journalist", "Politics and football", "Londoner", "Tea drinker", "NHS nurse",
         "Lecturer", "Remainer", "Writer", "Student", "Dad", "Cyclist"},
        {"Politik-Interessiert", "Journalistin", "Meinungen sind meine eigenen", "Ingenieur", "Student",
         "Europäer", "Fußballfan", "Lehrerin", "Vater"},
        {"Periodista", "Opiniones personales", "Estudiante", "Madrileño", "Política y fútbol", "Profesora",
         "Ingeniero", "Europeísta"},
        {"Giornalista", "Opinioni personali", "Studentessa", "Politica", "Ingegnere", "Tifoso"},
        {"Jornalista", "Opiniões pessoais", "Estudante", "Política", "Engenheiro", "Professora"},
        {"Journaliste", "Étudiant", "Politique", "Avis personnels", "Ingénieur"}};

    static final String[][] WORDS = {
        {"le", "la", "les", "un", "une", "des", "et", "mais", "pour", "avec", "sans", "sur", "dans", "ce", "cette",
         "débat", "élection", "candidat", "vote", "programme", "France", "Europe", "emploi", "sécurité", "jeunes",
         "ce soir", "demain", "dimanche", "second tour", "sondage", "meeting", "idée", "projet", "réforme", "pays",
         "vraiment", "enfin", "toujours", "jamais", "bravo", "honte", "incroyable", "important", "clair", "faux",
         "on", "nous", "vous", "ils", "est", "sont", "fait", "dit", "veut", "va", "peut", "faut", "voter",
         "regarder", "comprendre", "écouter", "lire", "partager", "avenir", "citoyens", "démocratie", "abstention",
         "économie", "chômage", "impôts", "retraites", "école", "santé", "climat", "agriculteurs", "banlieue"},
        {"the", "a", "and", "but", "for", "with", "on", "in", "this", "that", "is", "are", "was", "will", "can",
         "election", "France", "French", "vote", "candidate", "debate", "Europe", "polls", "tonight", "Sunday",
         "runoff", "campaign", "news", "really", "finally", "never", "always", "huge", "important", "wrong",
         "great", "big", "we", "they", "you", "people", "voters", "policy", "economy", "jobs", "security",
         "watch", "read", "share", "think", "know", "looks", "like", "about", "what", "why", "how", "future",
         "democracy", "markets", "result", "turnout", "EU", "world", "story", "report", "live", "update"},
        {"the", "a", "and", "but", "for", "with", "on", "in", "this", "that", "is", "are", "will", "French",
         "election", "vote", "Macron", "Le Pen", "debate", "Brexit", "Europe", "polls", "tonight", "runoff",
         "campaign", "news", "really", "brilliant", "rubbish", "important", "we", "they", "people", "economy",
         "watch", "read", "think", "about", "what", "why", "future", "result", "turnout", "EU", "live"},
        {"die", "der", "das", "und", "aber", "für", "mit", "auf", "in", "ist", "sind", "wird", "Wahl",
         "Frankreich", "Europa", "Stichwahl", "Kandidat", "Umfrage", "heute", "Sonntag", "Debatte", "wichtig",
         "wirklich", "endlich", "nie", "immer", "wir", "sie", "Zukunft", "Demokratie", "Wirtschaft", "lesen",
         "Bericht", "live", "Ergebnis"},
        {"el", "la", "los", "las", "y", "pero", "para", "con", "en", "es", "son", "será", "elecciones", "Francia",
         "Europa", "segunda vuelta", "candidato", "encuesta", "hoy", "domingo", "debate", "importante", "de verdad",
         "por fin", "nunca", "siempre", "nosotros", "ellos", "futuro", "democracia", "economía", "leer", "informe",
         "directo", "resultado"},
        {"il", "la", "i", "e", "ma", "per", "con", "in", "è", "sono", "sarà", "elezioni", "Francia", "Europa",
         "ballottaggio", "candidato", "sondaggio", "oggi", "domenica", "dibattito", "importante", "davvero",
         "finalmente", "mai", "sempre", "noi", "loro", "futuro", "democrazia", "economia", "leggere", "risultato"},
        {"o", "a", "os", "e", "mas", "para", "com", "em", "é", "são", "será", "eleição", "França", "Europa",
         "segundo turno", "candidato", "pesquisa", "hoje", "domingo", "debate", "importante", "mesmo",
         "finalmente", "nunca", "sempre", "nós", "eles", "futuro", "democracia", "economia", "ler", "resultado"},
        {"الانتخابات", "فرنسا", "أوروبا", "المرشح", "اليوم", "الأحد", "مناظرة", "مهم", "جدا", "نحن", "هم",
         "المستقبل", "الديمقراطية", "الاقتصاد", "النتيجة", "في", "من", "على", "و", "هذا"}};

    /** Organic hashtags by popularity rank (operations' hashtags are deliberately absent). */
    static final String[] HASHTAGS = {
        "France2017", "Presidentielle2017", "Macron", "LePen", "EnMarche", "2017LeDebat", "JeVote", "Elysee2017",
        "FN", "SecondTour", "Presidentielle", "FrenchElection", "Marine2017", "MacronPresident", "7mai",
        "Mélenchon", "JLM2017", "Abstention", "Europe", "BFMTV", "France", "Paris", "Brexit", "BTW17",
        "Frankreich", "Francia", "news", "politique", "Elections", "LREM", "Fillon", "Hamon", "Debat",
        "VoteBlanc", "SansMoiLe7Mai", "LesRépublicains", "Législatives", "ÉlectionPrésidentielle", "C8",
        "Quotidien"};

    /** News and campaign sites shared organically, by popularity rank; {@code en-marche.fr} is the protected domain. */
    static final String[] NEWS_HOSTS = {
        "www.lemonde.fr", "www.lefigaro.fr", "www.bbc.co.uk", "www.nytimes.com", "www.liberation.fr",
        "www.francetvinfo.fr", "www.theguardian.com", "www.bfmtv.com", "www.youtube.com", "en-marche.fr",
        "www.20minutes.fr", "www.huffingtonpost.fr", "www.reuters.com", "www.lexpress.fr", "www.lepoint.fr",
        "www.spiegel.de", "elpais.com", "www.washingtonpost.com", "www.france24.com", "www.politico.eu",
        "www.marianne.net", "www.lesechos.fr", "www.ouest-france.fr", "www.rfi.fr", "www.zeit.de",
        "www.corriere.it", "www.cnn.com", "www.bloomberg.com", "www.latribune.fr", "www.mediapart.fr",
        "www.publicsenat.fr", "www.europe1.fr", "www.rtl.fr", "www.lci.fr", "www.nouvelobs.com",
        "www.telegraph.co.uk", "www.independent.co.uk", "www.dw.com", "www.elmundo.es", "www.repubblica.it"};

    static final String[] SECTIONS = {"politique", "elections", "international", "france", "world/europe",
        "news/world-europe", "economie", "societe", "article", "actualite", "politik", "internacional"};

    static final String[] UTM = {
        "?utm_source=twitter&utm_medium=social", "?utm_source=Twitter&utm_medium=Social&utm_campaign=Echobox",
        "?utm_campaign=Echobox&utm_medium=Social&utm_source=Twitter", "?utm_term=Autofeed&utm_medium=Social",
        "?xtor=RSS-3208", "?utm_source=dlvr.it&utm_medium=twitter", "?CMP=share_btn_tw", "?fbclid=IwAR0x"};

    static final String[] SOURCE_NAME = {"Twitter for iPhone", "Twitter for Android", "Twitter Web Client",
        "TweetDeck", "Twitter for iPad", "Twitter Lite", "Hootsuite", "dlvr.it", "IFTTT", "Buffer"};
    static final String[] SOURCE_URL = {"http://twitter.com/download/iphone", "http://twitter.com/download/android",
        "http://twitter.com", "https://about.twitter.com/products/tweetdeck", "http://twitter.com/#!/download/ipad",
        "https://mobile.twitter.com", "https://www.hootsuite.com", "https://dlvrit.com/", "https://ifttt.com",
        "https://buffer.com"};
    /** Client popularity for organic accounts. */
    static final double[] SOURCE_WEIGHT = {0.34, 0.30, 0.18, 0.06, 0.04, 0.03, 0.02, 0.01, 0.01, 0.01};

    static final String[] EMOJI = {"😡", "🔥", "👉", "‼️", "🇫🇷", "😱", "👇", "💥", "🙏", "😂", "👍", "🤔"};

    static String source(int i) {
        return SOURCE_HTML[i];
    }

    private static final String[] SOURCE_HTML = new String[SOURCE_NAME.length];
    static {
        for (int i = 0; i < SOURCE_NAME.length; i++) {
            SOURCE_HTML[i] = "<a href=\"" + SOURCE_URL[i] + "\" rel=\"nofollow\">" + SOURCE_NAME[i] + "</a>";
        }
    }
}
