package org.lockstep.io.read;

import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.lockstep.core.model.InvalidPostException;
import org.lockstep.core.model.Platform;
import org.lockstep.core.model.Post;
import org.lockstep.core.model.PostKind;
import org.lockstep.core.model.PostRef;

/**
 * CooRTweet's input ({@code object_id,account_id,content_id,timestamp_share}, Unix seconds): each row
 * is one share of an object (a tweet, URL, hashtag...) and becomes a {@link PostKind#REPOST} whose
 * {@code repostOf} is the object. A content shared with several objects appears in several rows; its
 * first object keeps the content id, later ones get {@code content_id~object_id}, so no share is lost
 * and a repeated identical row is stored once.
 */
final class CooRTweetCsv implements CsvLayout {
    static final List<String> HEADER = List.of("object_id", "account_id", "content_id", "timestamp_share");

    private final int object, account, content, time;
    private final int columns;
    private final Long2LongOpenHashMap firstObject = new Long2LongOpenHashMap();

    CooRTweetCsv(List<String> header) {
        object = CsvText.index(header, "object_id");
        account = CsvText.index(header, "account_id");
        content = CsvText.index(header, "content_id");
        time = CsvText.index(header, "timestamp_share");
        columns = header.size();
    }

    static boolean matches(List<String> header) {
        for (String h : HEADER) if (CsvText.index(header, h) < 0) return false;
        return true;
    }

    @Override public Format format() { return Format.COORTWEET_CSV; }
    @Override public int columns() { return columns; }

    @Override
    public Post map(List<String> f) {
        String obj = CsvText.cell(f, object);
        String acc = CsvText.cell(f, account);
        String cid = CsvText.cell(f, content);
        if (obj == null) throw new InvalidPostException("missing object_id");
        if (cid == null) throw new InvalidPostException("missing content_id");
        String ts = CsvText.cell(f, time);
        if (ts == null) throw new InvalidPostException("missing timestamp_share");
        long ms = Timestamps.parse(ts);
        long ch = hash(cid);
        long oh = hash(obj);
        long prev = firstObject.putIfAbsent(ch, oh);
        String id = prev == 0 || prev == oh ? cid : cid + "~" + obj;
        return Post.builder(Platform.GENERIC).id(id).accountId(acc).timeMs(ms).kind(PostKind.REPOST)
                .repostOf(new PostRef(obj, null, null)).build();
    }

    /** 64-bit FNV-1a; never 0 (0 marks absence in the map). */
    private static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        for (byte x : b) {
            h ^= x & 0xff;
            h *= 0x100000001b3L;
        }
        return h == 0 ? 1 : h;
    }
}
