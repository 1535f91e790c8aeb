package org.lockstep.io.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.lockstep.core.model.InvalidPostException;
import org.lockstep.core.model.Post;

/**
 * One JSON record (a Kafka message, a WebSocket event) to posts, with the format recognised from the
 * record itself as the file readers recognise each line: Twitter v1.1/v2, Bluesky Jetstream, Mastodon
 * statuses and streaming events, Telegram. For sources that deliver records one at a time.
 */
public final class JsonRecords {
    private JsonRecords() {}

    /**
     * The posts of one record (none for a Jetstream event that is not a post creation).
     *
     * @throws InvalidPostException when the record is not JSON, not a post, or a post with bad fields
     */
    public static List<Post> parse(String record) {
        JsonNode n;
        try {
            n = Readers.MAPPER.readTree(record);
        } catch (JsonProcessingException e) {
            throw new InvalidPostException("not JSON: " + Timestamps.clip(String.valueOf(e.getOriginalMessage()), 120));
        }
        List<Post> out = new ArrayList<>(1);
        JsonPosts.map(n, out::add, reason -> {});
        return out;
    }
}
