package org.lockstep.io.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lockstep.core.model.InvalidPostException;
import org.lockstep.core.model.Platform;
import org.lockstep.core.model.Post;
import org.lockstep.core.model.PostRef;

/**
 * Any CSV, through a user-given {@link CsvMapping} of post fields to columns. List fields (urls,
 * hashtags, mentions) take {@code [a, 'b']}, {@code a|b}, {@code a;b} or space-separated cells; when
 * no column is mapped for them, they are taken from the text.
 */
final class MappedCsv implements CsvLayout {
    private final int id, account, handle, time, text, lang, repost, reply, quote, urls, hashtags, mentions, platformCol;
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
        return Post.builder(pf)
                .id(CsvText.cell(f, id))
                .accountId(CsvText.cell(f, account))
                .handle(CsvText.cell(f, handle))
                .timeMs(Timestamps.parse(ts))
                .text(t)
                .lang(CsvText.cell(f, lang))
                .repostOf(rp == null ? null : new PostRef(rp, null, null))
                .replyTo(rep == null ? null : new PostRef(rep, null, null))
                .quoteOf(q == null ? null : new PostRef(q, null, null))
                .urls(urls >= 0 ? CsvText.list(CsvText.cell(f, urls)) : CsvText.urls(t))
                .hashtags(hashtags >= 0 ? strip(CsvText.list(CsvText.cell(f, hashtags)), '#') : CsvText.hashtags(t))
                .mentions(mentions >= 0 ? strip(CsvText.list(CsvText.cell(f, mentions)), '@') : CsvText.mentions(t))
                .build();
    }

    static List<String> strip(List<String> l, char prefix) {
        if (l.isEmpty()) return l;
        List<String> out = new ArrayList<>(l.size());
        for (String s : l) out.add(!s.isEmpty() && s.charAt(0) == prefix ? s.substring(1) : s);
        return out;
    }
}
