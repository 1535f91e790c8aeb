package org.lockstep.core.domains;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.util.ULocale;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Words that name a country in a host name: its two-letter code (and the ccTLD where it differs,
 * {@code uk} for {@code gb}), its English name and its name in its most likely language (ICU's
 * CLDR data: {@code germany}, {@code deutschland}), without spaces or accents. Attackers join them
 * to agencies' acronyms ({@code bmi-de}, {@code mod-ukraine}, {@code gouvfrance}).
 */
final class Countries {
    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();

    private Countries() {}

    /** The words for the country {@code code} (ISO 3166 alpha-2, any case); empty for unknown codes. */
    static Set<String> words(String code) {
        Set<String> out = new LinkedHashSet<>();
        if (code == null || !code.matches("[A-Za-z]{2}")) return out;
        String cc = code.toLowerCase(Locale.ROOT);
        out.add(cc);
        if (cc.equals("gb")) {
            out.add("uk");
            out.add("britain");
        }
        if (cc.equals("us")) {
            out.add("usa");
            out.add("america");
        }
        ULocale region = new ULocale("", cc.toUpperCase(Locale.ROOT));
        String en = region.getDisplayCountry(ULocale.ENGLISH);
        add(out, en);
        ULocale likely = ULocale.addLikelySubtags(new ULocale("und_" + cc.toUpperCase(Locale.ROOT)));
        add(out, region.getDisplayCountry(likely));
        return out;
    }

    private static void add(Set<String> out, String name) {
        if (name == null) return;
        String d = NFD.normalize(name.toLowerCase(Locale.ROOT));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (c >= 'a' && c <= 'z') sb.append(c);
            else if (Character.getType(c) == Character.NON_SPACING_MARK || c == ' ' || c == '-' || c == '.') continue;
            else return; // not written in Latin letters: attackers use a transliteration we cannot guess
        }
        if (sb.length() >= 3 && sb.length() <= 30) out.add(sb.toString());
    }
}
