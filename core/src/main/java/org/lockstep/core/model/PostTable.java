package org.lockstep.core.model;

import java.util.Arrays;
import java.util.Locale;
import org.lockstep.core.url.UrlNormalizer;

/**
 * All posts of a case as primitive columns over dense int ids, the input of every algorithm.
 * Row {@code r} is one post; strings live once in the {@link Interner}s. Missing ids are -1.
 *
 * <p>Hashtags are lower-cased; URLs are normalised with {@link UrlNormalizer}, and each post also gets
 * the URLs' hosts and registrable domains. Duplicate posts (same platform and id) are stored once.
 */
public final class PostTable {
    private final int size;
    private final byte[] platform;
    private final byte[] kind;
    /** 1 where the row's repost, quote or reply target was derived by the reader ({@link Post#derivedRef()}), else 0. */
    private final byte[] derived;
    private final long[] time;
    /** Post id of each row, in {@link #posts}. */
    private final int[] post;
    /** Author of each row, in {@link #accounts}. */
    private final int[] account;
    private final int[] repostOf, replyTo, quoteOf;
    private final int[] repostOfAccount, replyToAccount, quoteOfAccount;
    private final int[] lang;
    /** Text of each row, or null when the table was built without text. */
    private final String[] text;
    private final IntLists hashtags, urls, hosts, domains, mentions, media;

    private final Interner posts, accounts, langs, tags, urlIds, hostIds, domainIds, handles, mediaIds;
    private final AccountTable accountInfo;
    /** 64-bit perceptual hashes of media ids worked out from local files, where known (null: none). */
    private final long[] mediaHash;
    private final boolean[] mediaHashKnown;

    /** {@code order}: the builder's row of each row, or null to keep the builder's order. */
    private PostTable(Builder b, int[] order) {
        size = b.size;
        platform = permute(b.platform, order, size);
        kind = permute(b.kind, order, size);
        derived = permute(b.derived, order, size);
        time = permute(b.time, order, size);
        post = permute(b.post, order, size);
        account = permute(b.account, order, size);
        repostOf = permute(b.repostOf, order, size);
        replyTo = permute(b.replyTo, order, size);
        quoteOf = permute(b.quoteOf, order, size);
        repostOfAccount = permute(b.repostOfAccount, order, size);
        replyToAccount = permute(b.replyToAccount, order, size);
        quoteOfAccount = permute(b.quoteOfAccount, order, size);
        lang = permute(b.lang, order, size);
        text = b.keepText ? permute(b.text, order, size) : null;
        hashtags = permute(b.hashtags.build(), order);
        urls = permute(b.urls.build(), order);
        hosts = permute(b.hosts.build(), order);
        domains = permute(b.domains.build(), order);
        mentions = permute(b.mentions.build(), order);
        media = permute(b.media.build(), order);
        posts = b.posts;
        accounts = b.accounts;
        langs = b.langs;
        tags = b.tags;
        urlIds = b.urlIds;
        hostIds = b.hostIds;
        domainIds = b.domainIds;
        handles = b.handles;
        mediaIds = b.mediaIds;
        accountInfo = b.accountInfo.build(accounts.size());
        mediaHash = null;
        mediaHashKnown = null;
    }

    /** {@code o} with media hashes (the columns shared, not copied). */
    private PostTable(PostTable o, long[] hash, boolean[] known) {
        size = o.size;
        platform = o.platform;
        kind = o.kind;
        derived = o.derived;
        time = o.time;
        post = o.post;
        account = o.account;
        repostOf = o.repostOf;
        replyTo = o.replyTo;
        quoteOf = o.quoteOf;
        repostOfAccount = o.repostOfAccount;
        replyToAccount = o.replyToAccount;
        quoteOfAccount = o.quoteOfAccount;
        lang = o.lang;
        text = o.text;
        hashtags = o.hashtags;
        urls = o.urls;
        hosts = o.hosts;
        domains = o.domains;
        mentions = o.mentions;
        media = o.media;
        posts = o.posts;
        accounts = o.accounts;
        langs = o.langs;
        tags = o.tags;
        urlIds = o.urlIds;
        hostIds = o.hostIds;
        domainIds = o.domainIds;
        handles = o.handles;
        mediaIds = o.mediaIds;
        accountInfo = o.accountInfo;
        mediaHash = hash;
        mediaHashKnown = known;
    }

