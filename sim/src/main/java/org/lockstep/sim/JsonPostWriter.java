package org.lockstep.sim;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Twitter API v1.1 JSON (extended mode: {@code full_text}), one post per line. Retweets nest the
 * original in {@code retweeted_status}, quotes nest it in {@code quoted_status}, as the API does.
 */
final class JsonPostWriter implements PostWriter {
    private static final String DEFAULT_AVATAR =
            "https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png";
    // field names pre-encoded once: writing them is a byte copy
    private static final SerializedString F_CONTRIBUTORS = new SerializedString("contributors");
    private static final SerializedString F_COORDINATES = new SerializedString("coordinates");
    private static final SerializedString F_CREATED_AT = new SerializedString("created_at");
    private static final SerializedString F_DEFAULT_PROFILE = new SerializedString("default_profile");
    private static final SerializedString F_DEFAULT_PROFILE_IMAGE = new SerializedString("default_profile_image");
    private static final SerializedString F_DESCRIPTION = new SerializedString("description");
    private static final SerializedString F_DISPLAY_TEXT_RANGE = new SerializedString("display_text_range");
    private static final SerializedString F_DISPLAY_URL = new SerializedString("display_url");
    private static final SerializedString F_ENTITIES = new SerializedString("entities");
    private static final SerializedString F_EXPANDED_URL = new SerializedString("expanded_url");
    private static final SerializedString F_FAVORITE_COUNT = new SerializedString("favorite_count");
    private static final SerializedString F_FAVORITED = new SerializedString("favorited");
    private static final SerializedString F_FAVOURITES_COUNT = new SerializedString("favourites_count");
    private static final SerializedString F_FOLLOWERS_COUNT = new SerializedString("followers_count");
    private static final SerializedString F_FRIENDS_COUNT = new SerializedString("friends_count");
    private static final SerializedString F_FULL_TEXT = new SerializedString("full_text");
    private static final SerializedString F_GEO = new SerializedString("geo");
    private static final SerializedString F_GEO_ENABLED = new SerializedString("geo_enabled");
    private static final SerializedString F_HASHTAGS = new SerializedString("hashtags");
    private static final SerializedString F_ID = new SerializedString("id");
    private static final SerializedString F_ID_STR = new SerializedString("id_str");
    private static final SerializedString F_IN_REPLY_TO_SCREEN_NAME = new SerializedString("in_reply_to_screen_name");
    private static final SerializedString F_IN_REPLY_TO_STATUS_ID = new SerializedString("in_reply_to_status_id");
    private static final SerializedString F_IN_REPLY_TO_STATUS_ID_STR = new SerializedString("in_reply_to_status_id_str");
    private static final SerializedString F_IN_REPLY_TO_USER_ID = new SerializedString("in_reply_to_user_id");
    private static final SerializedString F_IN_REPLY_TO_USER_ID_STR = new SerializedString("in_reply_to_user_id_str");
    private static final SerializedString F_INDICES = new SerializedString("indices");
    private static final SerializedString F_IS_QUOTE_STATUS = new SerializedString("is_quote_status");
    private static final SerializedString F_LANG = new SerializedString("lang");
    private static final SerializedString F_LISTED_COUNT = new SerializedString("listed_count");
    private static final SerializedString F_LOCATION = new SerializedString("location");
    private static final SerializedString F_NAME = new SerializedString("name");
    private static final SerializedString F_PLACE = new SerializedString("place");
    private static final SerializedString F_POSSIBLY_SENSITIVE = new SerializedString("possibly_sensitive");
    private static final SerializedString F_PROFILE_IMAGE_URL_HTTPS = new SerializedString("profile_image_url_https");
    private static final SerializedString F_PROTECTED = new SerializedString("protected");
    private static final SerializedString F_QUOTED_STATUS = new SerializedString("quoted_status");
    private static final SerializedString F_QUOTED_STATUS_ID = new SerializedString("quoted_status_id");
    private static final SerializedString F_QUOTED_STATUS_ID_STR = new SerializedString("quoted_status_id_str");
    private static final SerializedString F_RETWEET_COUNT = new SerializedString("retweet_count");
    private static final SerializedString F_RETWEETED = new SerializedString("retweeted");
    private static final SerializedString F_RETWEETED_STATUS = new SerializedString("retweeted_status");
    private static final SerializedString F_SCREEN_NAME = new SerializedString("screen_name");
    private static final SerializedString F_SOURCE = new SerializedString("source");
    private static final SerializedString F_STATUSES_COUNT = new SerializedString("statuses_count");
    private static final SerializedString F_SYMBOLS = new SerializedString("symbols");
    private static final SerializedString F_TEXT = new SerializedString("text");
    private static final SerializedString F_TRUNCATED = new SerializedString("truncated");
    private static final SerializedString F_URL = new SerializedString("url");
    private static final SerializedString F_URLS = new SerializedString("urls");
    private static final SerializedString F_USER = new SerializedString("user");
    private static final SerializedString F_USER_MENTIONS = new SerializedString("user_mentions");
    private static final SerializedString F_VERIFIED = new SerializedString("verified");
    private final JsonGenerator g;
    private final Accounts acc;
    private final TwitterTime clock = new TwitterTime();

