package org.lockstep.core.plans;

import com.google.common.net.InternetDomainName;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lockstep.core.url.UrlNormalizer;

/**
 * Reads calls to action out of chat messages: what to post (hashtags, links and their registrable
 * domains, quoted text meant to be copied, attached images), whom to target or follow (handles), and
 * when ({@link TimeExpressions}). A message is a call when it names at least one such item and says
 * when or tells people to act (an imperative cue in English or French, docs/plans.md); other messages
 * are chat. The extractor also collects the public handles that chat members reveal as their own
 * ("my new account @x", "mon compte : @x"). It never interprets markup: the text is matched as plain
 * characters.
 */
public final class CallExtractor {
    /**
     * @param zone           the chat's time zone, for times written without one
     * @param requireCue     a message naming items is a call only with a time or an imperative cue
     * @param minQuoteWords  quoted text shorter than this many words is no text to copy
     */
    public record Config(ZoneId zone, boolean requireCue, int minQuoteWords) {
        public Config {
            Objects.requireNonNull(zone, "zone");
            if (minQuoteWords < 1) throw new IllegalArgumentException("minQuoteWords must be at least 1");
        }

        /** Calls need a cue word, quotes need 3 words. */
        public static Config defaults(ZoneId zone) {
            return builder(zone).build();
        }

        /** A builder for chats whose times without a zone are in {@code zone}. */
        public static Builder builder(ZoneId zone) { return new Builder(zone); }

        /** Builds a {@link Config}; the defaults live here. Not thread-safe. */
        public static final class Builder {
            private final ZoneId zone;
            private boolean requireCue = true;
            private int minQuoteWords = 3;

            private Builder(ZoneId zone) { this.zone = Objects.requireNonNull(zone, "zone"); }

            public Builder requireCue(boolean v) { requireCue = v; return this; }
            public Builder minQuoteWords(int v) { minQuoteWords = v; return this; }

            public Config build() { return new Config(zone, requireCue, minQuoteWords); }
        }
    }

    /** What a call asks to use. */
    public enum Kind { HASHTAG, LINK, DOMAIN, HANDLE, QUOTE, ATTACHMENT }

    /** Whom a handle item is for: a target to reply to or mention, or an account to follow or list. */
    public enum Role { USE, TARGET, FOLLOW }

    /**
     * One item of a call: hashtags lower-case without '#', links normalised ({@link UrlNormalizer}),
     * domains registrable, handles lower-case without '@', quotes as written, attachments as named.
     */
    public record Item(Kind kind, String value, Role role) {}

    /** A call to action: its message, its items, the times it names and the first of them (or null). */
    public record Call(ChatMessage message, List<Item> items, List<TimeExpressions.Mention> times, Long scheduledMs) {
        /** When the call asks for action: the first time it names, else its own time. */
        public long referenceMs() {
            return scheduledMs != null && scheduledMs > message.timeMs() ? scheduledMs : message.timeMs();
        }
    }

    /** A public handle a chat member says is theirs, with the words that say so. */
    public record RevealedHandle(String chatAuthor, String chatAuthorId, String handle, String messageId, long atMs, String evidence) {}

    /** The calls and the revealed handles of a chat, and how many messages were read. */
    public record Result(List<Call> calls, List<RevealedHandle> revealed, int messages) {}