    /**
     * This table with a 64-bit perceptual hash for each media id where {@code known[m]} (as
     * {@code org.lockstep.core.images.PerceptualHash} computes it from the media file): the {@code co-image}
     * signal then groups near-duplicate pictures whatever their ids. The columns are shared, not copied.
     */
    public PostTable withMediaHashes(long[] hash, boolean[] known) {
        if (hash.length != mediaIds.size() || known.length != hash.length) {
            throw new IllegalArgumentException("one hash per media id: " + hash.length + "/" + known.length + " for " + mediaIds.size());
        }
        return new PostTable(this, hash.clone(), known.clone());
    }

    /**
     * The key the {@code co-image} signal compares for media id {@code m}: its perceptual hash as 16 hex
     * digits when one was worked out from a file, else the id as the source gave it (which may itself be
     * such a hash).
     */
    public String mediaKey(int m) {
        if (mediaHash != null && mediaHashKnown[m]) return String.format(java.util.Locale.ROOT, "%016x", mediaHash[m]);
        return mediaIds.get(m);
    }

    public static Builder builder() {
        return new Builder(true, 0);
    }

    /** A builder that drops post text, for large runs that need no text signals. */
    public static Builder builder(boolean keepText) {
        return new Builder(keepText, 0);
    }

    /**
     * Like {@link #builder(boolean)}, with room for about {@code expectedPosts} posts made up front, so
     * that tens of millions of posts are stored without growing (and rehashing) the columns and post ids
     * again and again. The hint only sizes; any number of posts may be added.
     */
    public static Builder builder(boolean keepText, int expectedPosts) {
        return new Builder(keepText, expectedPosts);
    }

    /** Number of rows (posts). */
    public int size() { return size; }
    /** Kind of a row, as {@link PostKind#ordinal()}. */
    public byte kind(int row) { return kind[row]; }
    /** Platform of a row, as {@link Platform#ordinal()}. */
    public byte platform(int row) { return platform[row]; }
    /**
     * The first row whose time is at or after {@code time} ({@link #size()} if none): rows are sorted by
     * time, so rows {@code [firstRowAt(a), firstRowAt(b))} are the posts of {@code [a, b)}.
     */
    public int firstRowAt(long time) {
        int lo = 0, hi = size;
        while (lo < hi) {
            int m = (lo + hi) >>> 1;
            if (this.time[m] < time) lo = m + 1; else hi = m;
        }
        return lo;
    }
    /** Time of a row, epoch milliseconds. */
    public long time(int row) { return time[row]; }
    /** Post id of a row, in {@link #posts()}. */
    public int post(int row) { return post[row]; }
    /** Author of a row, in {@link #accounts()}. */
    public int account(int row) { return account[row]; }
    /** Whether the row's repost, quote or reply target was derived by the reader. */
    public boolean derived(int row) { return derived[row] != 0; }
    /** Reposted post of a row in {@link #posts()}, or -1. */
    public int repostOf(int row) { return repostOf[row]; }
    /** Post replied to, or -1. */
    public int replyTo(int row) { return replyTo[row]; }
    /** Post quoted, or -1. */
    public int quoteOf(int row) { return quoteOf[row]; }
    /** Author of the reposted post, or -1. */
    public int repostOfAccount(int row) { return repostOfAccount[row]; }
    /** Author of the post replied to, or -1. */
    public int replyToAccount(int row) { return replyToAccount[row]; }
    /** Author of the quoted post, or -1. */
    public int quoteOfAccount(int row) { return quoteOfAccount[row]; }
    /** Language of a row in {@link #langs()}, or -1. */
    public int lang(int row) { return lang[row]; }
    /** Whether the table keeps post text. */
    public boolean hasText() { return text != null; }
    /** Text of a row, or null when the table was built without text. */
    public String text(int row) { return text == null ? null : text[row]; }
    public IntLists hashtags() { return hashtags; }
    public IntLists urls() { return urls; }
    public IntLists hosts() { return hosts; }
    public IntLists domains() { return domains; }
    public IntLists mentions() { return mentions; }
    public IntLists media() { return media; }
    public Interner posts() { return posts; }
    public Interner accounts() { return accounts; }
    public Interner langs() { return langs; }
    public Interner tags() { return tags; }
    public Interner urlIds() { return urlIds; }
    public Interner hostIds() { return hostIds; }
    public Interner domainIds() { return domainIds; }
    public Interner handles() { return handles; }
    public Interner mediaIds() { return mediaIds; }
    public AccountTable accountInfo() { return accountInfo; }

