package org.lockstep.sim;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The coordination network toolkit's CSV: {@code message_id,user_id,username,repost_id,reply_id,
 * message,timestamp,urls} with Unix-second timestamps and space-separated expanded URLs;
 * RFC 4180 quoting where a field needs it.
 */
final class CsvPostWriter implements PostWriter {
    static final String HEADER = "message_id,user_id,username,repost_id,reply_id,message,timestamp,urls";
    private final Writer w;
    private final Accounts acc;
    private final StringBuilder urls = new StringBuilder(256);

    CsvPostWriter(OutputStream out, Accounts acc) throws IOException {
        this.w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        this.acc = acc;
        w.write(HEADER);
        w.write('\n');
    }

    @Override
    public void write(Tweet t) throws IOException {
        Writer w = this.w;
        w.write(Long.toString(t.id));
        w.write(',');
        w.write(Long.toString(acc.id[t.author]));
        w.write(',');
        w.write(acc.handle[t.author]);
        w.write(',');
        if (t.kind == Tweet.RETWEET) w.write(Long.toString(t.inner.id));
        w.write(',');
        if (t.replyToId >= 0) w.write(Long.toString(t.replyToId));
        w.write(',');
        field(t.text);
        w.write(',');
        w.write(Long.toString(Math.floorDiv(t.timeMs, 1000)));
        w.write(',');
        urls.setLength(0);
        for (int i = 0; i < t.nUrls; i++) {
            if (i > 0) urls.append(' ');
            urls.append(t.urlExpanded[i]);
        }
        field(urls);
        w.write('\n');
    }

    private void field(CharSequence s) throws IOException {
        boolean quote = false;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                quote = true;
                break;
            }
        }
        if (!quote) {
            w.append(s);
            return;
        }
        w.write('"');
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == '"') w.write('"');
            w.write(c);
        }
        w.write('"');
    }

    @Override
    public void finish() throws IOException {
        w.flush();
    }
}
