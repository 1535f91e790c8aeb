package org.lockstep.sim.chat;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * A chatroom scenario with its public execution and ground truth: planners in a Discord server post
 * calls to action (a hashtag to raid, often text to copy and a meme, a time in French or English),
 * operatives carry most of them out on the public platform from their sock-puppet accounts (some
 * calls are never executed), members chat about other things (with hashtags but no call), some
 * operatives reveal their public handles, and an organic population posts its own hashtags all along
 * and picks up some raided hashtags hours later.
 *
 * <p>Writes the chat as DiscordChatExporter JSON, the public posts as Twitter API v1.1 JSON lines, the
 * ground truth as JSON ({@code calls[]} with {@code message_id}, {@code executed},
 * {@code scheduled_for}, {@code hashtag}, {@code executors}; {@code organic_accounts};
 * {@code revealed}), and, when an image directory is given, the memes as PNG files (a few templates,
 * each with different captions). Same seed, same files.
 */
public final class ChatroomScenario {
    /**
     * @param seed           the random seed
     * @param start          the first day (midnight in {@code zone})
     * @param days           how many days the scenario covers (calls start on day 7, after a week of baseline)
     * @param zone           the chatroom's zone (planners write local times)
     * @param organic        organic public accounts
     * @param organicPerDay  organic posts per day, all accounts together
     * @param operatives     sock-puppet accounts run from the chatroom
     * @param calls          calls to action posted in the chat
     * @param neverExecuted  share of calls nobody carries out
     * @param chatNoise      chat messages that are no call
     */
    public record Config(long seed, LocalDate start, int days, ZoneId zone, int organic, int organicPerDay, int operatives,
            int calls, double neverExecuted, int chatNoise) {
        public Config {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(zone, "zone");
            if (days < 8) throw new IllegalArgumentException("days must be at least 8 (a week of baseline before the calls)");
            if (organic < 10 || operatives < 5 || calls < 1 || organicPerDay < 1 || chatNoise < 0) {
                throw new IllegalArgumentException("need at least 10 organic accounts, 5 operatives, 1 call");
            }
            if (!(neverExecuted >= 0 && neverExecuted < 1)) throw new IllegalArgumentException("neverExecuted must be in [0, 1)");
        }

        public static Config defaults(long seed) {
            return new Config(seed, LocalDate.of(2017, 4, 24), 14, ZoneId.of("Europe/Paris"), 2000, 3000, 60, 12, 0.25, 200);
        }
    }

    /** One call of the ground truth. */
    public record TruthCall(String messageId, long messageMs, long scheduledMs, String hashtag, boolean executed, List<String> executors) {}

    /** What was written. */
    public record Truth(List<TruthCall> calls, Set<String> organicAccounts, List<String[]> revealed, int chatMessages, int posts) {}

