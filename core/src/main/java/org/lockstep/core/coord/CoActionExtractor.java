package org.lockstep.core.coord;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.Arrays;
import org.lockstep.core.model.IntLists;
import org.lockstep.core.model.PostKind;
import org.lockstep.core.model.PostTable;
import org.lockstep.core.text.MinHashLsh;
import org.lockstep.core.text.TextNormalizer;

/**
 * Turns a {@link PostTable} into co-action rows, one signal after the other, each in time order.
 * Content signals (links, domains, hashtags, texts, media) skip reposts: a repost carries the original's
 * content, which the reposter did not choose; co-repost covers it.
 */
final class CoActionExtractor {
    /** Texts shorter than this (normalised) are too generic for the exact-text signal. */
    static final int MIN_EXACT_TEXT_CHARS = 20;

    private CoActionExtractor() {}

    /** Counts of the near-duplicate step, reported in the result. */
    static final class TextStats {
        long nearPairs, skippedBuckets;
    }

    static Actions extract(PostTable t, CoordinationConfig c) {
        return extract(t, c, new TextStats());
    }

    static Actions extract(PostTable t, CoordinationConfig c, TextStats ts) {
        Actions.Builder b = new Actions.Builder(t.accounts().size(), t.accounts()::get, t.posts()::get);
        int n = t.size();
        for (Signal s : Signal.values()) {
            if (!c.enabled(s)) continue;
            switch (s) {
                case CO_REPOST -> refs(b, t, s, t::repostOf);
                case CO_REPLY -> refs(b, t, s, t::replyTo);
                case CO_QUOTE -> refs(b, t, s, t::quoteOf);
                case CO_LINK -> lists(b, t, s, t.urls(), t.urlIds().size(), t.urlIds()::get, internal(t.urlIds(), true));
                case CO_DOMAIN -> lists(b, t, s, t.domains(), t.domainIds().size(), t.domainIds()::get,
                        internal(t.domainIds(), false));
                case CO_HASHTAG -> lists(b, t, s, t.hashtags(), t.tags().size(), i -> "#" + t.tags().get(i), null);
                case CO_IMAGE -> images(b, t, s);
                case HASHTAG_SET -> hashtagSets(b, t);
                case CO_TEXT -> exactText(b, t);
                case NEAR_TEXT -> nearText(b, t, c, ts);
                case OBJECT -> {
                    b.beginSignal(s, t.posts().size(), t.posts()::get);
                    for (int r = 0; r < n; r++) {
                        int o = t.repostOf(r) >= 0 ? t.repostOf(r) : t.quoteOf(r) >= 0 ? t.quoteOf(r) : t.replyTo(r);
                        if (o >= 0) b.add(o, t.account(r), t.post(r), r, t.time(r));
                    }
                }
                default -> throw new IllegalStateException(s.toString());
            }
        }
        return b.build();
    }

    private static void refs(Actions.Builder b, PostTable t, Signal s, java.util.function.IntUnaryOperator ref) {
        b.beginSignal(s, t.posts().size(), t.posts()::get);
        for (int r = 0; r < t.size(); r++) {
            int o = ref.applyAsInt(r);
            if (o >= 0) b.add(o, t.account(r), t.post(r), r, t.time(r));
        }
    }

    private static void lists(Actions.Builder b, PostTable t, Signal s, IntLists l, int objects,
            java.util.function.IntFunction<String> names, boolean[] skip) {
        b.beginSignal(s, objects, names);
        for (int r = 0; r < t.size(); r++) {
            if (isRepost(t, r)) continue;
            for (int k = l.start(r), e = l.end(r); k < e; k++) {
                int v = l.value(k);
                if (skip == null || !skip[v]) b.add(v, t.account(r), t.post(r), r, t.time(r));
            }
        }
    }

    /**
     * Images: media whose key is a perceptual hash (given by the source, or worked out from local files:
     * {@link PostTable#withMediaHashes}) are grouped into near-duplicates first
     * ({@link org.lockstep.core.images.MediaGroups}), so a re-captioned or recompressed meme is one object.
     */
    private static void images(Actions.Builder b, PostTable t, Signal s) {
        int n = t.mediaIds().size();
        int[] group = org.lockstep.core.images.MediaGroups.of(t::mediaKey, n, org.lockstep.core.images.MediaGroups.RADIUS);
        b.beginSignal(s, n, t.mediaIds()::get);
        IntLists l = t.media();
        for (int r = 0; r < t.size(); r++) {
            if (isRepost(t, r)) continue;
            for (int k = l.start(r), e = l.end(r); k < e; k++) b.add(group[l.value(k)], t.account(r), t.post(r), r, t.time(r));
        }
    }

    /** Platform-internal hosts: links to posts on the platform itself (quote permalinks), not shared content. */
    static final java.util.Set<String> INTERNAL = java.util.Set.of("twitter.com", "x.com", "t.co", "mobile.twitter.com",
            "bsky.app", "t.me");

    private static boolean[] internal(org.lockstep.core.model.Interner ids, boolean urls) {
        boolean[] skip = new boolean[ids.size()];
        for (int i = 0; i < skip.length; i++) {
            String v = ids.get(i);
            if (urls) {
                int start = v.indexOf("://");
                int end = v.indexOf('/', start + 3);
                v = end < 0 ? v.substring(start + 3) : v.substring(start + 3, end);
            }
            skip[i] = INTERNAL.contains(v);
        }
        return skip;
    }

