package org.lockstep.io.read;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lockstep.core.model.AccountSnapshot;
import org.lockstep.core.model.InvalidPostException;
import org.lockstep.core.model.Platform;
import org.lockstep.core.model.Post;
import org.lockstep.core.model.PostKind;

/**
 * The Clemson University / FiveThirtyEight IRA tweets CSV (github.com/fivethirtyeight/russian-troll-tweets:
 * {@code external_author_id,author,content,region,language,publish_date,harvested_date,following,
 * followers,updates,post_type,account_type,new_june_2018,retweet,account_category}, later versions add
 * {@code tweet_id}, {@code article_url} and {@code tco1_step1..tco3_step1}). {@code publish_date} is
 * {@code M/d/yyyy H:mm}, UTC. {@code post_type} RETWEET is a repost, QUOTE_TWEET a quote; the original
 * is not named in the file. {@code language} is an English language name, mapped to its ISO code.
 *
 * <p>Without a {@code tweet_id} the id comes from the tweet URL in {@code article_url}, else it is
 * derived: {@code ira:} and the first 16 hex digits of SHA-256 over author, publish_date, content,
 * updates and harvested_date. Identical rows are one post (the ingest counts the repeats as
 * duplicates); the same text posted twice in one minute by one account is two posts when the account's
 * {@code updates} counter or the harvest time differs. {@link #note()} says so.
 *
 * <p>The release never names a retweet's original. A RETWEET row (and any row whose content begins
 * {@code RT @handle:}) gets a {@link DerivedRefs derived} repost target from the original author's
 * handle, when the content names it, and the normalised text, so that accounts retweeting the same
 * tweet share one object. A QUOTE_TWEET row's content is the quoting text, which says nothing about
 * the quoted tweet, so quotes get no target (their links still count).
 */
final class IraCsv implements CsvLayout {
    private static final Pattern STATUS = Pattern.compile("/status(?:es)?/(\\d{1,20})");
    private static final Map<String, String> LANGS = Map.ofEntries(
            Map.entry("english", "en"), Map.entry("russian", "ru"), Map.entry("german", "de"), Map.entry("ukrainian", "uk"),
            Map.entry("italian", "it"), Map.entry("spanish", "es"), Map.entry("french", "fr"), Map.entry("arabic", "ar"),
            Map.entry("japanese", "ja"), Map.entry("dutch", "nl"), Map.entry("portuguese", "pt"), Map.entry("polish", "pl"),
            Map.entry("turkish", "tr"), Map.entry("swedish", "sv"), Map.entry("norwegian", "no"), Map.entry("finnish", "fi"),
            Map.entry("estonian", "et"), Map.entry("latvian", "lv"), Map.entry("lithuanian", "lt"), Map.entry("romanian", "ro"),
            Map.entry("bulgarian", "bg"), Map.entry("serbian", "sr"), Map.entry("croatian", "hr"), Map.entry("macedonian", "mk"),
            Map.entry("uzbek", "uz"), Map.entry("farsi (persian)", "fa"), Map.entry("hebrew", "he"), Map.entry("hindi", "hi"),
            Map.entry("chinese", "zh"), Map.entry("korean", "ko"), Map.entry("vietnamese", "vi"), Map.entry("greek", "el"),
            Map.entry("czech", "cs"), Map.entry("slovak", "sk"), Map.entry("hungarian", "hu"), Map.entry("danish", "da"),
            Map.entry("icelandic", "is"), Map.entry("catalan", "ca"), Map.entry("albanian", "sq"), Map.entry("belarusian", "be"),
            Map.entry("kazakh", "kk"), Map.entry("pushto", "ps"), Map.entry("urdu", "ur"), Map.entry("indonesian", "id"),
            Map.entry("tagalog (filipino)", "tl"), Map.entry("malay", "ms"), Map.entry("thai", "th"), Map.entry("somali", "so"));

    private final int author, handle, content, language, published, harvested, following, followers, updates, postType,
            tweetId, articleUrl;
    private final int[] tco;
    private final int columns;