    public String postId(int row) { return posts.get(post[row]); }
    public String accountId(int row) { return accounts.get(account[row]); }
    public PostKind kindOf(int row) { return PostKind.of(kind[row]); }
    public Platform platformOf(int row) { return Platform.of(platform[row]); }

    /** Incrementally builds a table; rows are sorted by time when built. Not thread-safe. */
    public static final class Builder {
        private final boolean keepText;
        private int size;
        private byte[] platform;
        private byte[] kind;
        private byte[] derived;
        private long[] time;
        private int[] post;
        private int[] account;
        private int[] repostOf, replyTo, quoteOf;
        private int[] repostOfAccount, replyToAccount, quoteOfAccount;
        private int[] lang;
        private String[] text;
        private final IntLists.Builder hashtags = new IntLists.Builder(), urls = new IntLists.Builder(),
                hosts = new IntLists.Builder(), domains = new IntLists.Builder(),
                mentions = new IntLists.Builder(), media = new IntLists.Builder();
        private final Interner posts, accounts = new Interner(1 << 10), langs = new Interner(),
                tags = new Interner(), urlIds = new Interner(), hostIds = new Interner(), domainIds = new Interner(),
                handles = new Interner(), mediaIds = new Interner();
        private final AccountTable.Builder accountInfo = new AccountTable.Builder();
        /**
         * Per platform, a bit per post id ({@link #posts} ids are dense) set once a post with that id was
         * stored: the duplicate check without a hash set of its own.
         */
        private final long[][] seen = new long[Platform.values().length][];
        private static final int RAW_URL_CACHE = 1 << 22;
        private final it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap<String> rawUrls = rawUrlCache();
        private final it.unimi.dsi.fastutil.ints.IntArrayList urlHost = new it.unimi.dsi.fastutil.ints.IntArrayList();
        private final it.unimi.dsi.fastutil.ints.IntArrayList hostDomain = new it.unimi.dsi.fastutil.ints.IntArrayList();
        private long duplicates;

        private Builder(boolean keepText, int expectedPosts) {
            this.keepText = keepText;
            int rows = Math.max(1024, expectedPosts);
            platform = new byte[rows];
            kind = new byte[rows];
            derived = new byte[rows];
            time = new long[rows];
            post = new int[rows];
            account = new int[rows];
            repostOf = new int[rows];
            replyTo = new int[rows];
            quoteOf = new int[rows];
            repostOfAccount = new int[rows];
            replyToAccount = new int[rows];
            quoteOfAccount = new int[rows];
            lang = new int[rows];
            text = new String[keepText ? rows : 1024];
            posts = new Interner(Math.max(1 << 12, expectedPosts));
        }

        private static it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap<String> rawUrlCache() {
            var m = new it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap<String>();
            m.defaultReturnValue(-2);
            return m;
        }

        /** How many numbers {@link #numbers} writes per post. */
        public static final int NUMBERS = 8;

        private final long[] scratch = new long[NUMBERS];
        /** Sum of what {@link Interner#touch} read, kept so that those reads are not optimised away. */
        private long touched;

