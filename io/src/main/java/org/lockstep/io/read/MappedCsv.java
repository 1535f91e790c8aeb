package org.lockstep.io.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.lockstep.core.model.InvalidPostException;
import org.lockstep.core.model.Media;
import org.lockstep.core.model.Platform;
import org.lockstep.core.model.Post;
import org.lockstep.core.model.PostKind;
import org.lockstep.core.model.PostRef;
import org.lockstep.core.url.UrlNormalizer;

/**
 * Any CSV, through a user-given {@link CsvMapping} of post fields to columns. List fields (urls,
 * hashtags, mentions, media) take {@code [a, 'b']}, {@code a|b}, {@code a;b} or space-separated cells;
 * when no column is mapped for urls, hashtags or mentions, they are taken from the text.
 *
 * <p>A URL cell value that is not an http(s) URL (an id such as {@code url_123} or {@code 23678}) is
 * kept as an opaque link object ({@link UrlNormalizer#OPAQUE} + value) rather than dropped, and the
 * file gets one warning with the count; {@code NA}, {@code NaN}, {@code null} and {@code None} are
 * missing values, not ids. A media value is an image URL when it is one, else a hash or
 * id (e.g. CooRTweet's {@code phash_id}). {@code repost} names a flag column: a flagged row without a
 * {@code repost_of} id, or any row whose text begins {@code RT @handle:}, gets a
 * {@link DerivedRefs derived} repost target.
 */
final class MappedCsv implements CsvLayout {
    private static final Set<String> TRUE = Set.of("1", "true", "yes", "y", "t", "x", "retweet", "repost", "rt", "r",
            "reblog", "share", "forward");
    private static final Set<String> FALSE = Set.of("0", "false", "no", "n", "f", "none", "null", "na", "nan", "post",
            "tweet", "original", "reply", "quote", "quote_tweet", "q");

    /** List values that mean "nothing" (R's and pandas' missing values), dropped from urls and media. */
    private static final Set<String> MISSING = Set.of("na", "nan", "null", "none");

    private final int id, account, handle, time, text, lang, repost, reply, quote, urls, hashtags, mentions, platformCol,
            repostFlag, media;
    private long opaqueUrls;
    private String firstOpaque;
    private final Platform platform;
    private final int columns;

    private MappedCsv(List<String> header, CsvMapping m) {
        id = col(header, m, "id");
        account = col(header, m, "account");
        handle = col(header, m, "handle");
        time = col(header, m, "time");
        text = col(header, m, "text");
        lang = col(header, m, "lang");
        repost = col(header, m, "repost_of");
        reply = col(header, m, "reply_to");
        quote = col(header, m, "quote_of");
        urls = col(header, m, "urls");
        hashtags = col(header, m, "hashtags");
        mentions = col(header, m, "mentions");
        repostFlag = col(header, m, "repost");
        media = col(header, m, "media");
        String p = m.columns().get("platform");
        platformCol = p == null ? -1 : CsvText.index(header, p);
        platform = p == null || platformCol >= 0 ? Platform.GENERIC : platform(p);
        columns = header.size();
    }

    /** A layout for this header, or null when the mapping names columns the header lacks. */
    static CsvLayout of(List<String> header, CsvMapping mapping) {
        return missing(header, mapping).isEmpty() ? new MappedCsv(header, mapping) : null;
    }

    /** The mapped columns this header lacks (a {@code platform} that names a platform is not a column). */
    static List<String> missing(List<String> header, CsvMapping mapping) {
        List<String> out = new ArrayList<>();
        mapping.columns().forEach((field, column) -> {
            if (CsvText.index(header, column) >= 0) return;
            if (field.equals("platform") && platformOrNull(column) != null) return;
            out.add(field + "=" + column);
        });
        out.sort(null);
        return out;
    }

    private static int col(List<String> header, CsvMapping m, String field) {
        String c = m.columns().get(field);
        return c == null ? -1 : CsvText.index(header, c);
    }

    private static Platform platformOrNull(String s) {
        String l = s.strip().toLowerCase(Locale.ROOT);
        if (l.equals("x")) return Platform.TWITTER;
        for (Platform p : Platform.values()) if (p.label().equals(l)) return p;
        return null;
    }

    private static Platform platform(String s) {
        Platform p = platformOrNull(s);
        if (p == null) throw new IllegalArgumentException("unknown platform '" + Timestamps.clip(s) + "'");
        return p;
    }

