package org.lockstep.core.stream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.lockstep.core.model.AccountSnapshot;
import org.lockstep.core.model.Media;
import org.lockstep.core.model.Platform;
import org.lockstep.core.model.Post;
import org.lockstep.core.model.PostKind;
import org.lockstep.core.model.PostRef;

/**
 * A post as bytes and back, losing nothing ({@code decode(encode(p)).equals(p)}): what a stream keeps in
 * its state and sends between operators. Every field of {@link Post} is written, the account snapshot
 * and media included, so a table built from decoded posts is the table batch builds from the file.
 */
public final class PostCodec {
    private PostCodec() {}

    public static byte[] encode(Post p) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream o = new DataOutputStream(bytes)) {
            o.writeByte(p.platform().ordinal());
            o.writeUTF(p.id());
            o.writeUTF(p.accountId());
            str(o, p.handle());
            o.writeLong(p.timeMs());
            o.writeByte(p.kind().ordinal());
            longStr(o, p.text());
            str(o, p.lang());
            ref(o, p.repostOf());
            ref(o, p.replyTo());
            ref(o, p.quoteOf());
            list(o, p.urls());
            list(o, p.hashtags());
            list(o, p.mentions());
            o.writeInt(p.media().size());
            for (Media m : p.media()) {
                str(o, m.url());
                str(o, m.type());
                str(o, m.hash());
            }
            AccountSnapshot a = p.account();
            o.writeBoolean(a != null);
            if (a != null) {
                str(o, a.id());
                str(o, a.handle());
                longStr(o, a.displayName());
                longStr(o, a.description());
                longStr(o, a.location());
                str(o, a.lang());
                o.writeLong(a.createdAtMs());
                o.writeLong(a.followers());
                o.writeLong(a.following());
                o.writeLong(a.posts());
                bool(o, a.defaultProfile());
                bool(o, a.defaultAvatar());
                bool(o, a.verified());
                longStr(o, a.avatarUrl());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static Post decode(byte[] b) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(b))) {
            Platform platform = Platform.of(in.readByte());
            String id = in.readUTF(), account = in.readUTF(), handle = str(in);
            long time = in.readLong();
            PostKind kind = PostKind.of(in.readByte());
            String text = longStr(in), lang = str(in);
            PostRef repost = ref(in), reply = ref(in), quote = ref(in);
            List<String> urls = list(in), tags = list(in), mentions = list(in);
            int nm = in.readInt();
            List<Media> media = new ArrayList<>(nm);
            for (int i = 0; i < nm; i++) media.add(new Media(str(in), str(in), str(in)));
            AccountSnapshot a = null;
            if (in.readBoolean()) {
                a = new AccountSnapshot(str(in), str(in), longStr(in), longStr(in), longStr(in), str(in), in.readLong(),
                        in.readLong(), in.readLong(), in.readLong(), bool(in), bool(in), bool(in), longStr(in));
            }
            return new Post(platform, id, account, handle, time, kind, text, lang, repost, reply, quote, urls, tags,
                    mentions, media, a);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void str(DataOutputStream o, String s) throws IOException {
        longStr(o, s);
    }

    /** Strings that may exceed writeUTF's 64 KiB: length-prefixed UTF-8. */
    private static void longStr(DataOutputStream o, String s) throws IOException {
        if (s == null) {
            o.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        o.writeInt(b.length);
        o.write(b);
    }

    private static String longStr(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) return null;
        byte[] b = in.readNBytes(n);
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String str(DataInputStream in) throws IOException {
        return longStr(in);
    }

    private static void bool(DataOutputStream o, Boolean b) throws IOException {
        o.writeByte(b == null ? 2 : b ? 1 : 0);
    }

    private static Boolean bool(DataInputStream in) throws IOException {
        int v = in.readByte();
        return v == 2 ? null : v == 1;
    }

    private static void ref(DataOutputStream o, PostRef r) throws IOException {
        o.writeBoolean(r != null);
        if (r == null) return;
        str(o, r.postId());
        str(o, r.accountId());
        str(o, r.handle());
        o.writeBoolean(r.derived());
    }

    private static PostRef ref(DataInputStream in) throws IOException {
        if (!in.readBoolean()) return null;
        return new PostRef(str(in), str(in), str(in), in.readBoolean());
    }

    private static void list(DataOutputStream o, List<String> l) throws IOException {
        o.writeInt(l.size());
        for (String s : l) longStr(o, s);
    }

    private static List<String> list(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) l.add(longStr(in));
        return l;
    }
}