    IraCsv(List<String> h) {
        author = CsvText.index(h, "external_author_id");
        handle = CsvText.index(h, "author");
        content = CsvText.index(h, "content");
        language = CsvText.index(h, "language");
        published = CsvText.index(h, "publish_date");
        harvested = CsvText.index(h, "harvested_date");
        following = CsvText.index(h, "following");
        followers = CsvText.index(h, "followers");
        updates = CsvText.index(h, "updates");
        postType = CsvText.index(h, "post_type");
        tweetId = CsvText.index(h, "tweet_id");
        articleUrl = CsvText.index(h, "article_url");
        tco = new int[] {CsvText.index(h, "tco1_step1"), CsvText.index(h, "tco2_step1"), CsvText.index(h, "tco3_step1")};
        columns = h.size();
    }

    static boolean matches(List<String> h) {
        return CsvText.index(h, "external_author_id") >= 0 && CsvText.index(h, "author") >= 0
                && CsvText.index(h, "content") >= 0 && CsvText.index(h, "publish_date") >= 0;
    }

    @Override public Format format() { return Format.IRA_CSV; }
    @Override public int columns() { return columns; }

    @Override
    public String note() {
        if (tweetId >= 0) return null;
        return "no tweet_id column: post ids are taken from article_url where it names a tweet, else derived as"
                + " 'ira:' + SHA-256 of author, publish_date, content, updates and harvested_date (identical rows"
                + " become one post)";
    }

    @Override
    public Post map(List<String> f) {
        String ts = CsvText.cell(f, published);
        if (ts == null) throw new InvalidPostException("missing publish_date");
        long time = Timestamps.parse(ts);
        String acc = TwitterIoCsv.id(CsvText.cell(f, author));
        String name = CsvText.cell(f, handle);
        String text = CsvText.cell(f, content);
        String id = TwitterIoCsv.id(CsvText.cell(f, tweetId));
        if (id == null) {
            String url = CsvText.cell(f, articleUrl);
            Matcher m = url == null ? null : STATUS.matcher(url);
            if (m != null && m.find()) id = m.group(1);
        }
        if (id == null && tweetId < 0) {
            id = derivedId(name, ts, text, CsvText.cell(f, updates), CsvText.cell(f, harvested));
        }
        Post.Builder b = Post.builder(Platform.TWITTER).id(id).accountId(acc).handle(name).timeMs(time).text(text)
                .lang(lang(CsvText.cell(f, language)));
        String type = CsvText.cell(f, postType);
        String t = type == null ? "" : type.strip().toUpperCase(Locale.ROOT);
        if (t.equals("QUOTE_TWEET")) {
            b.kind(PostKind.QUOTE);
        } else if (t.equals("RETWEET") || DerivedRefs.rtHandle(text) != null) {
            b.kind(PostKind.REPOST);
            b.repostOf(DerivedRefs.repostTarget(null, text));
        }
        List<String> urls = new ArrayList<>(2);
        for (int c : tco) {
            String u = CsvText.cell(f, c);
            if (u != null && !urls.contains(u)) urls.add(u);
        }
        b.urls(urls.isEmpty() ? CsvText.urls(text) : urls);
        b.hashtags(CsvText.hashtags(text));
        b.mentions(CsvText.mentions(text));
        b.account(new AccountSnapshot(acc, name, null, null, null, null, AccountSnapshot.UNKNOWN,
                TwitterIoCsv.num(CsvText.cell(f, followers)), TwitterIoCsv.num(CsvText.cell(f, following)),
                TwitterIoCsv.num(CsvText.cell(f, updates)), null, null, null, null));
        return b.build();
    }

    static String lang(String s) {
        if (s == null) return null;
        return LANGS.get(s.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * {@code ira:} + 16 hex digits of SHA-256(author NUL publish_date NUL content NUL updates NUL
     * harvested_date), dates and counter stripped, a missing cell as empty.
     */
    static String derivedId(String author, String publishDate, String content, String updates, String harvestedDate) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(nz(author).getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
            d.update(nz(publishDate).strip().getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
            d.update(nz(content).getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
            d.update(nz(updates).strip().getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
            d.update(nz(harvestedDate).strip().getBytes(StandardCharsets.UTF_8));
            return "ira:" + HexFormat.of().formatHex(d.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
