package org.lockstep.core.plans;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.lockstep.core.model.IntLists;
import org.lockstep.core.model.PostTable;
import org.lockstep.core.plans.CallExtractor.Call;
import org.lockstep.core.plans.CallExtractor.Item;
import org.lockstep.core.plans.CallExtractor.Kind;
import org.lockstep.core.plans.CallExtractor.RevealedHandle;
import org.lockstep.core.plans.CallExtractor.Role;

/**
 * Links calls to action from a chat to the public posts that carried them out. For each call: the
 * posts carrying its items (hashtags, links, domains, targeted handles, quoted text) in a baseline
 * window before the message, in the execution window from the message to the call's time plus
 * {@code executionMs}, and later up to the horizon; an exact test of whether the item's rate jumped
 * ({@link AdoptionTest}), with Benjamini–Hochberg over all calls; and the adopters: accounts whose
 * first post with an item falls in the execution window and that took up, in that window, at least one
 * of the call's items they had not used in the baseline. Accounts that had used every item they post in
 * the window are the items' own public, reported as {@code prior_users}; judging item by item keeps an
 * operative who copied the same slogan for an earlier call (a shared element, used in the baseline) an
 * adopter of a call whose new hashtag they take up. Accounts whose first use comes after the execution
 * window are organic uptake, counted apart. Across calls, accounts
 * that adopted at least {@code minCallsForNetwork} executed calls form the executing network. Handles
 * the chat reveals ("my new account @x") or lists to follow are matched to the posts' accounts.
 *
 * <p>Image attachments count when the caller matched them to posts by perceptual hash
 * ({@link MediaLinks}); otherwise calls whose only items are attachments are reported as untested.
 */
public final class PlanLinker {
    /**
     * @param baselineMs         how far before the message the item's own rate is measured
     * @param executionMs        how long after the call's time (its scheduled time, else its message) posts count as execution
     * @param horizonMs          how long after the call's time later uptake is counted
     * @param alpha              false-discovery rate over calls for "executed"
     * @param minAdopters        an executed call needs at least this many adopters
     * @param minCallsForNetwork accounts adopting at least this many executed calls form the executing network
     */
    public record Config(long baselineMs, long executionMs, long horizonMs, double alpha, int minAdopters, int minCallsForNetwork) {
        public Config {
            if (baselineMs <= 0 || executionMs <= 0) throw new IllegalArgumentException("baseline and execution windows must be positive");
            if (horizonMs < executionMs) throw new IllegalArgumentException("the horizon must be at least the execution window");
            if (!(alpha > 0 && alpha < 1)) throw new IllegalArgumentException("alpha must be in (0, 1)");
            if (minAdopters < 1 || minCallsForNetwork < 1) throw new IllegalArgumentException("minimum counts must be at least 1");
        }

        /** 7 days of baseline, 2 hours of execution, 7 days of horizon, FDR 1 %, 3 adopters, 2 calls. */
        public static Config defaults() {
            return builder().build();
        }

        public static Builder builder() { return new Builder(); }

        public Builder toBuilder() {
            return new Builder().baselineMs(baselineMs).executionMs(executionMs).horizonMs(horizonMs).alpha(alpha)
                    .minAdopters(minAdopters).minCallsForNetwork(minCallsForNetwork);
        }

        /** Builds a {@link Config}; the defaults live here. Not thread-safe. */
        public static final class Builder {
            private long baselineMs = 7 * 86_400_000L, executionMs = 2 * 3_600_000L, horizonMs = 7 * 86_400_000L;
            private double alpha = 0.01;
            private int minAdopters = 3, minCallsForNetwork = 2;

            private Builder() {}

            public Builder baselineMs(long v) { baselineMs = v; return this; }
            public Builder executionMs(long v) { executionMs = v; return this; }
            public Builder horizonMs(long v) { horizonMs = v; return this; }
            public Builder alpha(double v) { alpha = v; return this; }
            public Builder minAdopters(int v) { minAdopters = v; return this; }
            public Builder minCallsForNetwork(int v) { minCallsForNetwork = v; return this; }

            public Config build() {
                return new Config(baselineMs, executionMs, horizonMs, alpha, minAdopters, minCallsForNetwork);
            }
        }
    }