    JsonPostWriter(OutputStream out, Accounts acc) throws IOException {
        JsonFactory f = new JsonFactory();
        f.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        this.g = f.createGenerator(out, JsonEncoding.UTF8);
        g.setRootValueSeparator(null);
        this.acc = acc;
    }

    @Override
    public void write(Tweet t) throws IOException {
        tweet(t, true);
        g.writeRaw('\n');
    }

    @Override
    public void finish() throws IOException {
        g.flush();
    }

    private void tweet(Tweet t, boolean top) throws IOException {
        JsonGenerator g = this.g;
        g.writeStartObject();
        str(F_CREATED_AT, clock.format(t.timeMs));
        num(F_ID, t.id);
        str(F_ID_STR, Long.toString(t.id));
        str(F_FULL_TEXT, t.text.toString());
        bool(F_TRUNCATED, false);
        array(F_DISPLAY_TEXT_RANGE);
        g.writeNumber(0);
        g.writeNumber(t.cp);
        g.writeEndArray();
        entities(t);
        str(F_SOURCE, Lexicon.source(t.source));
        if (t.replyToId >= 0) {
            num(F_IN_REPLY_TO_STATUS_ID, t.replyToId);
            str(F_IN_REPLY_TO_STATUS_ID_STR, Long.toString(t.replyToId));
            long uid = acc.id[t.replyToAuthor];
            num(F_IN_REPLY_TO_USER_ID, uid);
            str(F_IN_REPLY_TO_USER_ID_STR, Long.toString(uid));
            str(F_IN_REPLY_TO_SCREEN_NAME, acc.handle[t.replyToAuthor]);
        } else {
            nul(F_IN_REPLY_TO_STATUS_ID);
            nul(F_IN_REPLY_TO_STATUS_ID_STR);
            nul(F_IN_REPLY_TO_USER_ID);
            nul(F_IN_REPLY_TO_USER_ID_STR);
            nul(F_IN_REPLY_TO_SCREEN_NAME);
        }
        user(t.author);
        nul(F_GEO);
        nul(F_COORDINATES);
        nul(F_PLACE);
        nul(F_CONTRIBUTORS);
        boolean quote = t.kind == Tweet.QUOTE;
        bool(F_IS_QUOTE_STATUS, quote);
        if (quote) {
            num(F_QUOTED_STATUS_ID, t.inner.id);
            str(F_QUOTED_STATUS_ID_STR, Long.toString(t.inner.id));
            g.writeFieldName(F_QUOTED_STATUS);
            tweet(t.inner, false);
        }
        if (t.kind == Tweet.RETWEET) {
            g.writeFieldName(F_RETWEETED_STATUS);
            tweet(t.inner, false);
        }
        num(F_RETWEET_COUNT, 0);
        num(F_FAVORITE_COUNT, 0);
        bool(F_FAVORITED, false);
        bool(F_RETWEETED, false);
        if (t.nUrls > 0) bool(F_POSSIBLY_SENSITIVE, false);
        str(F_LANG, t.lang);
        g.writeEndObject();
    }