    private static final DateTimeFormatter TW = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ROOT);
    private static final String[] NOISE = {"lol", "bonne nuit les gars", "t'as vu le match hier ?", "qui a le lien du drive",
        "j'aime bien #Foot", "mdr ce meme", "quelqu'un est là ?", "ok", "je reviens", "trop fort #Eurovision", "good night",
        "who made this one", "le serveur rame", "+1", "haha"};
    private static final String[] RAID_TAGS = {"MacronGate", "BahamasLeaks", "MacronDemission", "EnMarcheLeaks", "FraudeEnMarche",
        "MacronOffshore", "StopMacron", "MacronMonde", "RothschildBoy", "MacronCompte", "LeaksMacron", "MacronArgent",
        "PenelopeMacron", "AuRevoirMacron", "MacronMensonge", "MacronTrahison"};
    private static final String[] QUOTES = {"Macron a un compte offshore aux Bahamas", "les medias ne vous diront jamais ca",
        "partagez avant que ce soit supprime", "the french deserve to know the truth", "regardez les documents vous-memes"};
    private static final String[] ORGANIC_TAGS = {"Presidentielle2017", "Foot", "Eurovision", "OM", "PSG", "Meteo", "Cinema",
        "Debat2017", "Paris", "Musique", "Manif", "Rugby", "Tech", "Jeux", "Cuisine", "Voyage", "BFMTV", "Livres", "Series", "Art"};

    private final Config config;

    public ChatroomScenario(Config config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Writes the chat, the posts, the truth and (when {@code images} is not null) the memes. */
    public Truth run(Path chatOut, Path postsOut, Path truthOut, Path images) throws IOException {
        Random r = new Random(config.seed());
        ZoneId z = config.zone();
        long t0 = config.start().atStartOfDay(z).toInstant().toEpochMilli();
        long t1 = config.start().plusDays(config.days()).atStartOfDay(z).toInstant().toEpochMilli();
        List<Post> posts = new ArrayList<>();
        List<Msg> chat = new ArrayList<>();
        // organic posts, all period long, on their own hashtags
        for (int i = 0; i < config.organicPerDay() * config.days(); i++) {
            int a = zipf(r, config.organic());
            String tag = ORGANIC_TAGS[zipf(r, ORGANIC_TAGS.length)];
            posts.add(new Post("o" + a, t0 + (long) (r.nextDouble() * (t1 - t0)), tag, null));
        }
        // members: planners 0..2, then one chat member per two operatives
        int members = 3 + (config.operatives() + 1) / 2;
        List<TruthCall> truth = new ArrayList<>();
        int mid = 1000;
        List<String> tags = new ArrayList<>(List.of(RAID_TAGS));
        java.util.Collections.shuffle(tags, r);
        int firstCallDay = 7;
        int callDays = config.days() - firstCallDay - 1;
        for (int c = 0; c < config.calls(); c++) {
            int day = firstCallDay + (c * callDays) / config.calls();
            LocalDate date = config.start().plusDays(day);
            // the message between 10:00 and 16:00 local, the action in the evening or minutes later
            ZonedDateTime msg = date.atTime(LocalTime.of(10 + r.nextInt(6), r.nextInt(60))).atZone(z);
            String tag = c < tags.size() ? tags.get(c) : "Raid" + c;
            Phrase p = phrase(r, msg);
            boolean quote = r.nextBoolean();
            String q = QUOTES[r.nextInt(QUOTES.length)];
            boolean meme = r.nextDouble() < 0.6;
            String text = p.text + " tous sur #" + tag + (quote ? " et copiez \"" + q + "\"" : "");
            String mId = Integer.toString(mid++);
            String att = meme ? "meme-" + c + ".png" : null;
            chat.add(new Msg(mId, msg.toInstant().toEpochMilli(), "planner" + (c % 3), text, att));
            if (meme && images != null) meme(images.resolve(att), c % 3, "#" + tag.toUpperCase(Locale.ROOT), q);
            boolean executed = r.nextDouble() >= config.neverExecuted() || c == 0;
            List<String> executors = new ArrayList<>();
            if (executed) {
                for (int k = 0; k < config.operatives(); k++) {
                    if (r.nextDouble() >= 0.75) continue; // this operative skips this call
                    String acc = "s" + k;
                    executors.add(acc);
                    long lag = (long) (-Math.log(1 - r.nextDouble()) * 6 * 60_000); // mean 6 minutes
                    lag = Math.min(lag, 50 * 60_000L);
                    int n = 1 + r.nextInt(3);
                    for (int j = 0; j < n; j++) {
                        posts.add(new Post(acc, p.at + lag + j * (30_000L + r.nextInt(240_000)), tag, quote ? q : null));
                    }
                }
                // organic uptake: a few organic accounts, from an hour after, mean 8 hours later
                int later = 5 + r.nextInt(15);
                for (int k = 0; k < later; k++) {
                    long at = p.at + 3_600_000L + (long) (-Math.log(1 - r.nextDouble()) * 8 * 3_600_000L);
                    if (at < t1) posts.add(new Post("o" + r.nextInt(config.organic()), at, tag, null));
                }
            }
            truth.add(new TruthCall(mId, msg.toInstant().toEpochMilli(), p.at, tag.toLowerCase(Locale.ROOT), executed, List.copyOf(executors)));
        }
        // chat noise and revealed handles
        for (int i = 0; i < config.chatNoise(); i++) {
            long at = t0 + (long) (r.nextDouble() * (t1 - t0));
            chat.add(new Msg(Integer.toString(mid++), at, "member" + r.nextInt(members), NOISE[r.nextInt(NOISE.length)], null));
        }
        List<String[]> revealed = new ArrayList<>();
        for (int k = 0; k < config.operatives(); k += 7) {
            String member = "member" + (3 + k / 2);
            long at = t0 + (long) (r.nextDouble() * (t1 - t0));
            chat.add(new Msg(Integer.toString(mid++), at, member, "mon nouveau compte : @hs" + k, null));
            revealed.add(new String[] {member, "hs" + k, "s" + k});
        }
        chat.sort(Comparator.comparingLong(Msg::at));
        posts.sort(Comparator.comparingLong(Post::at));
        writeChat(chatOut, chat);
        writePosts(postsOut, posts);
        Set<String> organic = new LinkedHashSet<>();
        for (int a = 0; a < config.organic(); a++) organic.add("o" + a);
        Truth t = new Truth(List.copyOf(truth), organic, revealed, chat.size(), posts.size());
        writeTruth(truthOut, t);
        return t;
    }

    private record Post(String account, long at, String tag, String quote) {}

    private record Msg(String id, long at, String author, String text, String attachment) {}

    private record Phrase(String text, long at) {}

    /** A time expression and the instant it means, worked out with java.time (what the parser must find). */
    private static Phrase phrase(Random r, ZonedDateTime msg) {
        int h = 19 + r.nextInt(4);
        int m = r.nextBoolean() ? 0 : 30;
        ZonedDateTime tonight = msg.toLocalDate().atTime(h, m).atZone(msg.getZone());
        ZonedDateTime tomorrow = msg.toLocalDate().plusDays(1).atTime(h - 1, 0).atZone(msg.getZone());
        return switch (r.nextInt(7)) {
            case 0 -> new Phrase("ce soir " + h + "h" + (m == 0 ? "" : "30"), tonight.toInstant().toEpochMilli());
            case 1 -> new Phrase("tonight at " + (h - 12) + (m == 0 ? "" : ":30") + "pm CET", tonight.toInstant().toEpochMilli());
            case 2 -> new Phrase("demain " + (h - 1) + "h", tomorrow.toInstant().toEpochMilli());
            case 3 -> new Phrase("tomorrow " + (h - 13) + "pm", tomorrow.toInstant().toEpochMilli());
            case 4 -> {
                int n = 5 + r.nextInt(26);
                yield new Phrase("dans " + n + " min", msg.toInstant().toEpochMilli() + n * 60_000L);
            }
            case 5 -> {
                int n = 10 + r.nextInt(50);
                yield new Phrase("in " + n + " minutes", msg.toInstant().toEpochMilli() + n * 60_000L);
            }
            default -> new Phrase("à " + h + "h" + (m == 0 ? "" : "30"), tonight.toInstant().toEpochMilli());
        };
    }

    /** Skewed choice in [0, n): a few accounts and hashtags are far more active than the rest. */
    private static int zipf(Random r, int n) {
        double u = r.nextDouble();
        return (int) Math.min(n - 1, Math.floor(Math.pow(n + 1.0, u) - 1));
    }

    private static void writeChat(Path out, List<Msg> chat) throws IOException {
        try (OutputStream os = Files.newOutputStream(out); JsonGenerator g = new JsonFactory().createGenerator(os, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeObjectFieldStart("guild");
            g.writeStringField("id", "900000000000000001");
            g.writeStringField("name", "Projet simulé");
            g.writeEndObject();
            g.writeObjectFieldStart("channel");
            g.writeStringField("id", "900000000000000002");
            g.writeStringField("type", "GuildTextChat");
            g.writeStringField("name", "raids");
            g.writeEndObject();
            g.writeArrayFieldStart("messages");
            for (Msg m : chat) {
                g.writeStartObject();
                g.writeStringField("id", m.id());
                g.writeStringField("type", "Default");
                g.writeStringField("timestamp", Instant.ofEpochMilli(m.at()).toString().replace("Z", "+00:00"));
                g.writeNullField("timestampEdited");
                g.writeBooleanField("isPinned", false);
                g.writeStringField("content", m.text());
                g.writeObjectFieldStart("author");
                g.writeStringField("id", "id-" + m.author());
                g.writeStringField("name", m.author());
                g.writeStringField("nickname", m.author());
                g.writeBooleanField("isBot", false);
                g.writeEndObject();
                g.writeArrayFieldStart("attachments");
                if (m.attachment() != null) {
                    g.writeStartObject();
                    g.writeStringField("id", "a" + m.id());
                    g.writeStringField("url", "attachments/" + m.attachment());
                    g.writeStringField("fileName", m.attachment());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeArrayFieldStart("embeds");
                g.writeEndArray();
                g.writeArrayFieldStart("mentions");
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("messageCount", chat.size());
            g.writeEndObject();
        }
    }

    private static void writePosts(Path out, List<Post> posts) throws IOException {
        JsonFactory f = new JsonFactory();
        try (OutputStream os = new java.io.BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            long id = 860_000_000_000_000_000L;
            for (Post p : posts) {
                try (JsonGenerator g = f.createGenerator(os, JsonEncoding.UTF8)) {
                    g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
                    g.writeStartObject();
                    g.writeStringField("id_str", Long.toString(id++));
                    g.writeStringField("created_at", TW.format(Instant.ofEpochMilli(p.at()).atZone(ZoneId.of("UTC"))));
                    g.writeStringField("text", (p.quote() != null ? p.quote() + " " : "") + "#" + p.tag());
                    g.writeObjectFieldStart("user");
                    g.writeStringField("id_str", p.account());
                    g.writeStringField("screen_name", "h" + p.account());
                    g.writeEndObject();
                    g.writeObjectFieldStart("entities");
                    g.writeArrayFieldStart("hashtags");
                    g.writeStartObject();
                    g.writeStringField("text", p.tag());
                    g.writeEndObject();
                    g.writeEndArray();
                    g.writeArrayFieldStart("urls");
                    g.writeEndArray();
                    g.writeArrayFieldStart("user_mentions");
                    g.writeEndArray();
                    g.writeEndObject();
                    g.writeEndObject();
                }
                os.write('\n');
            }
        }
    }

    private static void writeTruth(Path out, Truth t) throws IOException {
        try (OutputStream os = Files.newOutputStream(out); JsonGenerator g = new JsonFactory().createGenerator(os, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeArrayFieldStart("calls");
            for (TruthCall c : t.calls()) {
                g.writeStartObject();
                g.writeStringField("message_id", c.messageId());
                g.writeStringField("at", Instant.ofEpochMilli(c.messageMs()).toString());
                g.writeStringField("scheduled_for", Instant.ofEpochMilli(c.scheduledMs()).toString());
                g.writeStringField("hashtag", c.hashtag());
                g.writeBooleanField("executed", c.executed());
                g.writeArrayFieldStart("executors");
                for (String e : c.executors()) g.writeString(e);
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("revealed");
            for (String[] v : t.revealed()) {
                g.writeStartObject();
                g.writeStringField("member", v[0]);
                g.writeStringField("handle", v[1]);
                g.writeStringField("account_id", v[2]);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("organic_accounts", t.organicAccounts().size());
            g.writeNumberField("chat_messages", t.chatMessages());
            g.writeNumberField("posts", t.posts());
            g.writeEndObject();
        }
    }

    /** A meme: one of three templates (a gradient and shapes) with the call's caption. */
    private static void meme(Path file, int template, String top, String bottom) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Random r = new Random(template * 7919L + 1);
        int w = 480, h = 360;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(r.nextInt(0xffffff)), w, h, new Color(r.nextInt(0xffffff))));
        g.fillRect(0, 0, w, h);
        for (int i = 0; i < 10; i++) {
            g.setColor(new Color(r.nextInt(0xffffff)));
            g.fillOval(r.nextInt(w) - 40, r.nextInt(h) - 40, 60 + r.nextInt(120), 60 + r.nextInt(120));
        }
        g.setColor(Color.WHITE);
        try {
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 26));
            g.drawString(top, 20, 36);
            g.drawString(bottom.length() > 34 ? bottom.substring(0, 34) : bottom, 20, h - 16);
        } catch (RuntimeException | Error noFont) {
            g.fillRect(20, 12, 200, 26); // no font on this machine: a caption bar
        }
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }
}