    @Override public Format format() { return Format.MAPPED_CSV; }
    @Override public int columns() { return columns; }

    @Override
    public Post map(List<String> f) {
        String ts = CsvText.cell(f, time);
        if (ts == null) throw new InvalidPostException("missing time");
        String t = CsvText.cell(f, text);
        Platform pf = platform;
        if (platformCol >= 0) {
            String v = CsvText.cell(f, platformCol);
            pf = v == null ? Platform.GENERIC : platformOrNull(v);
            if (pf == null) throw new InvalidPostException("unknown platform '" + Timestamps.clip(v) + "'");
        }
        String rp = CsvText.cell(f, repost);
        String rep = CsvText.cell(f, reply);
        String q = CsvText.cell(f, quote);
        boolean flagged = flag(CsvText.cell(f, repostFlag));
        // an unflagged "RT @handle: ..." text gets its derived target in Readers, like every format's
        PostRef repostRef = rp != null ? new PostRef(rp, null, null) : flagged ? DerivedRefs.repostTarget(null, t) : null;
        Post.Builder b = Post.builder(pf)
                .id(CsvText.cell(f, id))
                .accountId(CsvText.cell(f, account))
                .handle(CsvText.cell(f, handle))
                .timeMs(Timestamps.parse(ts))
                .text(t)
                .lang(CsvText.cell(f, lang))
                .repostOf(repostRef)
                .replyTo(rep == null ? null : new PostRef(rep, null, null))
                .quoteOf(q == null ? null : new PostRef(q, null, null))
                .urls(urls >= 0 ? links(CsvText.list(CsvText.cell(f, urls))) : CsvText.urls(t))
                .hashtags(hashtags >= 0 ? strip(CsvText.list(CsvText.cell(f, hashtags)), '#') : CsvText.hashtags(t))
                .mentions(mentions >= 0 ? strip(CsvText.list(CsvText.cell(f, mentions)), '@') : CsvText.mentions(t))
                .media(media >= 0 ? media(CsvText.list(CsvText.cell(f, media))) : List.of());
        if (flagged || repostRef != null) b.kind(PostKind.REPOST);
        return b.build();
    }

    /** The repost flag of a cell: empty is false; a value in neither {@link #TRUE} nor {@link #FALSE} is an error. */
    private static boolean flag(String v) {
        if (v == null) return false;
        String l = v.strip().toLowerCase(Locale.ROOT);
        if (l.isEmpty() || FALSE.contains(l)) return false;
        if (TRUE.contains(l)) return true;
        throw new InvalidPostException("repost flag '" + Timestamps.clip(v) + "' is neither true (1, true, yes, retweet,"
                + " repost, rt, ...) nor false (0, false, no, post, quote, ...)");
    }

    /** URL cell values: URLs as given, anything else as an opaque link id, counted for {@link #endNote()}. */
    private List<String> links(List<String> values) {
        if (values.isEmpty()) return values;
        List<String> out = new ArrayList<>(values.size());
        for (String v : values) {
            if (MISSING.contains(v.toLowerCase(Locale.ROOT))) continue;
            if (UrlNormalizer.normalize(v) != null) {
                out.add(v);
            } else {
                if (opaqueUrls++ == 0) firstOpaque = v;
                out.add(UrlNormalizer.OPAQUE + v);
            }
        }
        return out;
    }

    private static List<Media> media(List<String> values) {
        if (values.isEmpty()) return List.of();
        List<Media> out = new ArrayList<>(values.size());
        for (String v : values) {
            if (MISSING.contains(v.toLowerCase(Locale.ROOT))) continue;
            String n = UrlNormalizer.normalize(v);
            out.add(n != null && !n.startsWith(UrlNormalizer.OPAQUE) ? new Media(v, null, null) : new Media(null, null, v));
        }
        return out;
    }

    @Override
    public String endNote() {
        if (opaqueUrls == 0) return null;
        return opaqueUrls + " URL cell value" + (opaqueUrls == 1 ? " is" : "s are") + " not a URL (first: '"
                + Timestamps.clip(firstOpaque) + "'): kept as opaque link ids ('" + UrlNormalizer.OPAQUE
                + "' + value), compared as links, without host or domain";
    }

    static List<String> strip(List<String> l, char prefix) {
        if (l.isEmpty()) return l;
        List<String> out = new ArrayList<>(l.size());
        for (String s : l) out.add(!s.isEmpty() && s.charAt(0) == prefix ? s.substring(1) : s);
        return out;
    }
}