    /** An account judged to have carried out a call: its first post with an item in the execution window. */
    public record Adopter(String accountId, String handle, String postId, long firstPostMs, long lagS) {}

    /** Counts and the test for one item of a call (or for the call's items together). */
    public record Uptake(int baselinePosts, int windowPosts, int laterPosts, double lift, double pValue) {}

    /** One item with whether it occurs in the posts at all, and its uptake. */
    public record ItemUptake(Item item, boolean inPosts, Uptake uptake) {}

    /**
     * A call linked to the posts: the uptake of its items together, the q-value across calls, whether it
     * was executed, its adopters (empty when not executed), the accounts in the window that had used
     * the items before, the accounts whose first use came later, the lag quartiles of the adopters,
     * the uptake per item, why it could not be tested (null when it was), and the times of the posts
     * carrying its items from one execution window before the message to three after the call's time
     * (for a timeline).
     */
    public record LinkedCall(Call call, Uptake uptake, double qValue, boolean executed, List<Adopter> adopters,
            int windowAccounts, int priorUsers, int laterAccounts, long[] lagQuartilesS, List<ItemUptake> items, String untested,
            long[] nearbyTimes) {}

    /** An account of the executing network: the executed calls it adopted and its median lag. */
    public record NetworkAccount(String accountId, String handle, List<String> callIds, long medianLagS) {}

    /**
     * A handle the chat revealed: as a member's own ({@code how = "self"}) or on a list to follow
     * ({@code "follow-list"}); the account with that handle in the posts (or null) and how many executed
     * calls it adopted.
     */
    public record RevealedMatch(String how, String chatAuthor, String handle, String messageId, long atMs, String accountId,
            int callsAdopted, String evidence) {}

    public record Result(List<LinkedCall> calls, List<NetworkAccount> network, List<RevealedMatch> revealed, int posts) {}

    private final Config config;