    private static void hashtagSets(Actions.Builder b, PostTable t) {
        Long2IntOpenHashMap ids = new Long2IntOpenHashMap();
        ids.defaultReturnValue(-1);
        int[] objectOf = new int[t.size()];
        int[] firstRow = new int[16];
        int[] tmp = new int[16];
        for (int r = 0; r < t.size(); r++) {
            objectOf[r] = -1;
            int sz = t.hashtags().size(r);
            if (sz < 2 || isRepost(t, r)) continue;
            if (tmp.length < sz) tmp = new int[sz];
            for (int k = 0; k < sz; k++) tmp[k] = t.hashtags().value(t.hashtags().start(r) + k);
            Arrays.sort(tmp, 0, sz);
            long h = sz;
            for (int k = 0; k < sz; k++) h = MinHashLsh.mix(h * 31 + tmp[k]);
            int id = ids.putIfAbsent(h, ids.size());
            if (id < 0) {
                id = ids.size() - 1;
                if (id == firstRow.length) firstRow = Arrays.copyOf(firstRow, id * 2);
                firstRow[id] = r;
            }
            objectOf[r] = id;
        }
        final int[] fr = firstRow;
        b.beginSignal(Signal.HASHTAG_SET, ids.size(), id -> {
            int r = fr[id];
            int[] tags = new int[t.hashtags().size(r)];
            for (int k = 0; k < tags.length; k++) tags[k] = t.hashtags().value(t.hashtags().start(r) + k);
            Arrays.sort(tags);
            StringBuilder sb = new StringBuilder();
            for (int g : tags) sb.append(sb.length() == 0 ? "#" : " #").append(t.tags().get(g));
            return sb.toString();
        });
        for (int r = 0; r < t.size(); r++) if (objectOf[r] >= 0) b.add(objectOf[r], t.account(r), t.post(r), r, t.time(r));
    }

    /** A repost's links, tags, media and text are the original's: only co-repost speaks for the reposter. */
    private static boolean isRepost(PostTable t, int r) {
        return t.kind(r) == PostKind.REPOST.ordinal() || t.repostOf(r) >= 0;
    }

    private static boolean textual(PostTable t, int r) {
        return t.hasText() && t.text(r) != null && !isRepost(t, r);
    }

    private static void exactText(Actions.Builder b, PostTable t) {
        Long2IntOpenHashMap ids = new Long2IntOpenHashMap();
        ids.defaultReturnValue(-1);
        int[] objectOf = new int[t.size()];
        int[] firstRow = new int[16];
        for (int r = 0; r < t.size(); r++) {
            objectOf[r] = -1;
            if (!textual(t, r)) continue;
            String norm = TextNormalizer.normalize(t.text(r));
            if (norm.length() < MIN_EXACT_TEXT_CHARS) continue;
            long h = hash64(norm);
            int id = ids.putIfAbsent(h, ids.size());
            if (id < 0) {
                id = ids.size() - 1;
                if (id == firstRow.length) firstRow = Arrays.copyOf(firstRow, id * 2);
                firstRow[id] = r;
            }
            objectOf[r] = id;
        }
        final int[] fr = firstRow;
        b.beginSignal(Signal.CO_TEXT, ids.size(), id -> TextNormalizer.normalize(t.text(fr[id])));
        for (int r = 0; r < t.size(); r++) if (objectOf[r] >= 0) b.add(objectOf[r], t.account(r), t.post(r), r, t.time(r));
    }

    private static void nearText(Actions.Builder b, PostTable t, CoordinationConfig c, TextStats ts) {
        CoordinationConfig.NearText p = c.nearText();
        String[] norm = new String[t.size()];
        for (int r = 0; r < t.size(); r++) {
            if (!textual(t, r)) continue;
            String s = TextNormalizer.normalize(t.text(r));
            if (s.length() >= p.minChars()) norm[r] = s;
        }
        MinHashLsh.Result res = MinHashLsh.cluster(norm,
                new MinHashLsh.Params(p.shingle(), p.bands(), p.rows(), p.threshold(), p.maxBucket(), c.seed()));
        ts.nearPairs += res.confirmedPairs();
        ts.skippedBuckets += res.skippedBuckets();
        int[] cl = res.cluster();
        // dense cluster ids in order of first member
        int[] dense = new int[t.size()];
        Arrays.fill(dense, -1);
        int k = 0;
        int[] firstRow = new int[16];
        for (int r = 0; r < t.size(); r++) {
            if (cl[r] < 0) continue;
            if (dense[cl[r]] < 0) {
                if (k == firstRow.length) firstRow = Arrays.copyOf(firstRow, k * 2);
                firstRow[k] = cl[r];
                dense[cl[r]] = k++;
            }
        }
        final int[] fr = firstRow;
        b.beginSignal(Signal.NEAR_TEXT, k, id -> "≈ " + TextNormalizer.normalize(t.text(fr[id])));
        for (int r = 0; r < t.size(); r++) {
            if (cl[r] >= 0) b.add(dense[cl[r]], t.account(r), t.post(r), r, t.time(r));
        }
    }

    static long hash64(String s) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < s.length(); i++) h = (h ^ s.charAt(i)) * 0x100000001B3L;
        return MinHashLsh.mix(h ^ s.length());
    }
}
