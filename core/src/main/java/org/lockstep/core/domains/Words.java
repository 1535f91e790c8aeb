package org.lockstep.core.domains;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * English words (SCOWL via Debian's {@code wamerican} and {@code wbritish}, 65,265 words of 3 to
 * 20 letters; provenance and licence in the resource folder's {@code README.md}).
 *
 * <p>Two uses. Combosquatting (Kintis et al., "Hiding in Plain Sight: A Longitudinal Study of
 * Combosquatting Abuse", CCS 2017) joins a brand to <em>any</em> word, so a brand inside a solid
 * label ({@code spiegelarchive}) counts as a whole token when the rest splits into words. And a
 * brand or a typo that is itself a word ({@code forward}, {@code labor}) is weak evidence: real
 * sites use words for their own reasons.
 */
final class Words {
    private static final Set<String> WORDS = load();
    /** The words' polynomial hashes ({@link LookalikeMatcher#hash}), for allocation-free splitting. */
    private static final it.unimi.dsi.fastutil.longs.LongOpenHashSet HASHES = hashes();
    static final int MIN = 3, MAX = 20;

    private Words() {}

    private static Set<String> load() {
        Set<String> out = new HashSet<>(1 << 17);
        try (InputStream raw = Words.class.getResourceAsStream("english-words.txt.gz")) {
            if (raw == null) throw new IllegalStateException("english-words.txt.gz missing from the class path");
            BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.US_ASCII));
            String line;
            while ((line = r.readLine()) != null) {
                String t = line.strip();
                if (t.length() >= MIN && t.length() <= MAX) out.add(t);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** True when {@code s} (lower case) is an English word of 3 to 20 letters. */
    static boolean isWord(String s) {
        return s.length() >= MIN && s.length() <= MAX && WORDS.contains(s);
    }

    /** True when {@code s[from, to)} is an English word. */
    static boolean isWord(String s, int from, int to) {
        int n = to - from;
        return n >= MIN && n <= MAX && WORDS.contains(s.substring(from, to));
    }

    private static it.unimi.dsi.fastutil.longs.LongOpenHashSet hashes() {
        it.unimi.dsi.fastutil.longs.LongOpenHashSet h = new it.unimi.dsi.fastutil.longs.LongOpenHashSet(WORDS.size() * 2);
        for (String w : WORDS) h.add(LookalikeMatcher.hash(w, 0, w.length()));
        return h;
    }

    /** True when a string with polynomial hash {@code h} is an English word (64-bit hashes: collisions negligible). */
    static boolean containsHash(long h) {
        return HASHES.contains(h);
    }

    static int size() {
        return WORDS.size();
    }
}
