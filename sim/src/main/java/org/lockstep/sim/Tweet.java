package org.lockstep.sim;

/**
 * One post being written: a reusable mutable record with its text and entities (indices in code
 * points, as Twitter counts them). A retweet or quote carries the original in {@link #inner}.
 */
final class Tweet {
    static final byte ORIGINAL = 0, RETWEET = 1, REPLY = 2, QUOTE = 3;
    private static final int MAX = 16;

    long id;
    long timeMs;
    int author;
    byte kind;
    String lang;
    int source;
    final StringBuilder text = new StringBuilder(400);
    int cp;

    int nTags;
    final String[] tag = new String[MAX];
    final int[] tagStart = new int[MAX], tagEnd = new int[MAX];

    int nUrls;
    final String[] urlShort = new String[MAX], urlExpanded = new String[MAX], urlDisplay = new String[MAX];
    final int[] urlStart = new int[MAX], urlEnd = new int[MAX];

    int nMentions;
    final int[] mention = new int[MAX];
    final int[] mentionStart = new int[MAX], mentionEnd = new int[MAX];

    long replyToId;
    int replyToAuthor;
    /** The retweeted or quoted post (valid when {@link #kind} is RETWEET or QUOTE). */
    Tweet inner;

    void reset() {
        text.setLength(0);
        cp = 0;
        nTags = nUrls = nMentions = 0;
        replyToId = -1;
        replyToAuthor = -1;
        kind = ORIGINAL;
    }

    Tweet inner() {
        if (inner == null) inner = new Tweet();
        return inner;
    }

    private void sep() {
        if (text.length() > 0 && text.charAt(text.length() - 1) != ' ' && text.charAt(text.length() - 1) != '\n') {
            text.append(' ');
            cp++;
        }
    }

    Tweet raw(String s) {
        text.append(s);
        cp += s.codePointCount(0, s.length());
        return this;
    }

    Tweet word(String w) {
        sep();
        return raw(w);
    }

    Tweet hashtag(String h) {
        sep();
        if (nTags < MAX) {
            tag[nTags] = h;
            tagStart[nTags] = cp;
            tagEnd[nTags] = cp + 1 + h.codePointCount(0, h.length());
            nTags++;
        }
        text.append('#');
        cp++;
        return raw(h);
    }

    Tweet mention(int account, String handle) {
        sep();
        if (nMentions < MAX) {
            mention[nMentions] = account;
            mentionStart[nMentions] = cp;
            mentionEnd[nMentions] = cp + 1 + handle.length();
            nMentions++;
        }
        text.append('@');
        cp++;
        return raw(handle);
    }

    Tweet url(String expanded) {
        sep();
        String s = shortUrl(expanded);
        if (nUrls < MAX) {
            urlShort[nUrls] = s;
            urlExpanded[nUrls] = expanded;
            urlDisplay[nUrls] = displayUrl(expanded);
            urlStart[nUrls] = cp;
            urlEnd[nUrls] = cp + s.length();
            nUrls++;
        }
        return raw(s);
    }

    /** Makes this post a retweet of {@code orig} (already filled): "RT @handle: text", entities shifted. */
    void retweetOf(Tweet orig, String origHandle) {
        kind = RETWEET;
        lang = orig.lang;
        text.setLength(0);
        cp = 0;
        nTags = nUrls = nMentions = 0;
        raw("RT ");
        mention(orig.author, origHandle);
        raw(": ");
        int shift = cp;
        text.append(orig.text);
        cp += orig.cp;
        for (int i = 0; i < orig.nMentions && nMentions < MAX; i++, nMentions++) {
            mention[nMentions] = orig.mention[i];
            mentionStart[nMentions] = orig.mentionStart[i] + shift;
            mentionEnd[nMentions] = orig.mentionEnd[i] + shift;
        }
        for (int i = 0; i < orig.nTags; i++) {
            tag[i] = orig.tag[i];
            tagStart[i] = orig.tagStart[i] + shift;
            tagEnd[i] = orig.tagEnd[i] + shift;
        }
        nTags = orig.nTags;
        for (int i = 0; i < orig.nUrls; i++) {
            urlShort[i] = orig.urlShort[i];
            urlExpanded[i] = orig.urlExpanded[i];
            urlDisplay[i] = orig.urlDisplay[i];
            urlStart[i] = orig.urlStart[i] + shift;
            urlEnd[i] = orig.urlEnd[i] + shift;
        }
        nUrls = orig.nUrls;
    }

    /** t.co-style short link derived from the expanded URL (same URL, same short link). */
    static String shortUrl(String expanded) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < expanded.length(); i++) {
            h = (h ^ expanded.charAt(i)) * 0x100000001B3L;
        }
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 29;
        char[] c = new char[23];
        "https://t.co/".getChars(0, 13, c, 0);
        for (int i = 13; i < 23; i++) {
            int d = (int) Long.remainderUnsigned(h, 62);
            h = Long.divideUnsigned(h, 62) ^ (h << 37);
            c[i] = B62.charAt(d);
        }
        return new String(c);
    }

    private static final String B62 = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    static String displayUrl(String expanded) {
        int from = expanded.startsWith("https://") ? 8 : expanded.startsWith("http://") ? 7 : 0;
        if (expanded.startsWith("www.", from)) from += 4;
        int len = expanded.length() - from;
        return len <= 26 ? expanded.substring(from) : expanded.substring(from, from + 25) + "…";
    }
}
