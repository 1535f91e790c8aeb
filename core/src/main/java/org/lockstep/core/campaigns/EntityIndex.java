package org.lockstep.core.campaigns;

import java.util.Arrays;
import org.lockstep.core.model.PostTable;

/**
 * Every entity a campaign can push, with its occurrences: entity ids are dense over hashtags, URLs,
 * domains, narrative clusters and originals (posts that were reposted or quoted), in that order.
 * {@link #rows(int)} lists an entity's rows in time order (CSR); {@link #entitiesOf} gives a row's entities.
 * An original's occurrences are the original itself (when in the data), its reposts and its quotes.
 */
public final class EntityIndex {
    private final PostTable table;
    private final int[] base = new int[EntityType.values().length + 1];
    private final int[] originalPost;      // dense original index -> post id (in table.posts)
    private final int[] originalOfPost;    // post id -> dense original index, -1
    private final int[] narrativeOfRow;    // -1
    private final NarrativeClusters.Result narratives;
    private final int[] start;
    private final int[] rows;
    private final boolean[] enabled;

    private EntityIndex(PostTable table, NarrativeClusters.Result narratives, boolean[] enabled) {
        this.table = table;
        this.narratives = narratives;
        this.enabled = enabled;
        this.narrativeOfRow = narratives == null ? null : narratives.clusterOfRow();
        int np = table.posts().size();
        originalOfPost = new int[np];
        Arrays.fill(originalOfPost, -1);
        int no = 0;
        if (enabled[EntityType.POST.ordinal()]) {
            for (int r = 0; r < table.size(); r++) {
                int o = table.repostOf(r) >= 0 ? table.repostOf(r) : table.quoteOf(r);
                if (o >= 0 && originalOfPost[o] < 0) originalOfPost[o] = no++;
                if (table.repostOf(r) >= 0 && table.quoteOf(r) >= 0 && originalOfPost[table.quoteOf(r)] < 0) {
                    originalOfPost[table.quoteOf(r)] = no++;
                }
            }
        }
        originalPost = new int[no];
        for (int p = 0; p < np; p++) if (originalOfPost[p] >= 0) originalPost[originalOfPost[p]] = p;
        int[] sizes = {
                enabled[0] ? table.tags().size() : 0,
                enabled[1] ? table.urlIds().size() : 0,
                enabled[2] ? table.domainIds().size() : 0,
                narratives == null || !enabled[3] ? 0 : narratives.clusters(),
                no};
        for (int i = 0; i < sizes.length; i++) base[i + 1] = base[i] + sizes[i];
        int ne = base[sizes.length];
        start = new int[ne + 1];
        int[] buf = new int[256];
        for (int r = 0; r < table.size(); r++) {
            int k = entitiesOf(r, buf);
            for (int i = 0; i < k; i++) start[buf[i] + 1]++;
        }
        for (int e = 0; e < ne; e++) start[e + 1] += start[e];
        rows = new int[start[ne]];
        int[] fill = Arrays.copyOf(start, ne);
        for (int r = 0; r < table.size(); r++) {
            int k = entitiesOf(r, buf);
            for (int i = 0; i < k; i++) rows[fill[buf[i]]++] = r;
        }
    }

    /** Builds the index over the enabled entity types; {@code narratives} may be null. */
    public static EntityIndex build(PostTable table, NarrativeClusters.Result narratives, EntityType... types) {
        boolean[] en = new boolean[EntityType.values().length];
        for (EntityType t : types) en[t.ordinal()] = true;
        return new EntityIndex(table, narratives, en);
    }

    /** All five entity types. */
    public static EntityIndex build(PostTable table, NarrativeClusters.Result narratives) {
        return build(table, narratives, EntityType.values());
    }

    public PostTable table() { return table; }
    public int size() { return start.length - 1; }
    public int count(int e) { return start[e + 1] - start[e]; }
    public int rowsStart(int e) { return start[e]; }
    public int rowsEnd(int e) { return start[e + 1]; }
    /** The shared occurrence array; entity e's rows are {@code [rowsStart(e), rowsEnd(e))}. */
    public int[] rowArray() { return rows; }
    public int[] rows(int e) { return Arrays.copyOfRange(rows, start[e], start[e + 1]); }

    public EntityType type(int e) {
        for (int i = base.length - 2; i >= 0; i--) if (e >= base[i]) return EntityType.of(i);
        throw new IndexOutOfBoundsException(e);
    }

    /** Id of the entity within its type (hashtag id, url id, domain id, cluster id, original index). */
    public int local(int e) { return e - base[type(e).ordinal()]; }

    /** The entity's id, or -1 when absent, e.g. {@code find(HASHTAG, "leak")} (lower-case). */
    public int find(EntityType type, String key) {
        int id = switch (type) {
            case HASHTAG -> table.tags().find(key);
            case URL -> table.urlIds().find(key);
            case DOMAIN -> table.domainIds().find(key);
            case NARRATIVE -> -1;
            case POST -> {
                int p = table.posts().find(key);
                yield p < 0 ? -1 : originalOfPost[p];
            }
        };
        int b = base[type.ordinal()];
        return id < 0 || b + id >= base[type.ordinal() + 1] ? -1 : b + id;
    }

    /** Human-readable entity: "#tag", the URL, the domain, "narrative:N: first words", "post:ID". */
    public String label(int e) {
        EntityType t = type(e);
        int l = local(e);
        return switch (t) {
            case HASHTAG -> "#" + table.tags().get(l);
            case URL -> table.urlIds().get(l);
            case DOMAIN -> table.domainIds().get(l);
            case NARRATIVE -> {
                String txt = !table.hasText() ? null : table.text(narratives.firstRow()[l]);
                yield "narrative:" + l + (txt == null ? "" : ": " + abbreviate(txt, 80));
            }
            case POST -> "post:" + table.posts().get(originalPost[l]);
        };
    }

    /** For a POST entity, the original's post id (in {@code table.posts}). */
    public int originalPostId(int e) { return originalPost[local(e)]; }

    /** Writes the entities of row {@code r} into {@code out} and returns how many (at most out.length). */
    public int entitiesOf(int r, int[] out) {
        int k = 0, cap = out.length;
        if (enabled[0]) for (int j = table.hashtags().start(r); j < table.hashtags().end(r) && k < cap; j++) out[k++] = base[0] + table.hashtags().value(j);
        if (enabled[1]) for (int j = table.urls().start(r); j < table.urls().end(r) && k < cap; j++) out[k++] = base[1] + table.urls().value(j);
        if (enabled[2]) for (int j = table.domains().start(r); j < table.domains().end(r) && k < cap; j++) out[k++] = base[2] + table.domains().value(j);
        if (narrativeOfRow != null && enabled[3] && narrativeOfRow[r] >= 0 && k < cap) out[k++] = base[3] + narrativeOfRow[r];
        if (enabled[4] && k < cap) {
            int self = originalOfPost[table.post(r)];
            if (self >= 0) out[k++] = base[4] + self;
            int rp = table.repostOf(r) >= 0 ? originalOfPost[table.repostOf(r)] : -1;
            if (rp >= 0 && rp != self && k < cap) out[k++] = base[4] + rp;
            int q = table.quoteOf(r) >= 0 ? originalOfPost[table.quoteOf(r)] : -1;
            if (q >= 0 && q != self && q != rp && k < cap) out[k++] = base[4] + q;
        }
        return k;
    }

    static String abbreviate(String s, int max) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= max ? one : one.substring(0, max - 1) + "…";
    }
}
