package org.lockstep.core.coord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lockstep.core.model.Platform;
import org.lockstep.core.model.Post;
import org.lockstep.core.model.PostRef;
import org.lockstep.core.model.PostTable;

/** Each signal's objects on a small table whose co-actions are known by hand. */
class CoordExtractionTest {

    private static Post.Builder post(String id, String acc, long t) {
        return Post.builder(Platform.TWITTER).id(id).accountId(acc).timeMs(t);
    }

    private static PostTable table() {
        PostTable.Builder b = PostTable.builder();
        String text = "The ballots in district nine were burned last night, share this everywhere now";
        b.add(post("1", "a", 1_000).text(text + " https://t.co/1").urls(List.of("https://News.example.co.uk/story/?utm_source=x#top"))
                .hashtags(List.of("Vote", "Fraud")).build());
        b.add(post("2", "b", 5_000).text("RT: " + text.toUpperCase()).urls(List.of("http://www.news.example.co.uk/story"))
                .hashtags(List.of("fraud", "vote")).build());
        b.add(post("3", "c", 9_000).repostOf(new PostRef("1", "a", null)).text(text).build());
        b.add(post("4", "d", 12_000).quoteOf(new PostRef("1", "a", null))
                .urls(List.of("https://other.example.co.uk/x", "https://twitter.com/a/status/1"))
                .hashtags(List.of("vote")).build());
        return b.build();
    }

    private static List<String> objects(Actions x, Signal s) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < x.size(); i++) {
            if (x.signal(i) == s) out.add(x.accountName(x.account(i)) + ":" + x.objectName(x.object(i)));
        }
        return out;
    }

    @Test
    void signalsSeeTheSameObjectThroughFormattingDifferences() {
        PostTable t = table();
        CoordinationConfig c = CoordinationConfig.builder().signals(Signal.values()).build();
        Actions x = Actions.from(t, c);
        assertEquals(List.of("c:1"), objects(x, Signal.CO_REPOST));
        assertEquals(List.of("d:1"), objects(x, Signal.CO_QUOTE));
        assertEquals(List.of("a:https://news.example.co.uk/story", "b:https://news.example.co.uk/story",
                "d:https://other.example.co.uk/x"), objects(x, Signal.CO_LINK));
        assertEquals(List.of("a:example.co.uk", "b:example.co.uk", "d:example.co.uk"), objects(x, Signal.CO_DOMAIN));
        assertEquals(List.of("a:#vote #fraud", "b:#vote #fraud"), objects(x, Signal.HASHTAG_SET));
        assertEquals(List.of("a:#vote", "a:#fraud", "b:#fraud", "b:#vote", "d:#vote"), objects(x, Signal.CO_HASHTAG));
        // the quote's permalink to the quoted post is not shared content; c's repost carries a's text but
        // did not choose it, so it is no text action
        List<String> text = objects(x, Signal.CO_TEXT);
        assertEquals(2, text.size());
        assertTrue(text.get(0).startsWith("a:the ballots in district nine"));
        assertEquals(text.get(0).substring(2), text.get(1).substring(2));
        assertEquals(List.of("c:1", "d:1"), objects(x, Signal.OBJECT));
        // object names are per signal: the same local id means different things
        assertEquals(Signal.CO_LINK, x.objectSignal(x.objectBase(Signal.CO_LINK)));
    }

    @Test
    void fusedEdgeCarriesEverySignalItCameFrom() {
        PostTable t = table();
        CoordinationConfig c = CoordinationConfig.builder().signals(Signal.CO_LINK, Signal.CO_DOMAIN, Signal.HASHTAG_SET,
                Signal.CO_TEXT).window(Signal.CO_DOMAIN, 60_000).selection(CoordinationConfig.Selection.ALL).minRepetitions(1).build();
        CoordinationResult r = Coordination.detect(t, c);
        // a-b: same URL, domain, hashtag set and text 4 s apart; a-d and b-d: same domain, 11 s and 7 s apart
        assertEquals(3, r.edges().size);
        Edges e = r.edges();
        for (int i = 0; i < e.size; i++) {
            String pair = r.accountName(e.a[i]) + r.accountName(e.b[i]);
            if (pair.equals("ab")) {
                assertEquals(Signal.CO_LINK.bit() | Signal.CO_DOMAIN.bit() | Signal.HASHTAG_SET.bit() | Signal.CO_TEXT.bit(),
                        e.signals[i]);
                assertEquals(4, e.objects[i]);
                assertEquals(4, e.coActions[i]);
                assertEquals(4_000, e.minGapMs[i]);
                assertEquals(4, e.aFirst[i]);
                assertEquals(0, e.bFirst[i]);
            } else {
                assertEquals(Signal.CO_DOMAIN.bit(), e.signals[i], pair);
                assertEquals(pair.equals("ad") ? 11_000 : 7_000, e.medianGapMs[i], pair);
            }
        }
    }
}
