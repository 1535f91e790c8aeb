package org.lockstep.io.read;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import org.lockstep.core.model.Post;
import org.lockstep.core.model.PostKind;
import org.lockstep.core.model.PostRef;

/**
 * Repost targets for reposts whose source does not name the original (the IRA CSV's retweets, a mapped
 * CSV's repost flag, any text that begins {@code RT @handle:}). Two accounts that reposted the same
 * original then share one object, so co-repost can see them; the reference is marked
 * {@link PostRef#derived() derived}.
 *
 * <p>The derived id is {@code rt:} and the first 16 hex digits of SHA-256 over the original author's
 * handle (lower case, empty when unknown), a NUL byte and the normalised text (NFKC, lower case,
 * whitespace runs as one space, stripped). Without text there is nothing to tell originals apart, so no
 * target is derived. The same text retweeted from an unknown and from a known handle gives two ids.
 */
final class DerivedRefs {
    static final String PREFIX = "rt:";

    private DerivedRefs() {}

    /**
     * The handle of {@code RT @handle: text}, or null when the text does not start that way. A handle is
     * 1 to 50 ASCII letters, digits or {@code _} (Twitter allows 15; older exports and other platforms
     * are looser), followed directly by a colon.
     */
    static String rtHandle(String text) {
        int end = rtPrefixEnd(text);
        return end < 0 ? null : text.substring(4, text.indexOf(':', 4));
    }

    /** The text after {@code RT @handle:} and the spaces that follow it; the text itself when there is no prefix. */
    static String afterRt(String text) {
        int end = rtPrefixEnd(text);
        return end < 0 ? text : text.substring(end);
    }

    /** Index after {@code RT @handle:} and following whitespace, or -1. No regex: the text is hostile. */
    private static int rtPrefixEnd(String t) {
        if (t == null || t.length() < 6 || !t.startsWith("RT @")) return -1;
        int i = 4;
        int n = t.length();
        while (i < n && i - 4 < 51 && handleChar(t.charAt(i))) i++;
        if (i == 4 || i - 4 > 50 || i >= n || t.charAt(i) != ':') return -1;
        i++;
        while (i < n && Character.isWhitespace(t.charAt(i))) i++;
        return i;
    }

    private static boolean handleChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    /**
     * A derived target for a repost of {@code text}: its {@code RT @handle:} prefix, when present, names
     * the original author (it wins over {@code knownHandle}) and is left out of the text. Null when no
     * text remains.
     */
    static PostRef repostTarget(String knownHandle, String text) {
        if (text == null) return null;
        String handle = rtHandle(text);
        String body = handle == null ? text : afterRt(text);
        if (handle == null) handle = knownHandle;
        String norm = normalise(body);
        if (norm.isEmpty()) return null;
        String h = handle == null ? "" : handle.toLowerCase(Locale.ROOT);
        return new PostRef(PREFIX + hash(h, norm), null, handle, true);
    }

    /** NFKC, lower case, each whitespace run as one space, stripped. */
    static String normalise(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(n.length());
        boolean space = false;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = true;
                continue;
            }
            if (space && b.length() > 0) b.append(' ');
            space = false;
            b.append(c);
        }
        return b.toString();
    }

    /**
     * The post with a derived repost target when it names neither a repost nor a quote target and its
     * text begins {@code RT @handle:}; the post itself otherwise.
     */
    static Post fromText(Post p) {
        if (p.repostOf() != null || p.quoteOf() != null || rtHandle(p.text()) == null) return p;
        PostRef ref = repostTarget(null, p.text());
        if (ref == null) return p;
        return new Post(p.platform(), p.id(), p.accountId(), p.handle(), p.timeMs(), PostKind.REPOST, p.text(), p.lang(),
                ref, p.replyTo(), null, p.urls(), p.hashtags(), p.mentions(), p.media(), p.account());
    }

    private static String hash(String handle, String text) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(handle.getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
            d.update(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