    public PlanLinker(Config config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public Result run(CallExtractor.Result chat, PostTable t) {
        return run(chat, t, Map.of());
    }

    /**
     * Links the calls, with the rows of posts whose media match each image attachment
     * ({@link MediaLinks#rows}; attachments missing from the map are not tested).
     */
    public Result run(CallExtractor.Result chat, PostTable t, Map<String, int[]> attachmentRows) {
        Index ix = new Index(chat.calls(), t, attachmentRows);
        List<LinkedCall> out = new ArrayList<>(chat.calls().size());
        long dataStart = t.size() == 0 ? Long.MAX_VALUE : t.time(0);
        List<int[]> windows = new ArrayList<>();
        List<List<int[]>> itemRows = new ArrayList<>();
        double[] p = new double[chat.calls().size()];
        Uptake[] ups = new Uptake[p.length];
        List<List<ItemUptake>> perItem = new ArrayList<>();
        String[] untested = new String[p.length];
        for (int c = 0; c < p.length; c++) {
            Call call = chat.calls().get(c);
            long msg = call.message().timeMs();
            long ref = call.referenceMs();
            long b0 = Math.max(msg - config.baselineMs(), dataStart);
            long w1 = ref + config.executionMs() - msg;
            List<ItemUptake> items = new ArrayList<>();
            List<int[]> used = new ArrayList<>();
            for (Item it : call.items()) {
                int[] rows = ix.rows(it);
                if (rows == null) {
                    items.add(new ItemUptake(it, false, null));
                    continue;
                }
                items.add(new ItemUptake(it, rows.length > 0, uptake(rows, t, b0, msg, w1, ref)));
                if (it.kind() == Kind.DOMAIN && hasLinkOn(call, it.value())) continue; // its link already counts
                used.add(rows);
            }
            perItem.add(items);
            itemRows.add(used);
            int[] rows = union(used);
            windows.add(rows);
            if (used.isEmpty()) {
                untested[c] = "no item that public posts can carry (attachments need their images and the posts' media: --attachments, --media; "
                        + "follow lists are matched as handles)";
                p[c] = Double.NaN;
            } else if (msg - b0 < config.executionMs()) {
                untested[c] = "less baseline before the call than one execution window";
                p[c] = Double.NaN;
            } else {
                ups[c] = uptake(rows, t, b0, msg, w1, ref);
                p[c] = ups[c].pValue();
            }
        }
        double[] q = AdoptionTest.qValues(p);
        Int2ObjectOpenHashMap<List<String>> adoptedBy = new Int2ObjectOpenHashMap<>();
        Int2ObjectOpenHashMap<IntArrayList> lagsBy = new Int2ObjectOpenHashMap<>();
        for (int c = 0; c < p.length; c++) {
            Call call = chat.calls().get(c);
            long msg = call.message().timeMs();
            long ref = call.referenceMs();
            long b0 = Math.max(msg - config.baselineMs(), dataStart);
            long end = ref + config.executionMs();
            long horizon = ref + config.horizonMs();
            int[] rows = windows.get(c);
            IntOpenHashSet prior = new IntOpenHashSet();
            Int2IntOpenHashMap first = new Int2IntOpenHashMap(); // account -> first row at or after the message
            for (int r : rows) {
                long ts = t.time(r);
                if (ts >= b0 && ts < msg) prior.add(t.account(r));
                else if (ts >= msg && ts < horizon && !first.containsKey(t.account(r))) first.put(t.account(r), r);
            }
            // accounts that took up, in the execution window, an item they had not used in the baseline
            IntOpenHashSet takesUpNew = new IntOpenHashSet();
            for (int[] its : itemRows.get(c)) {
                IntOpenHashSet usedBefore = new IntOpenHashSet();
                for (int r : its) {
                    long ts = t.time(r);
                    if (ts >= b0 && ts < msg) usedBefore.add(t.account(r));
                }
                for (int r : its) {
                    long ts = t.time(r);
                    if (ts >= msg && ts < end && !usedBefore.contains(t.account(r))) takesUpNew.add(t.account(r));
                }
            }
            List<Adopter> adopters = new ArrayList<>();
            int window = 0;
            int priorInWindow = 0;
            int later = 0;
            for (Int2IntOpenHashMap.Entry e : first.int2IntEntrySet()) {
                int acc = e.getIntKey();
                int r = e.getIntValue();
                if (t.time(r) >= end) {
                    if (!prior.contains(acc)) later++;
                    continue;
                }
                window++;
                if (!takesUpNew.contains(acc)) {
                    priorInWindow++;
                    continue;
                }
                adopters.add(new Adopter(t.accountId(r), handle(t, acc), t.postId(r), t.time(r), Math.floorDiv(t.time(r) - ref, 1000L)));
            }
            adopters.sort((a, b) -> a.firstPostMs() != b.firstPostMs() ? Long.compare(a.firstPostMs(), b.firstPostMs())
                    : a.accountId().compareTo(b.accountId()));
            boolean executed = untested[c] == null && q[c] <= config.alpha() && adopters.size() >= config.minAdopters();
            long[] lags = adopters.stream().mapToLong(Adopter::lagS).sorted().toArray();
            long[] quart = lags.length == 0 ? new long[0]
                    : new long[] {lags[(lags.length - 1) / 4], lags[(lags.length - 1) / 2], lags[(3 * (lags.length - 1)) / 4]};
            if (executed) {
                for (Adopter a : adopters) {
                    int acc = t.accounts().find(a.accountId());
                    adoptedBy.computeIfAbsent(acc, k -> new ArrayList<>()).add(call.message().id());
                    lagsBy.computeIfAbsent(acc, k -> new IntArrayList()).add((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, a.lagS())));
                }
            }
            long from = msg - config.executionMs();
            long to = ref + 3 * config.executionMs();
            long[] nearby = Arrays.stream(rows).mapToLong(r -> t.time(r)).filter(x -> x >= from && x < to).toArray();
            out.add(new LinkedCall(call, ups[c], q[c], executed, executed ? List.copyOf(adopters) : List.of(), window,
                    priorInWindow, later, quart, List.copyOf(perItem.get(c)), untested[c], nearby));
        }
        List<NetworkAccount> network = new ArrayList<>();
        for (Int2ObjectOpenHashMap.Entry<List<String>> e : adoptedBy.int2ObjectEntrySet()) {
            if (e.getValue().size() < config.minCallsForNetwork()) continue;
            int[] l = lagsBy.get(e.getIntKey()).toIntArray();
            Arrays.sort(l);
            network.add(new NetworkAccount(t.accounts().get(e.getIntKey()), handle(t, e.getIntKey()), List.copyOf(e.getValue()), l[(l.length - 1) / 2]));
        }
        network.sort((a, b) -> a.callIds().size() != b.callIds().size() ? Integer.compare(b.callIds().size(), a.callIds().size())
                : a.accountId().compareTo(b.accountId()));
        return new Result(List.copyOf(out), List.copyOf(network), revealed(chat, t, adoptedBy), t.size());
    }

