package org.lockstep.core.domains;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Aho–Corasick automaton (Aho &amp; Corasick, CACM 1975) over the characters {@code a-z 0-9 - _}
 * plus one slot for anything else: finds every occurrence of every pattern in one pass over the
 * text. Transitions are a dense int table (fully built goto function), outputs are linked through
 * dictionary-suffix links.
 */
final class AhoCorasick {
    static final int SIGMA = 39;
    private final int[] next;
    private final int[] out;      // pattern id ending here, or -1
    private final int[] dictLink; // nearest proper suffix state with an output, or -1
    private final int[] depth;

    private AhoCorasick(int[] next, int[] out, int[] dictLink, int[] depth) {
        this.next = next;
        this.out = out;
        this.dictLink = dictLink;
        this.depth = depth;
    }

    static int code(char c) {
        if (c >= 'a' && c <= 'z') return c - 'a';
        if (c >= '0' && c <= '9') return 26 + c - '0';
        if (c == '-') return 36;
        if (c == '_') return 37;
        return 38;
    }

    /** Builds the automaton; pattern {@code i} reports id {@code i}. Duplicate patterns keep the first id. */
    static AhoCorasick build(List<String> patterns) {
        List<int[]> gotoRows = new ArrayList<>();
        IntArrayList outs = new IntArrayList();
        IntArrayList depths = new IntArrayList();
        gotoRows.add(newRow());
        outs.add(-1);
        depths.add(0);
        for (int p = 0; p < patterns.size(); p++) {
            String s = patterns.get(p);
            int st = 0;
            for (int i = 0; i < s.length(); i++) {
                int c = code(s.charAt(i));
                int nx = gotoRows.get(st)[c];
                if (nx <= 0) {
                    nx = gotoRows.size();
                    gotoRows.add(newRow());
                    outs.add(-1);
                    depths.add(depths.getInt(st) + 1);
                    gotoRows.get(st)[c] = nx;
                }
                st = nx;
            }
            if (!s.isEmpty() && outs.getInt(st) < 0) outs.set(st, p);
        }
        int n = gotoRows.size();
        int[] next = new int[n * SIGMA];
        int[] fail = new int[n];
        int[] dict = new int[n];
        java.util.Arrays.fill(dict, -1);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < SIGMA; c++) {
            int nx = gotoRows.get(0)[c];
            if (nx > 0) {
                next[c] = nx;
                fail[nx] = 0;
                queue.add(nx);
            } else {
                next[c] = 0;
            }
        }
        while (!queue.isEmpty()) {
            int st = queue.poll();
            int f = fail[st];
            dict[st] = outs.getInt(f) >= 0 ? f : dict[f];
            for (int c = 0; c < SIGMA; c++) {
                int nx = gotoRows.get(st)[c];
                if (nx > 0) {
                    fail[nx] = next[f * SIGMA + c];
                    next[st * SIGMA + c] = nx;
                    queue.add(nx);
                } else {
                    next[st * SIGMA + c] = next[f * SIGMA + c];
                }
            }
        }
        return new AhoCorasick(next, outs.toIntArray(), dict, depths.toIntArray());
    }

    private static int[] newRow() {
        return new int[SIGMA];
    }

    /** Receives each occurrence: pattern id and the end (exclusive) in the text; start = end - length. */
    interface Sink {
        void hit(int pattern, int start, int end);
    }

    /** Reports every occurrence of every pattern in {@code text}. */
    void scan(CharSequence text, Sink sink) {
        int st = 0;
        for (int i = 0; i < text.length(); i++) {
            st = next[st * SIGMA + code(text.charAt(i))];
            int o = out[st] >= 0 ? st : dictLink[st];
            while (o >= 0) {
                sink.hit(out[o], i + 1 - depth[o], i + 1);
                o = dictLink[o];
            }
        }
    }

    int states() {
        return out.length;
    }
}