    private void entities(Tweet t) throws IOException {
        JsonGenerator g = this.g;
        object(F_ENTITIES);
        array(F_HASHTAGS);
        for (int i = 0; i < t.nTags; i++) {
            g.writeStartObject();
            str(F_TEXT, t.tag[i]);
            indices(t.tagStart[i], t.tagEnd[i]);
            g.writeEndObject();
        }
        g.writeEndArray();
        array(F_SYMBOLS);
        g.writeEndArray();
        array(F_USER_MENTIONS);
        for (int i = 0; i < t.nMentions; i++) {
            int a = t.mention[i];
            g.writeStartObject();
            str(F_SCREEN_NAME, acc.handle[a]);
            str(F_NAME, acc.name[a]);
            num(F_ID, acc.id[a]);
            str(F_ID_STR, Long.toString(acc.id[a]));
            indices(t.mentionStart[i], t.mentionEnd[i]);
            g.writeEndObject();
        }
        g.writeEndArray();
        array(F_URLS);
        for (int i = 0; i < t.nUrls; i++) {
            g.writeStartObject();
            str(F_URL, t.urlShort[i]);
            str(F_EXPANDED_URL, t.urlExpanded[i]);
            str(F_DISPLAY_URL, t.urlDisplay[i]);
            indices(t.urlStart[i], t.urlEnd[i]);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void indices(int a, int b) throws IOException {
        array(F_INDICES);
        g.writeNumber(a);
        g.writeNumber(b);
        g.writeEndArray();
    }

    private void user(int a) throws IOException {
        JsonGenerator g = this.g;
        Accounts acc = this.acc;
        int region = acc.region[a];
        object(F_USER);
        num(F_ID, acc.id[a]);
        str(F_ID_STR, Long.toString(acc.id[a]));
        str(F_NAME, acc.name[a]);
        str(F_SCREEN_NAME, acc.handle[a]);
        str(F_LOCATION, Lexicon.PLACES[region][acc.place[a]]);
        str(F_DESCRIPTION, Lexicon.BIO[region][acc.bio[a]]);
        nul(F_URL);
        bool(F_PROTECTED, false);
        num(F_FOLLOWERS_COUNT, acc.followers[a]);
        num(F_FRIENDS_COUNT, acc.friends[a]);
        num(F_LISTED_COUNT, acc.followers[a] / 60);
        str(F_CREATED_AT, clock.format(acc.createdMs[a]));
        num(F_FAVOURITES_COUNT, acc.baseStatuses[a] / 2);
        bool(F_GEO_ENABLED, false);
        bool(F_VERIFIED, acc.verified[a]);
        num(F_STATUSES_COUNT, acc.baseStatuses[a] + acc.posts[a]);
        nul(F_LANG);
        bool(F_DEFAULT_PROFILE, acc.defaultProfile[a]);
        bool(F_DEFAULT_PROFILE_IMAGE, acc.defaultImage[a]);
        str(F_PROFILE_IMAGE_URL_HTTPS, acc.defaultImage[a] ? DEFAULT_AVATAR
                : "https://pbs.twimg.com/profile_images/" + (acc.id[a] % 1_000_000_007L) + "/avatar_normal.jpg");
        g.writeEndObject();
    }

    private void str(SerializedString name, String v) throws IOException {
        g.writeFieldName(name);
        g.writeString(v);
    }

    private void num(SerializedString name, long v) throws IOException {
        g.writeFieldName(name);
        g.writeNumber(v);
    }

    private void bool(SerializedString name, boolean v) throws IOException {
        g.writeFieldName(name);
        g.writeBoolean(v);
    }

    private void nul(SerializedString name) throws IOException {
        g.writeFieldName(name);
        g.writeNull();
    }

    private void array(SerializedString name) throws IOException {
        g.writeFieldName(name);
        g.writeStartArray();
    }

    private void object(SerializedString name) throws IOException {
        g.writeFieldName(name);
        g.writeStartObject();
    }
}