    private List<RevealedMatch> revealed(CallExtractor.Result chat, PostTable t, Int2ObjectOpenHashMap<List<String>> adoptedBy) {
        Map<String, Integer> byHandle = new HashMap<>();
        for (int a = 0; a < t.accountInfo().size(); a++) {
            String h = t.accountInfo().handle[a];
            if (h != null) byHandle.putIfAbsent(h.toLowerCase(Locale.ROOT).replaceFirst("^@", ""), a);
        }
        Map<String, RevealedMatch> out = new LinkedHashMap<>();
        for (RevealedHandle r : chat.revealed()) {
            out.putIfAbsent("self:" + r.handle() + ":" + r.messageId(), match("self", r.chatAuthor(), r.handle(), r.messageId(), r.atMs(),
                    r.evidence(), byHandle, t, adoptedBy));
        }
        for (Call c : chat.calls()) {
            for (Item it : c.items()) {
                if (it.kind() != Kind.HANDLE || it.role() != Role.FOLLOW) continue;
                out.putIfAbsent("list:" + it.value() + ":" + c.message().id(), match("follow-list", c.message().authorLabel(), it.value(),
                        c.message().id(), c.message().timeMs(), CallExtractor.clip(c.message().text(), 200), byHandle, t, adoptedBy));
            }
        }
        return List.copyOf(out.values());
    }

    private static RevealedMatch match(String how, String author, String handle, String mid, long at, String evidence,
            Map<String, Integer> byHandle, PostTable t, Int2ObjectOpenHashMap<List<String>> adoptedBy) {
        Integer acc = byHandle.get(handle);
        List<String> calls = acc == null ? null : adoptedBy.get((int) acc);
        return new RevealedMatch(how, author, handle, mid, at, acc == null ? null : t.accounts().get(acc),
                calls == null ? 0 : calls.size(), evidence);
    }

    private static boolean hasLinkOn(Call call, String domain) {
        for (Item it : call.items()) {
            if (it.kind() == Kind.LINK) {
                String h = org.lockstep.core.url.UrlNormalizer.host(it.value());
                String d = h == null ? null : org.lockstep.core.url.UrlNormalizer.registrableDomain(h);
                if (domain.equals(d)) return true;
            }
        }
        return false;
    }

    private Uptake uptake(int[] rows, PostTable t, long b0, long msg, long w1, long ref) {
        int n0 = 0, n1 = 0, later = 0;
        long end = ref + config.executionMs();
        long horizon = ref + config.horizonMs();
        for (int r : rows) {
            long ts = t.time(r);
            if (ts >= b0 && ts < msg) n0++;
            else if (ts >= msg && ts < end) n1++;
            else if (ts >= end && ts < horizon) later++;
        }
        double w0 = msg - b0;
        if (w0 <= 0) return new Uptake(n0, n1, later, Double.NaN, Double.NaN);
        AdoptionTest.Outcome o = AdoptionTest.test(n0, w0, n1, w1);
        return new Uptake(n0, n1, later, o.lift(), o.pValue());
    }

    private static String handle(PostTable t, int acc) {
        return acc >= 0 && acc < t.accountInfo().size() ? t.accountInfo().handle[acc] : null;
    }

    /** Sorted distinct rows of several sorted row lists. */
    static int[] union(List<int[]> lists) {
        if (lists.size() == 1) return lists.get(0);
        int n = 0;
        for (int[] l : lists) n += l.length;
        int[] all = new int[n];
        int k = 0;
        for (int[] l : lists) {
            System.arraycopy(l, 0, all, k, l.length);
            k += l.length;
        }
        Arrays.sort(all);
        int m = 0;
        for (int i = 0; i < n; i++) if (m == 0 || all[m - 1] != all[i]) all[m++] = all[i];
        return Arrays.copyOf(all, m);
    }

    /** The rows carrying each item of any call, built in one pass over the table. */
    private static final class Index {
        private final Map<String, int[]> rows = new HashMap<>();

