package org.lockstep.core.domains;

/**
 * How a look-alike differs from the protected name. Each technique has a strength in (0, 1]: the
 * score of a match is the product of the strengths of its techniques (techniques combine freely),
 * times the distinctiveness of the protected name.
 *
 * <p>The typo kinds follow the fuzzers of dnstwist and the typosquatting taxonomy of Wang et al.,
 * "Strider Typo-Patrol" (2006); bit flips follow Dinaburg, "Bitsquatting" (Black Hat 2011).
 */
public enum Technique {
    /** Same label under another public suffix ({@code spiegel.ltd} for {@code spiegel.de}). */
    TLD("tld", 0.9),
    /**
     * Qualifies {@link #TLD}: the new suffix is a country code or a legacy generic suffix
     * ({@code .com}, {@code .org}), where real sites with the same name are common; lowers the score.
     */
    TLD_LEGACY("tld-cc-or-legacy", 0.9),
    /**
     * Replaces {@link #TLD_LEGACY} when the new suffix is a <em>national</em> country code (or a
     * geographic second level under one: {@code pe.ca}, {@code co.tt}) of another country than the
     * entity's, the name is an ordinary word or under 5 letters (so that namesakes abroad are
     * likely: {@code labour.ie}, {@code independent.ie}), and nothing but the name or one typo of it supports the match (no keyword,
     * homoglyph, kept namespace, dots, front, recency, free CA or coordinated spreaders). Such hosts
     * are mostly real local sites of the same name ({@code delfi.ee}, {@code theguardian.pe.ca}):
     * 0.9 × 0.55 = 0.495 keeps a bare same-name match just under the default threshold 0.5, and any
     * one piece of extra evidence brings it back.
     */
    TLD_NATIONAL("tld-foreign-national-cc", 0.55),
    /** Characters replaced by look-alikes (UTS #39 confusables, {@code rn/m}, {@code 0/o}, accents). */
    HOMOGLYPH("homoglyph", 0.95),
    /** One character left out. */
    OMISSION("omission", 0.8),
    /** One character added (not a repeat of its neighbour, not a hyphen). */
    INSERTION("insertion", 0.75),
    /** One character doubled. */
    REPETITION("repetition", 0.8),
    /** A hyphen added inside the name. */
    HYPHENATION("hyphenation", 0.85),
    /** One character replaced by one next to it on a QWERTY/AZERTY/QWERTZ keyboard. */
    KEYBOARD("keyboard", 0.8),
    /** One vowel replaced by another. */
    VOWEL_SWAP("vowel-swap", 0.8),
    /** One character differing by one bit. */
    BITFLIP("bitflip", 0.7),
    /** One character replaced by another (none of the above). */
    REPLACEMENT("replacement", 0.7),
    /** Two neighbouring characters swapped. */
    TRANSPOSITION("transposition", 0.8),
    /** A dot inserted inside the name ({@code spie.gel.de}). */
    DOT_INSERTION("dot-insertion", 0.8),
    /** Dots of the real domain turned into hyphens or removed ({@code nato-int.com}). */
    DOTS("dots", 0.9),
    /** The name combined with keywords such as {@code mail-}, {@code login}, {@code onedrive}. */
    KEYWORD("keyword", 0.9),
    /**
     * Qualifies {@link #KEYWORD}: the only words around the name are editorial ones ({@code news},
     * {@code daily}, {@code aktuell}...) written solid with it ({@code liberationnews}), which is how
     * independent publications name themselves; a hyphenated form ({@code washingtonpost-news})
     * or a credential word ({@code login}, {@code mail}) is not qualified.
     */
    EDITORIAL("editorial-compound", 0.6),
    /** An organisation name (not a domain label) used as the label. */
    NAME("name", 0.85),
    /** The whole real domain at the front of a longer host ({@code leparisien.fr.ltd}). */
    FRONT("front", 0.9),
    /** The name as a subdomain label of a free-hosting service ({@code spiegel.github.io} style). */
    FREE_HOSTING("free-hosting", 0.8),
    /**
     * The name as a subdomain label of an unrelated registrable domain ({@code spiegel.example.com},
     * {@code login-spiegel.example.com}): anyone who owns a domain can write any name in front of it.
     * Names that are short or ordinary words count here only with a keyword next to them.
     */
    SUBDOMAIN("subdomain", 0.7),
    /** The name inside a longer label with other text around it: weak alone. */
    CONTAINS("contains", 0.45),
    /**
     * Combosquatting (Kintis et al., "Hiding in Plain Sight: A Longitudinal Study of Combosquatting
     * Abuse", CCS 2017): the name intact as a whole token next to <em>any</em> other words, hyphenated
     * ({@code spiegel-archiv}) or solid when the rest splits into words ({@code spiegelarchive}).
     * Kintis et al. found it about 100 times more common than typosquatting. Names under 5 letters
     * or that are ordinary words need corroboration (a keyword, or another suffix).
     */
    COMBO("combo", 0.75),
    /**
     * The name without its leading article ({@code guardian} for {@code theguardian},
     * {@code parisien} for {@code leparisien}): how people refer to a title.
     */
    ARTICLE("article-dropped", 0.8),
    /** Two edits (Damerau–Levenshtein distance 2) of a name of at least 12 letters. */
    TYPO2("two-typos", 0.6),
    /**
     * Qualifies a typo: the candidate's label is itself an English word ({@code labor} for
     * {@code labour}), which real sites choose for their own reasons.
     */
    WORD("dictionary-word", 0.6),
    /** Evidence: the host (or its registrable domain) is on the popularity allow-list given by the user. */
    POPULAR("allow-listed", 0.5),
    /** Evidence: registered or first seen more than a year ago (when the source knows it). */
    OLD("older-than-a-year", 0.6);

    private final String label;
    private final double strength;

    Technique(String label, double strength) {
        this.label = label;
        this.strength = strength;
    }

    /** Short lower-case name used in output. */
    public String label() {
        return label;
    }

    /** Strength in (0, 1]: how strongly this technique alone indicates imitation. */
    public double strength() {
        return strength;
    }

    /** True for the single-edit typo kinds. */
    public boolean isTypo() {
        return ordinal() >= OMISSION.ordinal() && ordinal() <= TRANSPOSITION.ordinal();
    }
}
