package org.lockstep.core.accounts;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which languages are usually written at a free-text profile location ("Paris, France", "NYC",
 * "Deutschland"). A small, hand-made gazetteer of countries and large cities; returns null when the
 * location is not recognised, so the signal stays silent rather than guessing.
 */
public final class LocationLanguages {
    private static final Map<String, String[]> PLACES = new HashMap<>();

    static {
        put("en", "usa", "us", "united states", "america", "new york", "nyc", "california", "texas", "florida",
                "washington", "dc", "chicago", "los angeles", "boston", "london", "uk", "united kingdom",
                "england", "scotland", "wales", "ireland", "dublin", "australia", "sydney", "melbourne",
                "new zealand", "canada", "toronto", "vancouver", "atlanta", "seattle", "ohio", "virginia",
                "georgia", "michigan", "pennsylvania", "arizona", "manchester");
        put("fr", "france", "paris", "lyon", "marseille", "toulouse", "bordeaux", "lille", "nantes",
                "strasbourg", "nice", "bretagne", "normandie", "ile-de-france");
        put("fr en", "quebec", "montreal");
        put("fr nl de", "belgique", "belgium", "bruxelles", "brussels");
        put("de fr it", "suisse", "switzerland", "schweiz", "geneve", "zurich");
        put("de", "deutschland", "germany", "berlin", "munchen", "munich", "hamburg", "koln", "frankfurt",
                "osterreich", "austria", "wien", "vienna");
        put("es", "espana", "spain", "madrid", "barcelona", "mexico", "argentina", "buenos aires", "colombia",
                "chile", "peru", "sevilla", "valencia");
        put("it", "italia", "italy", "roma", "rome", "milano", "milan", "napoli", "torino");
        put("pt", "portugal", "lisboa", "brasil", "brazil", "sao paulo", "rio de janeiro");
        put("nl", "nederland", "netherlands", "amsterdam", "rotterdam");
        put("ru", "russia", "россия", "moscow", "москва", "saint petersburg", "санкт-петербург");
        put("pl", "polska", "poland", "warszawa", "warsaw");
    }

    private static void put(String langs, String... names) {
        String[] l = langs.split(" ");
        for (String n : names) PLACES.put(n, l);
    }

    private LocationLanguages() {}

    /** The languages of {@code location}, or null when no part of it is recognised. */
    public static String[] languages(String location) {
        if (location == null || location.isBlank()) return null;
        String s = Normalizer.normalize(location.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        String[] whole = PLACES.get(s.strip());
        if (whole != null) return whole;
        // try each comma/slash separated part, last (usually the country) first
        String[] parts = s.split("[,/|·•]+");
        for (int i = parts.length - 1; i >= 0; i--) {
            String p = parts[i].strip().replaceAll("[^\\p{L}\\p{N} .-]", "").strip();
            String[] l = PLACES.get(p);
            if (l != null) return l;
        }
        return null;
    }

    /** Whether {@code lang} (e.g. "fr", "en-gb") is among {@code langs}. */
    static boolean spoken(String[] langs, String lang) {
        String base = lang.length() > 2 && (lang.charAt(2) == '-' || lang.charAt(2) == '_') ? lang.substring(0, 2) : lang;
        for (String l : langs) if (l.equals(base)) return true;
        return false;
    }
}
