package org.lockstep.io.read;

import java.util.List;
import org.lockstep.core.model.AccountSnapshot;
import org.lockstep.core.model.InvalidPostException;
import org.lockstep.core.model.Platform;
import org.lockstep.core.model.Post;
import org.lockstep.core.model.PostKind;
import org.lockstep.core.model.PostRef;

/**
 * Twitter's information-operations release CSV (transparency.twitter.com, "Information operations"
 * data archive; {@code tweetid,userid,user_display_name,user_screen_name,...,tweet_time,...,
 * is_retweet,retweet_userid,retweet_tweetid,...,hashtags,urls,user_mentions,poll_choices}).
 * {@code tweet_time} is UTC ({@code 2016-10-06 00:00}); user ids and screen names of accounts with
 * fewer than 5,000 followers are hashed by Twitter and kept as given. List cells look like Python
 * lists ({@code [a, b]}). {@code user_mentions} lists user ids, while mentions elsewhere are screen
 * names, so mentions are taken from the text ({@code @name}). Ids written as floats by spreadsheet
 * tools ({@code 123.0}) lose their {@code .0}.
 */
final class TwitterIoCsv implements CsvLayout {
    private final int id, user, display, screen, location, description, followers, following, created, accountLang,
            lang, text, time, replyUser, replyTweet, quoted, isRetweet, retweetUser, retweetTweet, hashtags, urls;
    private final int columns;

    TwitterIoCsv(List<String> h) {
        id = CsvText.index(h, "tweetid");
        user = CsvText.index(h, "userid");
        display = CsvText.index(h, "user_display_name");
        screen = CsvText.index(h, "user_screen_name");
        location = CsvText.index(h, "user_reported_location");
        description = CsvText.index(h, "user_profile_description");
        followers = CsvText.index(h, "follower_count");
        following = CsvText.index(h, "following_count");
        created = CsvText.index(h, "account_creation_date");
        accountLang = CsvText.index(h, "account_language");
        lang = CsvText.index(h, "tweet_language");
        text = CsvText.index(h, "tweet_text");
        time = CsvText.index(h, "tweet_time");
        replyUser = CsvText.index(h, "in_reply_to_userid");
        replyTweet = CsvText.index(h, "in_reply_to_tweetid");
        quoted = CsvText.index(h, "quoted_tweet_tweetid");
        isRetweet = CsvText.index(h, "is_retweet");
        retweetUser = CsvText.index(h, "retweet_userid");
        retweetTweet = CsvText.index(h, "retweet_tweetid");
        hashtags = CsvText.index(h, "hashtags");
        urls = CsvText.index(h, "urls");
        columns = h.size();
    }

    static boolean matches(List<String> h) {
        return CsvText.index(h, "tweetid") >= 0 && CsvText.index(h, "userid") >= 0 && CsvText.index(h, "tweet_time") >= 0;
    }

    @Override public Format format() { return Format.TWITTER_IO_CSV; }
    @Override public int columns() { return columns; }

    @Override
    public Post map(List<String> f) {
        String ts = CsvText.cell(f, time);
        if (ts == null) throw new InvalidPostException("missing tweet_time");
        String uid = id(CsvText.cell(f, user));
        String handle = CsvText.cell(f, screen);
        String t = CsvText.cell(f, text);
        Post.Builder b = Post.builder(Platform.TWITTER).id(id(CsvText.cell(f, id))).accountId(uid).handle(handle)
                .timeMs(Timestamps.parse(ts)).text(t).lang(lang(CsvText.cell(f, lang)));
        String rt = id(CsvText.cell(f, retweetTweet));
        String rtUser = id(CsvText.cell(f, retweetUser));
        if (rt != null || rtUser != null || truth(CsvText.cell(f, isRetweet))) {
            if (rt != null || rtUser != null) b.repostOf(new PostRef(rt, rtUser, null));
            else b.kind(PostKind.REPOST);
        }
        String rp = id(CsvText.cell(f, replyTweet));
        String rpUser = id(CsvText.cell(f, replyUser));
        if (rp != null || rpUser != null) b.replyTo(new PostRef(rp, rpUser, null));
        String q = id(CsvText.cell(f, quoted));
        if (q != null) b.quoteOf(new PostRef(q, null, null));
        b.hashtags(MappedCsv.strip(CsvText.list(CsvText.cell(f, hashtags)), '#'));
        b.urls(CsvText.list(CsvText.cell(f, urls)));
        b.mentions(CsvText.mentions(t));
        String createdAt = CsvText.cell(f, created);
        long createdMs = AccountSnapshot.UNKNOWN;
        if (createdAt != null) {
            try {
                createdMs = Timestamps.parse(createdAt);
            } catch (IllegalArgumentException e) {
                createdMs = AccountSnapshot.UNKNOWN;
            }
        }
        b.account(new AccountSnapshot(uid, handle, CsvText.cell(f, display), CsvText.cell(f, description),
                CsvText.cell(f, location), lang(CsvText.cell(f, accountLang)), createdMs, num(CsvText.cell(f, followers)),
                num(CsvText.cell(f, following)), AccountSnapshot.UNKNOWN, null, null, null, null));
        return b.build();
    }

    /** An id cell: {@code 123.0} (a spreadsheet's float) becomes {@code 123}; blank, 0 and NaN are no id. */
    static String id(String s) {
        if (s == null) return null;
        String t = s.strip();
        if (t.endsWith(".0")) t = t.substring(0, t.length() - 2);
        if (t.isEmpty() || t.equals("0") || t.equalsIgnoreCase("nan") || t.equalsIgnoreCase("none")) return null;
        return t;
    }

    static boolean truth(String s) {
        return s != null && (s.equalsIgnoreCase("true") || s.equals("1") || s.equalsIgnoreCase("yes"));
    }

    static String lang(String s) {
        return s == null || s.equals("und") || s.equals("zxx") ? null : s;
    }

    static long num(String s) {
        if (s == null) return AccountSnapshot.UNKNOWN;
        String t = s.strip();
        if (t.endsWith(".0")) t = t.substring(0, t.length() - 2);
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            return AccountSnapshot.UNKNOWN;
        }
    }
}
