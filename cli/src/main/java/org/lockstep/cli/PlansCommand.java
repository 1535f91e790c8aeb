package org.lockstep.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lockstep.core.model.PostTable;
import org.lockstep.core.images.PerceptualHash;
import org.lockstep.core.plans.CallExtractor;
import org.lockstep.core.plans.MediaLinks;
import org.lockstep.core.plans.PlanLinker;
import org.lockstep.core.plans.TimeExpressions;
import org.lockstep.io.chat.ChatCsvMapping;
import org.lockstep.io.chat.ChatFormat;
import org.lockstep.io.chat.ChatReadOptions;
import org.lockstep.io.chat.ChatReaders;
import org.lockstep.io.chat.ChatTooManyErrorsException;
import org.lockstep.io.out.CsvWriter;
import org.lockstep.io.report.Charts;
import org.lockstep.io.report.HtmlReport;
import org.lockstep.io.report.Section;
import org.lockstep.io.report.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lockstep plans}: calls to action in chat exports, linked to the public posts that carried them out. */
@Command(name = "plans", mixinStandardHelpOptions = true,
        description = {"Reads chat exports (DiscordChatExporter JSON, Telegram Desktop JSON, CSV), finds calls to action",
            "(hashtags, links, handles, text to copy, images, times in English and French) and links each to the public",
            "posts that carried it out: an exact test of the item's jump over its own baseline, the adopters and their lags,",
            "the accounts executing several calls, and the handles the chat reveals.",
            "Writes plans.json, calls.csv, adopters.csv, network.csv, revealed.csv and report.html to --out."})
final class PlansCommand implements Callable<Integer> {
    @Mixin
    InputOptions input;

    @Mixin
    InputOptions.Filter filter;

    @Option(names = "--chat", required = true, paramLabel = "FILE|DIR", description = "A chat export (plain or gzip); repeat for several.")
    List<Path> chats = new ArrayList<>();

    @Option(names = "--chat-format", paramLabel = "F", description = "Force the chat format: discord, telegram, csv (default: detected).")
    String chatFormat;

    @Option(names = "--chat-map", paramLabel = "SPEC", description = "CSV chat columns, e.g. time=sent,author=user,text=body,attachment=file[,separator=;].")
    String chatMap;

    @Option(names = "--tz", paramLabel = "ZONE", defaultValue = "UTC",
            description = "The chat's time zone, for times written without one (default: ${DEFAULT-VALUE}), e.g. Europe/Paris.")
    String tz;

    @Option(names = "--baseline", paramLabel = "S", defaultValue = "604800", description = "Baseline before each call, seconds (default: ${DEFAULT-VALUE}).")
    long baselineS;

    @Option(names = "--window", paramLabel = "S", defaultValue = "7200",
            description = "Execution window after the call's time, seconds (default: ${DEFAULT-VALUE}).")
    long windowS;

    @Option(names = "--horizon", paramLabel = "S", defaultValue = "604800", description = "Later uptake counted up to this long after the call's time (default: ${DEFAULT-VALUE}).")
    long horizonS;

    @Option(names = "--alpha", paramLabel = "Q", defaultValue = "0.01", description = "False-discovery rate over calls (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--min-adopters", paramLabel = "N", defaultValue = "3", description = "An executed call needs this many adopters (default: ${DEFAULT-VALUE}).")
    int minAdopters;

    @Option(names = "--min-calls", paramLabel = "N", defaultValue = "2", description = "Executing network: accounts adopting this many calls (default: ${DEFAULT-VALUE}).")
    int minCalls;

    @Option(names = "--media", paramLabel = "DIR",
            description = "Media files of the posts, named by the media id or the file name of the media URL: image attachments of calls are matched to them by perceptual hash.")
    Path media;

    @Option(names = "--attachments", paramLabel = "DIR",
            description = "Where the chat's attachments are (default: the folder of each chat file; a Telegram export's photos/ is found there).")
    Path attachments;

