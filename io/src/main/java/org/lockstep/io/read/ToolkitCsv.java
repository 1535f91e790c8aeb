package org.lockstep.io.read;

import java.util.List;
import org.lockstep.core.model.InvalidPostException;
import org.lockstep.core.model.Platform;
import org.lockstep.core.model.Post;
import org.lockstep.core.model.PostRef;

/**
 * The coordination network toolkit's CSV ({@code message_id,user_id,username,repost_id,reply_id,
 * message,timestamp,urls}; Graham et al., QUT Digital Observatory). URLs are space-separated; hashtags
 * and mentions are taken from the message text, as the toolkit does.
 */
final class ToolkitCsv implements CsvLayout {
    static final List<String> HEADER = List.of("message_id", "user_id", "username", "repost_id", "reply_id",
            "message", "timestamp", "urls");

    private final int id, user, name, repost, reply, message, time, urls;
    private final int columns;

    ToolkitCsv(List<String> header) {
        id = CsvText.index(header, "message_id");
        user = CsvText.index(header, "user_id");
        name = CsvText.index(header, "username");
        repost = CsvText.index(header, "repost_id");
        reply = CsvText.index(header, "reply_id");
        message = CsvText.index(header, "message");
        time = CsvText.index(header, "timestamp");
        urls = CsvText.index(header, "urls");
        columns = header.size();
    }

    static boolean matches(List<String> header) {
        return CsvText.index(header, "message_id") >= 0 && CsvText.index(header, "user_id") >= 0
                && CsvText.index(header, "repost_id") >= 0 && CsvText.index(header, "timestamp") >= 0;
    }

    @Override public Format format() { return Format.TOOLKIT_CSV; }
    @Override public int columns() { return columns; }

    @Override
    public Post map(List<String> f) {
        String ts = CsvText.cell(f, time);
        if (ts == null) throw new InvalidPostException("missing timestamp");
        String text = CsvText.cell(f, message);
        String rp = CsvText.cell(f, repost);
        String rep = CsvText.cell(f, reply);
        String u = CsvText.cell(f, urls);
        return Post.builder(Platform.GENERIC)
                .id(CsvText.cell(f, id))
                .accountId(CsvText.cell(f, user))
                .handle(CsvText.cell(f, name))
                .timeMs(Timestamps.parse(ts))
                .text(text)
                .repostOf(rp == null ? null : new PostRef(rp, null, null))
                .replyTo(rep == null ? null : new PostRef(rep, null, null))
                .urls(u == null ? CsvText.urls(text) : CsvText.list(u))
                .hashtags(CsvText.hashtags(text))
                .mentions(CsvText.mentions(text))
                .build();
    }
}