        /**
         * Writes to {@code out[off..off+NUMBERS)} the {@link Interner#canonicalNumber}s of the post's id, its
         * account id and the post and account ids of its three references (-1 where missing or not a
         * number). Any thread may call it, so that a reader can do this part of {@link #add} while the
         * builder works on earlier posts. It also works out the hash codes of the post's hashtags,
         * mentions and URLs, which {@link #add} looks up (a {@link String} keeps its hash code once computed).
         */
        public static void numbers(Post p, long[] out, int off) {
            out[off] = Interner.canonicalNumber(p.id());
            out[off + 1] = Interner.canonicalNumber(p.accountId());
            refNumbers(p.repostOf(), out, off + 2);
            refNumbers(p.replyTo(), out, off + 4);
            refNumbers(p.quoteOf(), out, off + 6);
            hash(p.hashtags());
            hash(p.mentions());
            hash(p.urls());
        }

        private static void hash(java.util.List<String> strings) {
            for (int i = 0, n = strings.size(); i < n; i++) {
                String s = strings.get(i);
                if (s != null) s.hashCode();
            }
        }

        private static void refNumbers(PostRef ref, long[] out, int off) {
            out[off] = ref == null || ref.postId() == null ? -1 : Interner.canonicalNumber(ref.postId());
            out[off + 1] = ref == null || ref.accountId() == null ? -1 : Interner.canonicalNumber(ref.accountId());
        }

        /** Adds a post; returns false (and stores nothing) when the same platform and id was added before. */
        public boolean add(Post p) {
            numbers(p, scratch, 0);
            return add(p, scratch, 0);
        }

        /** {@link #add(Post)} with the post's {@link #numbers} worked out before, in {@code nums[off..]}. */
        public boolean add(Post p, long[] nums, int off) {
            // the id map slots this post needs, read together so that their cache misses overlap
            touched += posts.touch(nums[off]) + accounts.touch(nums[off + 1]) + posts.touch(nums[off + 2])
                    + posts.touch(nums[off + 4]);
            int pid = posts.intern(p.id(), nums[off]);
            if (!markSeen(p.platform().ordinal(), pid)) {
                duplicates++;
                lastDuplicate = pid;
                return false;
            }
            grow();
            int r = size;
            if (rowOfPost != null) noteRow(pid, r);
            platform[r] = (byte) p.platform().ordinal();
            kind[r] = (byte) p.kind().ordinal();
            derived[r] = (byte) (p.derivedRef() ? 1 : 0);
            time[r] = p.timeMs();
            post[r] = pid;
            int acc = accounts.intern(p.accountId(), nums[off + 1]);
            account[r] = acc;
            repostOf[r] = refPost(p.repostOf(), nums[off + 2]);
            replyTo[r] = refPost(p.replyTo(), nums[off + 4]);
            quoteOf[r] = refPost(p.quoteOf(), nums[off + 6]);
            repostOfAccount[r] = refAccount(p.repostOf(), nums[off + 3]);
            replyToAccount[r] = refAccount(p.replyTo(), nums[off + 5]);
            quoteOfAccount[r] = refAccount(p.quoteOf(), nums[off + 7]);
            lang[r] = p.lang() == null ? -1 : langs.intern(p.lang().toLowerCase(Locale.ROOT));
            if (keepText) text[r] = p.text();
            for (String h : p.hashtags()) {
                if (h == null || h.isEmpty()) continue;
                int t = tags.intern(h.toLowerCase(Locale.ROOT));
                if (!hashtags.rowContains(t)) hashtags.add(t);
            }
            hashtags.endRow();
            for (String u : p.urls()) {
                if (u == null) continue;
                int uid = urlId(u);
                if (uid < 0 || urls.rowContains(uid)) continue;
                urls.add(uid);
                int hid = urlHost.getInt(uid);
                if (hid >= 0) {
                    if (!hosts.rowContains(hid)) hosts.add(hid);
                    int did = hostDomain.getInt(hid);
                    if (did >= 0 && !domains.rowContains(did)) domains.add(did);
                }
            }
            urls.endRow();
            hosts.endRow();
            domains.endRow();
            for (String m : p.mentions()) {
                if (m == null || m.isEmpty()) continue;
                int h = handles.intern(m.toLowerCase(Locale.ROOT));
                if (!mentions.rowContains(h)) mentions.add(h);
            }
            mentions.endRow();
            for (Media m : p.media()) {
                String key = m.hash() != null ? m.hash() : m.url();
                if (key == null) continue;
                int mid = mediaIds.intern(key);
                if (!media.rowContains(mid)) media.add(mid);
            }
            media.endRow();
            AccountSnapshot snap = p.account();
            if (snap == null) accountInfo.observeMinimal(acc, p.timeMs(), p.handle());
            else accountInfo.observe(acc, p.timeMs(), snap.handle() != null ? snap.handle() : p.handle(), snap);
            size++;
            return true;
        }

