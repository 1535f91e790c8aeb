package org.lockstep.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The hand-written UTF-8 CSV encoder against strings written out by hand. */
class CsvPostWriterTest {
    @Test
    void quotesEscapesAndEncodesLikeRfc4180() throws IOException {
        Accounts acc = new Accounts();
        int a = acc.add(42, "jeanne_d", "Jeanne D", 0, Accounts.ORGANIC, 0);
        int b = acc.add(7, "orig", "Orig", 0, Accounts.ORGANIC, 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvPostWriter w = new CsvPostWriter(out, acc);
        Tweet t = new Tweet();
        t.reset();
        t.id = 1234567890123L;
        t.timeMs = 1493942401999L;
        t.author = a;
        t.raw("Élection, \"truquée\" 😂");
        t.raw("\nfin");
        t.url("https://www.lemonde.fr/a?x=1,2");
        t.url("https://bbc.co.uk/n");
        w.write(t);
        Tweet o = new Tweet();
        o.reset();
        o.id = 99;
        o.author = b;
        o.raw("plain");
        Tweet rt = new Tweet();
        rt.reset();
        rt.id = -5;
        rt.timeMs = -1;
        rt.author = a;
        rt.inner = o;
        rt.retweetOf(o, "orig");
        rt.replyToId = 0;
        w.write(rt);
        w.finish();
        String expected = CsvPostWriter.HEADER + "\n"
                + "1234567890123,42,jeanne_d,,,\"Élection, \"\"truquée\"\" 😂\nfin "
                + Tweet.shortUrl("https://www.lemonde.fr/a?x=1,2") + " " + Tweet.shortUrl("https://bbc.co.uk/n")
                + "\",1493942401,"
                + "\"https://www.lemonde.fr/a?x=1,2 https://bbc.co.uk/n\"\n"
                + "-5,42,jeanne_d,99,0,RT @orig: plain,-1,\n";
        assertEquals(expected, out.toString(StandardCharsets.UTF_8));
    }
}
