package org.lockstep.io.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Consumer;
import org.lockstep.core.model.InvalidPostException;
import org.lockstep.core.model.Post;

/** Bluesky Jetstream commit events for app.bsky.feed.post and app.bsky.feed.repost. */
final class JetstreamJson {
    private JetstreamJson() {}

    /** Maps one JSON value to posts, reporting each bad part (e.g. one message) to rejectPart; returns how many. */
    static int map(JsonNode n, Consumer<Post> out, Consumer<String> rejectPart) {
        throw new InvalidPostException("JetstreamJson is not built yet");
    }
}