        Index(List<Call> calls, PostTable t, Map<String, int[]> attachmentRows) {
            for (Map.Entry<String, int[]> e : attachmentRows.entrySet()) rows.put("a:" + e.getKey(), e.getValue());
            Object2IntOpenHashMap<String> slot = new Object2IntOpenHashMap<>();
            slot.defaultReturnValue(-1);
            List<IntArrayList> lists = new ArrayList<>();
            Int2IntOpenHashMap tags = new Int2IntOpenHashMap(), urls = new Int2IntOpenHashMap(),
                    domains = new Int2IntOpenHashMap(), mentions = new Int2IntOpenHashMap();
            for (Int2IntOpenHashMap m : List.of(tags, urls, domains, mentions)) m.defaultReturnValue(-1);
            List<String> quotes = new ArrayList<>();
            IntArrayList quoteSlots = new IntArrayList();
            for (Call c : calls) {
                for (Item it : c.items()) {
                    String key = key(it);
                    if (key == null || slot.containsKey(key) || it.kind() == Kind.ATTACHMENT) continue;
                    int id = switch (it.kind()) {
                        case HASHTAG -> t.tags().find(it.value());
                        case LINK -> t.urlIds().find(it.value());
                        case DOMAIN -> t.domainIds().find(it.value());
                        case HANDLE -> t.handles().find(it.value());
                        default -> -1;
                    };
                    int s = lists.size();
                    slot.put(key, s);
                    lists.add(new IntArrayList());
                    switch (it.kind()) {
                        case HASHTAG -> { if (id >= 0) tags.put(id, s); }
                        case LINK -> { if (id >= 0) urls.put(id, s); }
                        case DOMAIN -> { if (id >= 0) domains.put(id, s); }
                        case HANDLE -> { if (id >= 0) mentions.put(id, s); }
                        case QUOTE -> {
                            quotes.add(normal(it.value()));
                            quoteSlots.add(s);
                        }
                        default -> { }
                    }
                }
            }
            for (int r = 0; r < t.size(); r++) {
                scan(t.hashtags(), r, tags, lists);
                scan(t.urls(), r, urls, lists);
                scan(t.domains(), r, domains, lists);
                scan(t.mentions(), r, mentions, lists);
                if (!quotes.isEmpty() && t.hasText() && t.text(r) != null) {
                    String x = normal(t.text(r));
                    for (int i = 0; i < quotes.size(); i++) {
                        IntArrayList l = lists.get(quoteSlots.getInt(i));
                        if (x.contains(quotes.get(i)) && (l.isEmpty() || l.getInt(l.size() - 1) != r)) l.add(r);
                    }
                }
            }
            for (Object2IntOpenHashMap.Entry<String> e : slot.object2IntEntrySet()) rows.put(e.getKey(), lists.get(e.getIntValue()).toIntArray());
        }


        private static void scan(IntLists col, int r, Int2IntOpenHashMap wanted, List<IntArrayList> lists) {
            if (wanted.isEmpty()) return;
            for (int i = col.start(r); i < col.end(r); i++) {
                int s = wanted.get(col.value(i));
                if (s < 0) continue;
                IntArrayList l = lists.get(s);
                if (l.isEmpty() || l.getInt(l.size() - 1) != r) l.add(r);
            }
        }

        /** The rows of an item, ascending (time order), or null when posts cannot carry it. */
        int[] rows(Item it) {
            String k = key(it);
            return k == null ? null : rows.get(k);
        }


        private static String key(Item it) {
            return switch (it.kind()) {
                case HASHTAG -> "h:" + it.value();
                case LINK -> "l:" + it.value();
                case DOMAIN -> "d:" + it.value();
                case HANDLE -> it.role() == Role.FOLLOW ? null : "@:" + it.value();
                case QUOTE -> "q:" + normal(it.value());
                case ATTACHMENT -> "a:" + it.value();
            };
        }

        /** Lower case with runs of white space as one space, for containment of copied text. */
        static String normal(String s) {
            StringBuilder b = new StringBuilder(s.length());
            boolean space = false;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c)) {
                    space = b.length() > 0;
                    continue;
                }
                if (space) b.append(' ');
                space = false;
                b.append(c);
            }
            return b.toString().toLowerCase(Locale.ROOT); // no regex per post: this runs over every post's text
        }
    }
}