        /** Sets the bit of post id {@code pid} on platform {@code pl}; false when it was set already. */
        private boolean markSeen(int pl, int pid) {
            long[] bits = seen[pl];
            int word = pid >>> 6;
            if (bits == null || word >= bits.length) {
                int n = Math.max(word + 1, Math.max(posts.size() >>> 6, bits == null ? 64 : bits.length * 2));
                bits = seen[pl] = bits == null ? new long[n] : Arrays.copyOf(bits, n);
            }
            long mask = 1L << pid; // shifts by pid mod 64
            if ((bits[word] & mask) != 0) return false;
            bits[word] |= mask;
            return true;
        }

        public int size() { return size; }

        /** Post id of the last post {@link #add} refused as a duplicate. */
        private int lastDuplicate = -1;
        /**
         * Row of each post id (-1: no row), per platform, made at the first duplicate only: inputs without
         * duplicates pay nothing for the conflict check.
         */
        private int[][] rowOfPost;

        private void noteRow(int pid, int r) {
            int pl = platform[r];
            int[] rows = rowOfPost[pl];
            if (rows == null || pid >= rows.length) {
                int n = Math.max(pid + 1, Math.max(posts.size(), rows == null ? 1024 : rows.length * 2));
                int old = rows == null ? 0 : rows.length;
                rows = rowOfPost[pl] = rows == null ? new int[n] : Arrays.copyOf(rows, n);
                Arrays.fill(rows, old, n, -1);
            }
            rows[pid] = r;
        }

        /**
         * After {@link #add} refused {@code p} as a duplicate: how it differs from the post kept under the
         * same platform and id (account, time, kind, referenced posts, and text when text is kept), or null
         * when it is the same post again. A differing duplicate is a conflict the caller should report: the
         * first post is the one kept.
         */
        public String conflict(Post p) {
            if (lastDuplicate < 0) return null;
            if (rowOfPost == null) {
                rowOfPost = new int[Platform.values().length][];
                for (int r = 0; r < size; r++) noteRow(post[r], r);
            }
            int[] rows = rowOfPost[p.platform().ordinal()];
            int r = rows == null || lastDuplicate >= rows.length ? -1 : rows[lastDuplicate];
            if (r < 0) return null;
            StringBuilder d = new StringBuilder();
            if (!accounts.get(account[r]).equals(p.accountId())) d.append("account, ");
            if (time[r] != p.timeMs()) d.append("time, ");
            if (kind[r] != p.kind().ordinal()) d.append("kind, ");
            if (!sameRef(repostOf[r], p.repostOf()) || !sameRef(replyTo[r], p.replyTo())
                    || !sameRef(quoteOf[r], p.quoteOf())) d.append("referenced post, ");
            if (keepText && !java.util.Objects.equals(text[r], p.text())) d.append("text, ");
            return d.length() == 0 ? null : d.substring(0, d.length() - 2);
        }

        private boolean sameRef(int kept, PostRef ref) {
            String id = ref == null ? null : ref.postId();
            return kept < 0 ? id == null : id != null && id.equals(posts.get(kept));
        }

        /** Posts rejected by {@link #add} because their platform and id had been added before. */
        public long duplicates() { return duplicates; }

