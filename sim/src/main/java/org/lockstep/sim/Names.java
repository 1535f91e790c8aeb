package org.lockstep.sim;

import java.text.Normalizer;
import java.util.Locale;
import java.util.SplittableRandom;

/** Handles and display names in the styles real people and sock-puppet factories use. */
final class Names {
    private Names() {}

    static String ascii(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') b.append(c);
        }
        return b.toString();
    }

    /** An organic-looking handle built from a first and last name. */
    static String organicHandle(String first, String last, SplittableRandom r) {
        String f = ascii(first), l = ascii(last);
        switch (r.nextInt(7)) {
            case 0: return f + l;
            case 1: return (f + "_" + l).toLowerCase(Locale.ROOT);
            case 2: return (f + l.charAt(0)).toLowerCase(Locale.ROOT) + (60 + r.nextInt(40));
            case 3: return (f.charAt(0) + l).toLowerCase(Locale.ROOT);
            case 4: return f + "_" + (r.nextInt(2) == 0 ? "" : l.substring(0, Math.min(3, l.length())));
            case 5: return l + f.charAt(0);
            default: return f.toLowerCase(Locale.ROOT) + r.nextInt(1000);
        }
    }

    /** The sock-puppet pattern: a first name followed by eight digits (e.g. {@code Marie48213905}). */
    static String puppetHandle(String first, SplittableRandom r) {
        String f = ascii(first);
        if (f.length() > 7) f = f.substring(0, 7);
        return f + (10_000_000 + r.nextInt(90_000_000));
    }
}
