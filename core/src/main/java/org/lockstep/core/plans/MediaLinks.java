package org.lockstep.core.plans;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lockstep.core.images.HashIndex;
import org.lockstep.core.model.PostTable;

/**
 * Matches a chat's image attachments to the posts whose media show the same picture: the perceptual
 * hashes of the posts' media (one per media id of the table, when the file was available) go into a
 * {@link HashIndex}; each attachment's hash is looked up within a Hamming radius; the posts carrying
 * any media found are the attachment's rows. A meme re-captioned or recompressed still matches (see
 * {@link org.lockstep.core.images.PerceptualHash#PHASH_NEAR}); different pictures do not.
 */
public final class MediaLinks {
    private MediaLinks() {}

    /**
     * @param mediaHash   a hash per media id of {@code t} ({@link PostTable#mediaIds}), meaningful where {@code known}
     * @param known       which media ids have a hash (their file was found and read)
     * @param attachments each attachment (as the chat names it) and its hash
     * @param radius      the largest Hamming distance of a match
     * @return for each attachment, the rows of the posts carrying a matching picture, ascending
     */
    public static Map<String, int[]> rows(PostTable t, long[] mediaHash, boolean[] known, Map<String, Long> attachments, int radius) {
        if (mediaHash.length != t.mediaIds().size() || known.length != mediaHash.length) {
            throw new IllegalArgumentException("one hash per media id of the table");
        }
        IntArrayList ids = new IntArrayList();
        for (int i = 0; i < known.length; i++) if (known[i]) ids.add(i);
        long[] hs = new long[ids.size()];
        for (int k = 0; k < hs.length; k++) hs[k] = mediaHash[ids.getInt(k)];
        HashIndex ix = new HashIndex(hs);
        HashIndex.Searcher s = ix.searcher();
        Map<String, IntArrayList> wantedBy = new LinkedHashMap<>();
        Int2ObjectOpenHashMap<java.util.List<String>> mediaToAttachments = new Int2ObjectOpenHashMap<>();
        for (Map.Entry<String, Long> e : attachments.entrySet()) {
            wantedBy.put(e.getKey(), new IntArrayList());
            IntArrayList near = s.within(e.getValue(), radius);
            for (int k = 0; k < near.size(); k++) {
                mediaToAttachments.computeIfAbsent(ids.getInt(near.getInt(k)), x -> new java.util.ArrayList<>()).add(e.getKey());
            }
        }
        for (int r = 0; r < t.size() && !mediaToAttachments.isEmpty(); r++) {
            for (int i = t.media().start(r); i < t.media().end(r); i++) {
                java.util.List<String> as = mediaToAttachments.get(t.media().value(i));
                if (as == null) continue;
                for (String a : as) {
                    IntArrayList l = wantedBy.get(a);
                    if (l.isEmpty() || l.getInt(l.size() - 1) != r) l.add(r);
                }
            }
        }
        Map<String, int[]> out = new HashMap<>();
        for (Map.Entry<String, IntArrayList> e : wantedBy.entrySet()) out.put(e.getKey(), e.getValue().toIntArray());
        return out;
    }
}