    private static final int U = Pattern.UNICODE_CHARACTER_CLASS;
    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s<>\"'`|\\\\]+");
    private static final Pattern BARE = Pattern.compile("(?<![\\w@./-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,24})(/[^\\s<>\"'`]*)?(?![\\w@-])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("(?<![\\w&#/])#(\\p{L}[\\p{L}\\p{N}_]{0,138})", U);
    private static final Pattern HANDLE = Pattern.compile("(?<![\\w@./])@([A-Za-z0-9_]{1,30})(?![\\w@]|\\.\\w)");
    private static final Pattern QUOTE = Pattern.compile("\"([^\"\\n]{3,1000})\"|“([^”\\n]{3,1000})”|«\\s*([^»\\n]{3,1000}?)\\s*»"
            + "|```(?:[a-z]*\\n)?([^`]{3,2000}?)```|`([^`\\n]{3,1000})`");
    private static final Pattern CUE = Pattern.compile("(?<![\\w-])(?:raid|go|post|posts|tweet|tweetez|retweet|rt|share|spam|flood|push|trend"
            + "|reply|répondez|repondez|copy|paste|copiez|collez|use|utilisez|everyone|everybody|let's|lets|tous|toutes|postez"
            + "|partagez|balancez|inondez|lancez|on lance|mobilisation|c'est parti|follow|suivez|abonnez|signalez|report"
            + "|like|likez|mass|massivement|hashtag|ht)(?![\\w-])", U | Pattern.CASE_INSENSITIVE);
    private static final Pattern FOLLOW = Pattern.compile("(?<![\\w-])(?:follow|follows|suivez|suivre|abonnez|abonnez-vous|followback|fb|list|liste)(?![\\w])",
            U | Pattern.CASE_INSENSITIVE);
    private static final Pattern REVEAL = Pattern.compile(
            "(?:\\b(?:my|mon|ma)\\s+(?:(?:new|nouveau|nouvel|nouvelle|second|2nd|other|autre|main|alt|twitter|real|vrai)\\s+){0,2}"
            + "(?:account|acc|alt|compte|profil|profile|handle|twitter)\\s*(?:is|est|:|=|->|→|here|ici|c'est|now)?\\s*:?\\s*"
            + "|\\b(?:that's me|c'est moi|i'm|je suis)\\s*:?\\s*)@([A-Za-z0-9_]{1,30})\\b", U | Pattern.CASE_INSENSITIVE);

    private final Config config;

    public CallExtractor(Config config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The calls and revealed handles of the messages, in the messages' order. */
    public Result run(List<ChatMessage> messages) {
        List<Call> calls = new ArrayList<>();
        List<RevealedHandle> revealed = new ArrayList<>();
        for (ChatMessage m : messages) {
            Call c = call(m);
            if (c != null) calls.add(c);
            Matcher r = REVEAL.matcher(m.text());
            while (r.find()) {
                revealed.add(new RevealedHandle(m.author(), m.authorId(), r.group(1).toLowerCase(Locale.ROOT), m.id(), m.timeMs(),
                        clip(r.group(), 200)));
            }
        }
        return new Result(List.copyOf(calls), List.copyOf(revealed), messages.size());
    }

    /** The call this message makes, or null when it makes none. */
    Call call(ChatMessage m) {
        String text = m.text();
        StringBuilder rest = new StringBuilder(text); // items blanked out, for the time expressions
        Map<String, Item> items = new LinkedHashMap<>();
        Matcher q = QUOTE.matcher(text);
        while (q.find()) {
            String s = null;
            for (int g = 1; g <= q.groupCount() && s == null; g++) s = q.group(g);
            if (s == null) continue;
            s = s.strip().replaceAll("\\s+", " ");
            if (s.split(" ").length >= config.minQuoteWords()) {
                items.putIfAbsent("q:" + s, new Item(Kind.QUOTE, s, Role.USE));
            }
        }
        Matcher u = URL.matcher(text);
        while (u.find()) {
            String raw = trimUrl(u.group());
            blank(rest, u.start(), u.start() + raw.length());
            link(raw, items);
        }
        Matcher b = BARE.matcher(rest);
        while (b.find()) {
            String host = b.group(1).toLowerCase(Locale.ROOT);
            if (!publicDomain(host)) continue;
            String path = b.group(2) == null ? "" : trimUrl(b.group(2));
            blank(rest, b.start(), b.start(1) + b.group(1).length() + path.length());
            link("https://" + host + path, items);
        }
        Matcher t = TAG.matcher(text);
        while (t.find()) {
            blank(rest, t.start(), t.end());
            String tag = t.group(1).toLowerCase(Locale.ROOT);
            items.putIfAbsent("h:" + tag, new Item(Kind.HASHTAG, tag, Role.USE));
        }
        boolean follow = FOLLOW.matcher(text).find();
        boolean reveals = REVEAL.matcher(text).find();
        Matcher h = HANDLE.matcher(text);
        while (h.find()) {
            blank(rest, h.start(), h.end());
            if (reveals) continue; // "my new account @x" is an introduction, not a call
            String handle = h.group(1).toLowerCase(Locale.ROOT);
            items.putIfAbsent("@:" + handle, new Item(Kind.HANDLE, handle, follow ? Role.FOLLOW : Role.TARGET));
        }
        for (String a : m.attachments()) {
            if (a != null && !a.isBlank()) items.putIfAbsent("a:" + a, new Item(Kind.ATTACHMENT, a, Role.USE));
        }
        if (items.isEmpty()) return null;
        List<TimeExpressions.Mention> times = TimeExpressions.find(rest.toString(), m.timeMs(), config.zone());
        if (config.requireCue() && times.isEmpty() && !CUE.matcher(rest).find()) return null;
        Long scheduled = times.isEmpty() ? null : times.get(0).atMs();
        return new Call(m, List.copyOf(items.values()), times, scheduled);
    }

    private static void link(String raw, Map<String, Item> items) {
        String n = UrlNormalizer.normalize(raw);
        if (n == null) return;
        items.putIfAbsent("l:" + n, new Item(Kind.LINK, n, Role.USE));
        String host = UrlNormalizer.host(n);
        String d = host == null ? null : UrlNormalizer.registrableDomain(host);
        if (d != null) items.putIfAbsent("d:" + d, new Item(Kind.DOMAIN, d, Role.USE));
    }

    /** Whether a bare name like {@code en-marche.fr} is a host under a public suffix (not {@code meme.png}). */
    static boolean publicDomain(String host) {
        try {
            if (!InternetDomainName.isValid(host)) return false;
            InternetDomainName d = InternetDomainName.from(host);
            return d.isUnderRegistrySuffix() && !IMAGE_EXT.matcher(host).find();
        } catch (IllegalArgumentException | IllegalStateException e) {
            return false;
        }
    }

    private static final Pattern IMAGE_EXT = Pattern.compile("\\.(?:png|jpe?g|gif|webp|mp4|zip|exe|txt|pdf)$");

    private static String trimUrl(String s) {
        int e = s.length();
        while (e > 0 && ".,;:!?)]}*_~>»”’'".indexOf(s.charAt(e - 1)) >= 0) e--;
        return s.substring(0, e);
    }

    private static void blank(StringBuilder sb, int s, int e) {
        for (int i = s; i < e && i < sb.length(); i++) sb.setCharAt(i, ' ');
    }

    static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