        /** Normalised URL id of a raw URL (-1 if not an http(s) URL), computing host and domain once per URL. */
        private int urlId(String raw) {
            int uid = rawUrls.getInt(raw);
            if (uid != -2) return uid;
            String n = UrlNormalizer.normalize(raw);
            uid = n == null ? -1 : urlIds.intern(n);
            if (uid >= 0 && uid == urlHost.size()) {
                String host = UrlNormalizer.host(n);
                int hid = -1;
                if (host != null) {
                    hid = hostIds.intern(host);
                    if (hid == hostDomain.size()) {
                        String d = UrlNormalizer.registrableDomain(host);
                        hostDomain.add(d == null ? -1 : domainIds.intern(d));
                    }
                }
                urlHost.add(hid);
            }
            if (rawUrls.size() < RAW_URL_CACHE) rawUrls.put(raw, uid);
            return uid;
        }

        private int refPost(PostRef ref, long n) {
            return ref == null || ref.postId() == null ? -1 : posts.intern(ref.postId(), n);
        }

        private int refAccount(PostRef ref, long n) {
            if (ref == null || ref.accountId() == null) return -1;
            int a = accounts.intern(ref.accountId(), n);
            if (ref.handle() != null) accountInfo.observeHandle(a, ref.handle());
            return a;
        }

        private void grow() {
            if (size < time.length) return;
            // by half: after a size hint that fell a little short, doubling would waste most of the new room
            int n = (int) Math.min(Integer.MAX_VALUE - 8, time.length + (time.length >> 1));
            platform = Arrays.copyOf(platform, n);
            kind = Arrays.copyOf(kind, n);
            derived = Arrays.copyOf(derived, n);
            time = Arrays.copyOf(time, n);
            post = Arrays.copyOf(post, n);
            account = Arrays.copyOf(account, n);
            repostOf = Arrays.copyOf(repostOf, n);
            replyTo = Arrays.copyOf(replyTo, n);
            quoteOf = Arrays.copyOf(quoteOf, n);
            repostOfAccount = Arrays.copyOf(repostOfAccount, n);
            replyToAccount = Arrays.copyOf(replyToAccount, n);
            quoteOfAccount = Arrays.copyOf(quoteOfAccount, n);
            lang = Arrays.copyOf(lang, n);
            if (keepText) text = Arrays.copyOf(text, n);
        }

        /** Builds the table with rows in time order (stable for equal times). */
        public PostTable build() {
            long[] t = time;
            boolean sorted = true;
            for (int i = 1; i < size && sorted; i++) if (t[i - 1] > t[i]) sorted = false;
            if (sorted) return new PostTable(this, null); // rows already in time order: columns are copied
            int[] order = new int[size];
            for (int i = 0; i < size; i++) order[i] = i;
            it.unimi.dsi.fastutil.ints.IntArrays.mergeSort(order, (a, b) -> Long.compare(t[a], t[b]));
            return new PostTable(this, order);
        }
    }

    private static byte[] permute(byte[] a, int[] order, int n) {
        if (order == null) return java.util.Arrays.copyOf(a, n);
        byte[] r = new byte[order.length];
        for (int i = 0; i < order.length; i++) r[i] = a[order[i]];
        return r;
    }

    private static int[] permute(int[] a, int[] order, int n) {
        if (order == null) return java.util.Arrays.copyOf(a, n);
        int[] r = new int[order.length];
        for (int i = 0; i < order.length; i++) r[i] = a[order[i]];
        return r;
    }

    private static long[] permute(long[] a, int[] order, int n) {
        if (order == null) return java.util.Arrays.copyOf(a, n);
        long[] r = new long[order.length];
        for (int i = 0; i < order.length; i++) r[i] = a[order[i]];
        return r;
    }

    private static String[] permute(String[] a, int[] order, int n) {
        if (order == null) return java.util.Arrays.copyOf(a, n);
        String[] r = new String[order.length];
        for (int i = 0; i < order.length; i++) r[i] = a[order[i]];
        return r;
    }

    private static IntLists permute(IntLists l, int[] order) {
        if (order == null) return l;
        int[] offsets = new int[order.length + 1];
        int[] values = new int[l.total()];
        int k = 0;
        for (int i = 0; i < order.length; i++) {
            int r = order[i];
            for (int j = l.start(r); j < l.end(r); j++) values[k++] = l.value(j);
            offsets[i + 1] = k;
        }
        return new IntLists(offsets, values);
    }
}