    @Option(names = "--groups", paramLabel = "FILE",
            description = "Coordination groups (accounts.csv of lockstep detect: account_id, group) to join with the executing network.")
    Path groups;

    @Option(names = "--coord", description = "Run coordination detection (default settings) to join its groups with the executing network.")
    boolean coord;

    @Option(names = "--out", required = true, description = "Output directory.")
    Path out;

    @Option(names = "--json", description = "Print a JSON summary on stdout.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (input.db != null && !input.files.isEmpty()) {
            System.err.println("lockstep plans: give either --db or post files, not both");
            return Main.USAGE;
        }
        if (input.db == null && input.files.isEmpty()) {
            System.err.println("lockstep plans: give the public posts (--db case.duckdb or post files)");
            return Main.USAGE;
        }
        if (media != null && !Files.isDirectory(media)) {
            System.err.println("lockstep plans: --media: not a folder: " + Terminal.safe(media.toString()));
            return Main.USAGE;
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(tz);
        } catch (DateTimeException e) {
            System.err.println("lockstep plans: --tz: unknown time zone '" + Terminal.safe(tz) + "'");
            return Main.USAGE;
        }
        org.lockstep.io.out.OutputDir od;
        try {
            // before any work: --out can be written and holds no file Lockstep did not write
            od = org.lockstep.io.out.OutputDir.open(out, "plans", List.of("plans.json", "calls.csv", "adopters.csv", "network.csv",
                    "revealed.csv", "report.html"));
        } catch (org.lockstep.io.out.OutputDir.OutputException e) {
            System.err.println("lockstep plans: " + Terminal.safe(e.getMessage()) + ". Nothing was done.");
            return Main.FAILED;
        }
        PlanLinker.Config lc;
        ChatReadOptions co;
        try {
            lc = PlanLinker.Config.builder().baselineMs(baselineS * 1000).executionMs(windowS * 1000).horizonMs(horizonS * 1000)
                    .alpha(alpha).minAdopters(minAdopters).minCallsForNetwork(minCalls).build();
            co = ChatReadOptions.defaults().withZone(zone).withMaxErrors(input.maxErrors);
            if (chatFormat != null) co = co.withFormat(ChatFormat.parse(chatFormat));
            if (chatMap != null) co = co.withCsvMapping(ChatCsvMapping.parse(chatMap));
            if (input.quarantine != null) co = co.withQuarantine(input.quarantine.resolveSibling(input.quarantine.getFileName() + ".chat.jsonl"));
        } catch (IllegalArgumentException e) {
            System.err.println("lockstep plans: " + Terminal.safe(e.getMessage()));
            return Main.USAGE;
        }
        long t0 = System.nanoTime();
        ChatReaders.Loaded chat;
        int[] shown = {0};
        try {
            chat = ChatReaders.read(chats, co, p -> {
                if (shown[0]++ < 20) System.err.println("lockstep: " + Terminal.safe(String.valueOf(p)));
            });
        } catch (ChatTooManyErrorsException e) {
            System.err.println("lockstep plans: " + e.getMessage());
            return Main.TOO_MANY_ERRORS;
        }
        if (chat.messages().isEmpty()) {
            System.err.println("lockstep plans: no chat message could be read");
            return Main.NOTHING_READ;
        }
        PostTable t = CampaignsSupport.load(input, filter, true, System.err);
        if (t == null) {
            System.err.println("lockstep plans: no posts could be read");
            return Main.NOTHING_READ;
        }
        // the files are written into a staging folder of the run, then each is moved into place atomically
        // and listed in the manifest: a killed run leaves no half-written file under a final name
        Path finalOut = out;
        out = Files.createTempDirectory(finalOut, ".lockstep-tmp-plans-");
        CallExtractor.Result calls = new CallExtractor(CallExtractor.Config.defaults(zone)).run(chat.messages());
        Map<String, int[]> imageRows = media == null ? Map.of() : imageRows(calls, t);
        PlanLinker.Result r = new PlanLinker(lc).run(calls, t, imageRows);
        int[] group = groups != null || coord ? CampaignsSupport.groups(groups, coord, t, System.err) : null;
        Map<String, Object> doc = new LinkedHashMap<>();
        Map<String, Object> sum = summary(chat, calls, r, t, (System.nanoTime() - t0) / 1e9);
        if (group != null) {
            int joined = 0;
            for (PlanLinker.NetworkAccount a : r.network()) if (groupOf(group, t, a.accountId()) != null) joined++;
            sum.put("network_in_coordination_groups", joined);
        }
        doc.put("summary", sum);
        doc.put("parameters", Map.of("tz", zone.getId(), "baseline_s", baselineS, "window_s", windowS, "horizon_s", horizonS,
                "alpha", alpha, "min_adopters", minAdopters, "min_calls", minCalls));
        List<Map<String, Object>> cl = new ArrayList<>();
        for (PlanLinker.LinkedCall c : r.calls()) cl.add(callJson(c));
        doc.put("calls", cl);
        List<Map<String, Object>> net = new ArrayList<>();
        for (PlanLinker.NetworkAccount a : r.network()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("account_id", a.accountId());
            m.put("handle", a.handle());
            m.put("calls", a.callIds().size());
            m.put("call_message_ids", a.callIds());
            m.put("median_lag_s", a.medianLagS());
            m.put("coordination_group", group == null ? null : groupOf(group, t, a.accountId()));
            net.add(m);
        }
        doc.put("network", net);
        List<Map<String, Object>> rev = new ArrayList<>();
        for (PlanLinker.RevealedMatch m : r.revealed()) rev.add(revealedJson(m));
        doc.put("revealed", rev);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("plans.json").toFile(), doc);
        writeCsvs(r, group, t);
        report(r, sum, zone);
        publish(out, od);
        out = finalOut;
        if (json) System.out.println(new ObjectMapper().writeValueAsString(sum));
        else {
            System.err.printf(Locale.ROOT, "lockstep plans: %,d chat messages, %,d calls (%,d executed, %,d not executed, %,d untested), "
                    + "%,d accounts in the executing network, %,d revealed handles -> %s%n", chat.messages().size(), r.calls().size(),
                    sum.get("executed"), sum.get("not_executed"), sum.get("untested"), r.network().size(), r.revealed().size(),
                    out.resolve("plans.json"));
        }
        return Main.OK;
    }

    /**
     * Hashes the posts' media found in {@code --media} and the calls' attachments found in
     * {@code --attachments} (or next to the chat files), and matches them ({@link MediaLinks}). Names
     * come from the chat and the posts: a name that would leave its folder is not followed.
     */
    private Map<String, int[]> imageRows(CallExtractor.Result calls, PostTable t) throws IOException {
        org.lockstep.io.read.MediaFiles.Hashes mh = org.lockstep.io.read.MediaFiles.hash(t, media);
        long[] hash = mh.hash();
        boolean[] known = mh.known();
        int found = mh.fromFiles() + mh.given(), unreadable = mh.unreadable();
        List<Path> dirs = new ArrayList<>();
        if (attachments != null) dirs.add(attachments);
        else for (Path c : chats) dirs.add(Files.isDirectory(c) ? c : c.toAbsolutePath().getParent());
        Map<String, Long> att = new LinkedHashMap<>();
        for (CallExtractor.Call c : calls.calls()) {
            for (CallExtractor.Item it : c.items()) {
                if (it.kind() != CallExtractor.Kind.ATTACHMENT || att.containsKey(it.value())) continue;
                Path f = inside(dirs, it.value());
                Long h = f == null ? null : org.lockstep.io.read.MediaFiles.hashOf(f);
                if (h != null) att.put(it.value(), h);
            }
        }
        System.err.printf(Locale.ROOT, "lockstep plans: images: %,d of %,d post media hashed (%,d unreadable), %,d call attachments hashed%n",
                found, hash.length, unreadable, att.size());
        writeTemplates(t, hash, known, att);
        return MediaLinks.rows(t, hash, known, att, PerceptualHash.PHASH_NEAR);
    }

    /**
     * Meme templates: groups of near-duplicate pictures (pHash within {@link PerceptualHash#PHASH_NEAR},
     * linked transitively) among the calls' attachments and the posts' media, e.g. one picture under
     * several captions. {@code templates.csv}: one row per group of two or more, with its members and
     * how many posts carry one of them.
     */
    private void writeTemplates(PostTable t, long[] hash, boolean[] known, Map<String, Long> att) throws IOException {
        List<String> label = new ArrayList<>();
        it.unimi.dsi.fastutil.longs.LongArrayList hs = new it.unimi.dsi.fastutil.longs.LongArrayList();
        it.unimi.dsi.fastutil.ints.IntArrayList mediaId = new it.unimi.dsi.fastutil.ints.IntArrayList();
        for (Map.Entry<String, Long> e : att.entrySet()) {
            label.add("chat:" + e.getKey());
            hs.add(e.getValue());
            mediaId.add(-1);
        }
        for (int m = 0; m < known.length; m++) {
            if (!known[m]) continue;
            label.add(t.mediaIds().get(m));
            hs.add(hash[m]);
            mediaId.add(m);
        }
        int[] cluster = new org.lockstep.core.images.HashIndex(hs.toLongArray()).clusters(PerceptualHash.PHASH_NEAR);
        Map<Integer, List<Integer>> groups = new java.util.TreeMap<>();
        for (int i = 0; i < cluster.length; i++) groups.computeIfAbsent(cluster[i], k -> new ArrayList<>()).add(i);
        int[] postsPerMedia = new int[known.length];
        for (int r = 0; r < t.size(); r++) for (int i = t.media().start(r); i < t.media().end(r); i++) postsPerMedia[t.media().value(i)]++;
        Files.createDirectories(out);
        try (CsvWriter w = CsvWriter.open(out.resolve("templates.csv"), "template", "images", "chat_attachments", "posts", "members")) {
            int n = 0;
            for (List<Integer> g : groups.values()) {
                if (g.size() < 2) continue;
                int chatAtt = 0, posts = 0;
                List<String> members = new ArrayList<>();
                for (int i : g) {
                    if (mediaId.getInt(i) < 0) chatAtt++;
                    else posts += postsPerMedia[mediaId.getInt(i)];
                    if (members.size() < 50) members.add(label.get(i));
                }
                w.cell(++n).cell(g.size()).cell(chatAtt).cell(posts).cell(String.join(" ", members)).endRow();
            }
        }
    }

    /** The file a chat names, inside one of the folders (by its relative path, else its file name), or null. */
    private static Path inside(List<Path> dirs, String name) {
        for (Path d : dirs) {
            if (d == null) continue;
            Path root = d.toAbsolutePath().normalize();
            for (String n : List.of(name, org.lockstep.io.read.MediaFiles.baseName(name))) {
                if (n.isEmpty()) continue;
                try {
                    Path f = root.resolve(n).normalize();
                    if (f.startsWith(root) && Files.isRegularFile(f)) return f;
                } catch (java.nio.file.InvalidPathException e) {
                    // not a file name on this system
                }
            }
        }
        return null;
    }

    private static Map<String, Object> summary(ChatReaders.Loaded chat, CallExtractor.Result calls, PlanLinker.Result r, PostTable t, double s) {
        int executed = 0, untested = 0;
        for (PlanLinker.LinkedCall c : r.calls()) {
            if (c.executed()) executed++;
            else if (c.untested() != null) untested++;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("chat_messages", chat.messages().size());
        m.put("chat_records", chat.report().records());
        m.put("chat_rejected", chat.report().rejected());
        m.put("chat_skipped", chat.report().skipped());
        m.put("posts", t.size());
        m.put("calls", calls.calls().size());
        m.put("executed", executed);
        m.put("not_executed", r.calls().size() - executed - untested);
        m.put("untested", untested);
        m.put("network_accounts", r.network().size());
        m.put("revealed", r.revealed().size());
        m.put("seconds", Math.round(s * 1000) / 1000.0);
        return m;
    }

    private static Map<String, Object> callJson(PlanLinker.LinkedCall c) {
        CallExtractor.Call call = c.call();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("message_id", call.message().id());
        m.put("chat", call.message().chat());
        m.put("author", call.message().author());
        m.put("author_id", call.message().authorId());
        m.put("at", iso(call.message().timeMs()));
        m.put("text", call.message().text());
        List<Map<String, Object>> items = new ArrayList<>();
        for (PlanLinker.ItemUptake iu : c.items()) {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("kind", iu.item().kind().name().toLowerCase(Locale.ROOT));
            i.put("value", iu.item().value());
            i.put("role", iu.item().role().name().toLowerCase(Locale.ROOT));
            i.put("in_posts", iu.inPosts());
            if (iu.uptake() != null) uptake(i, iu.uptake());
            items.add(i);
        }
        m.put("items", items);
        List<Map<String, Object>> times = new ArrayList<>();
        for (TimeExpressions.Mention tm : call.times()) times.add(Map.of("text", tm.text(), "at", iso(tm.atMs()), "rule", tm.rule()));
        m.put("times", times);
        m.put("scheduled_for", call.scheduledMs() == null ? null : iso(call.scheduledMs()));
        m.put("executed", c.executed());
        m.put("untested", c.untested());
        if (c.uptake() != null) uptake(m, c.uptake());
        m.put("q_value", CampaignsSupport.finite(c.qValue()));
        m.put("window_accounts", c.windowAccounts());
        m.put("prior_users", c.priorUsers());
        m.put("later_accounts", c.laterAccounts());
        m.put("lag_quartiles_s", c.lagQuartilesS());
        List<Map<String, Object>> ad = new ArrayList<>();
        for (PlanLinker.Adopter a : c.adopters()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("handle", a.handle());
            x.put("account_id", a.accountId());
            x.put("post_id", a.postId());
            x.put("first_post_at", iso(a.firstPostMs()));
            x.put("lag_s", a.lagS());
            ad.add(x);
        }
        m.put("adopters", ad);
        return m;
    }

    private static void uptake(Map<String, Object> m, PlanLinker.Uptake u) {
        m.put("baseline_posts", u.baselinePosts());
        m.put("window_posts", u.windowPosts());
        m.put("later_posts", u.laterPosts());
        m.put("lift", CampaignsSupport.finite(u.lift()));
        m.put("p_value", Double.isFinite(u.pValue()) ? u.pValue() : null);
    }

    private static Map<String, Object> revealedJson(PlanLinker.RevealedMatch r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("how", r.how());
        m.put("chat_author", r.chatAuthor());
        m.put("handle", r.handle());
        m.put("message_id", r.messageId());
        m.put("at", iso(r.atMs()));
        m.put("account_id", r.accountId());
        m.put("calls_adopted", r.callsAdopted());
        m.put("evidence", r.evidence());
        return m;
    }

    /** The coordination group of an account, or null when it is in none. */
    private static Integer groupOf(int[] group, PostTable t, String accountId) {
        int a = t.accounts().find(accountId);
        return a < 0 || a >= group.length || group[a] < 0 ? null : group[a];
    }

    private void writeCsvs(PlanLinker.Result r, int[] group, PostTable t) throws IOException {
        try (CsvWriter w = CsvWriter.open(out.resolve("calls.csv"), "message_id", "author", "at", "scheduled_for", "items", "executed",
                "baseline_posts", "window_posts", "later_posts", "lift", "p_value", "q_value", "adopters", "prior_users", "later_accounts",
                "median_lag_s", "untested", "text")) {
            for (PlanLinker.LinkedCall c : r.calls()) {
                CallExtractor.Call call = c.call();
                List<String> items = new ArrayList<>();
                for (CallExtractor.Item i : call.items()) items.add(i.kind().name().toLowerCase(Locale.ROOT) + ":" + i.value());
                PlanLinker.Uptake u = c.uptake();
                w.cell(call.message().id()).cell(call.message().author()).cell(iso(call.message().timeMs()))
                        .cell(call.scheduledMs() == null ? "" : iso(call.scheduledMs())).cell(String.join(" ", items)).cell(c.executed());
                if (u == null) w.cell("").cell("").cell("").cell("").cell("");
                else w.cell(u.baselinePosts()).cell(u.windowPosts()).cell(u.laterPosts()).cell(num(u.lift())).cell(num(u.pValue()));
                w.cell(num(c.qValue())).cell(c.adopters().size()).cell(c.priorUsers()).cell(c.laterAccounts())
                        .cell(c.lagQuartilesS().length == 0 ? "" : Long.toString(c.lagQuartilesS()[1])).cell(c.untested() == null ? "" : c.untested())
                        .cell(call.message().text()).endRow();
            }
        }
        try (CsvWriter w = CsvWriter.open(out.resolve("adopters.csv"), "message_id", "handle", "account_id", "post_id", "first_post_at", "lag_s")) {
            for (PlanLinker.LinkedCall c : r.calls()) {
                for (PlanLinker.Adopter a : c.adopters()) {
                    w.cell(c.call().message().id()).cell(a.handle()).cell(a.accountId()).cell(a.postId()).cell(iso(a.firstPostMs())).cell(a.lagS()).endRow();
                }
            }
        }
        try (CsvWriter w = CsvWriter.open(out.resolve("network.csv"), "account_id", "handle", "calls", "call_message_ids", "median_lag_s",
                "coordination_group")) {
            for (PlanLinker.NetworkAccount a : r.network()) {
                Integer g = group == null ? null : groupOf(group, t, a.accountId());
                w.cell(a.accountId()).cell(a.handle()).cell(a.callIds().size()).cell(String.join(" ", a.callIds())).cell(a.medianLagS())
                        .cell(g == null ? "" : g.toString()).endRow();
            }
        }
        try (CsvWriter w = CsvWriter.open(out.resolve("revealed.csv"), "how", "chat_author", "handle", "message_id", "at", "account_id",
                "calls_adopted", "evidence")) {
            for (PlanLinker.RevealedMatch m : r.revealed()) {
                w.cell(m.how()).cell(m.chatAuthor()).cell(m.handle()).cell(m.messageId()).cell(iso(m.atMs()))
                        .cell(m.accountId() == null ? "" : m.accountId()).cell(m.callsAdopted()).cell(m.evidence()).endRow();
            }
        }
    }

    /** The HTML report: every string from the chat or the posts goes through the report's escaping. */
    private void report(PlanLinker.Result r, Map<String, Object> sum, ZoneId zone) throws IOException {
        HtmlReport rep = new HtmlReport("Lockstep — plans");
        rep.subtitle("Calls to action in the chat, linked to the public posts that carried them out (times in UTC; chat zone "
                + zone.getId() + ")");
        rep.generatedAt(Instant.now());
        for (String k : List.of("chat_messages", "calls", "executed", "not_executed", "untested", "network_accounts", "revealed")) {
            rep.keyFigure(k.replace('_', ' '), sum.get(k));
        }
        Section s = rep.section("Calls");
        Table tab = new Table("message", "author", "at", "scheduled for", "items", "executed", "window posts", "lift", "p-value", "adopters");
        for (PlanLinker.LinkedCall c : r.calls()) {
            CallExtractor.Call call = c.call();
            List<String> items = new ArrayList<>();
            for (CallExtractor.Item i : call.items()) items.add(i.kind().name().toLowerCase(Locale.ROOT) + ":" + i.value());
            PlanLinker.Uptake u = c.uptake();
            tab.row(Table.code(call.message().id()), call.message().author(), iso(call.message().timeMs()),
                    call.scheduledMs() == null ? "" : iso(call.scheduledMs()), Table.code(String.join(" ", items)),
                    c.executed() ? "yes" : c.untested() != null ? "untested" : "no",
                    u == null ? "" : u.windowPosts(), u == null ? "" : num(u.lift()), u == null ? "" : num(u.pValue()), c.adopters().size());
        }
        s.table(tab.more("see calls.csv"));
        int drawn = 0;
        for (PlanLinker.LinkedCall c : r.calls()) {
            if (drawn++ >= 50) break;
            CallExtractor.Call call = c.call();
            Section d = s.details("Call " + call.message().id() + " by " + call.message().authorLabel()
                    + (c.executed() ? " — executed" : c.untested() != null ? " — untested" : " — not executed"), c.executed());
            d.paragraph("Message (" + iso(call.message().timeMs()) + "): " + call.message().text());
            if (c.untested() != null) d.note("Not tested: " + c.untested());
            if (c.nearbyTimes().length > 0) {
                long bin = Math.max(60_000L, (c.nearbyTimes()[c.nearbyTimes().length - 1] - c.nearbyTimes()[0]) / 60);
                List<Charts.Marker> marks = new ArrayList<>();
                marks.add(new Charts.Marker(call.message().timeMs(), "chat message"));
                if (call.scheduledMs() != null) marks.add(new Charts.Marker(call.scheduledMs(), "scheduled"));
                d.figure(Charts.timeSeries("posts carrying the call's items", "posts",
                        List.of(Charts.histogram("posts", c.nearbyTimes(), bin, "#1f77b4")), marks, true),
                        "Chat message → public posts with its items.");
            }
            Table ad = new Table("handle", "account", "first post (UTC)", "lag (s)", "post");
            for (PlanLinker.Adopter a : c.adopters()) ad.row(a.handle() == null ? "" : "@" + a.handle(), Table.code(a.accountId()),
                    iso(a.firstPostMs()), a.lagS(), Table.code(a.postId()));
            if (ad.size() > 0) d.table(ad.maxRows(50).more("see adopters.csv"));
            d.note(c.priorUsers() + " accounts in the window had used the items before the call (not adopters); "
                    + c.laterAccounts() + " first used them after the window (later uptake).");
        }
        Section n = rep.section("Executing network");
        Table nt = new Table("handle", "account", "calls", "median lag (s)");
        for (PlanLinker.NetworkAccount a : r.network()) nt.row(a.handle() == null ? "" : "@" + a.handle(), Table.code(a.accountId()),
                a.callIds().size(), a.medianLagS());
        n.table(nt.more("see network.csv"));
        Section v = rep.section("Handles the chat reveals");
        Table vt = new Table("how", "chat author", "handle", "account", "calls adopted", "evidence");
        for (PlanLinker.RevealedMatch m : r.revealed()) vt.row(m.how(), m.chatAuthor(), "@" + m.handle(),
                m.accountId() == null ? "not in the posts" : m.accountId(), m.callsAdopted(), m.evidence());
        v.table(vt.more("see revealed.csv"));
        rep.write(out.resolve("report.html"));
    }

    /** Moves every staged file into place through {@code od} (atomic rename, manifest), then removes the stage. */
    private static void publish(Path stage, org.lockstep.io.out.OutputDir od) throws IOException {
        List<Path> files;
        try (java.util.stream.Stream<Path> s = Files.walk(stage)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            String name = stage.relativize(f).toString().replace(java.io.File.separatorChar, '/');
            od.write(name, tmp -> Files.move(f, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING));
        }
        od.commit();
        try (java.util.stream.Stream<Path> s = Files.walk(stage)) {
            for (Path p : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
        }
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "";
    }

    private static String iso(long ms) {
        return Instant.ofEpochMilli(ms).toString();
    }
}
