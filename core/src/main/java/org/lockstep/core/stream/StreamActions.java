package org.lockstep.core.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.lockstep.core.coord.CoordinationConfig;
import org.lockstep.core.coord.Signal;
import org.lockstep.core.model.Post;
import org.lockstep.core.model.PostKind;
import org.lockstep.core.text.TextNormalizer;
import org.lockstep.core.url.UrlNormalizer;

/**
 * The timed co-action objects of one post, as the batch extractor defines them, for the signals that can
 * be told from the post alone: the reposted, replied-to and quoted post, each normalised link, the exact
 * set of two or more hashtags and the normalised text. Content signals skip reposts (the reposter did not
 * choose the content) and links to the platform itself, as in batch. Near-duplicate text, images and the
 * any-time domain signal need the whole case; the stream leaves them to the periodic evaluation, which runs
 * the batch stages.
 */
public final class StreamActions {
    private StreamActions() {}

    /** One object a post acts on: {@code key} is "signal label" + NUL + the object's name. */
    public record Action(Signal signal, String key, long windowMs) {}

    static final Set<String> INTERNAL = Set.of("twitter.com", "x.com", "t.co", "mobile.twitter.com", "bsky.app", "t.me");

    /** The actions of {@code p} under {@code c}'s enabled timed signals. */
    public static List<Action> of(Post p, CoordinationConfig c) {
        List<Action> out = new ArrayList<>(4);
        boolean repost = p.kind() == PostKind.REPOST || p.repostOf() != null;
        if (p.repostOf() != null && p.repostOf().postId() != null) add(out, c, Signal.CO_REPOST, p.repostOf().postId());
        if (p.replyTo() != null && p.replyTo().postId() != null) add(out, c, Signal.CO_REPLY, p.replyTo().postId());
        if (p.quoteOf() != null && p.quoteOf().postId() != null) add(out, c, Signal.CO_QUOTE, p.quoteOf().postId());
        if (repost) return out;
        for (String u : p.urls()) {
            String n = UrlNormalizer.normalize(u);
            if (n == null) continue;
            String host = UrlNormalizer.host(n);
            if (host != null && INTERNAL.contains(host)) continue;
            add(out, c, Signal.CO_LINK, n);
        }
        if (p.hashtags().size() >= 2) {
            TreeSet<String> tags = new TreeSet<>();
            for (String h : p.hashtags()) tags.add(h.toLowerCase(java.util.Locale.ROOT));
            if (tags.size() >= 2) add(out, c, Signal.HASHTAG_SET, String.join(" ", tags));
        }
        if (p.text() != null) {
            String t = TextNormalizer.normalize(p.text());
            if (t != null && t.length() >= 20) add(out, c, Signal.CO_TEXT, t);
        }
        return out;
    }

    private static void add(List<Action> out, CoordinationConfig c, Signal s, String name) {
        long w = c.windowMs(s);
        if (w < 0 || w == CoordinationConfig.ANY_TIME) return;
        out.add(new Action(s, s.label() + '\u0000' + name, w));
    }
}
