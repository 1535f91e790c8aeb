package org.lockstep.io.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Consumer;
import org.lockstep.core.model.InvalidPostException;
import org.lockstep.core.model.Post;

/** Twitter API v2 tweets and response pages (data + includes.users/tweets). */
final class TwitterV2Json {
    private TwitterV2Json() {}

    /** Maps one JSON value to posts, reporting each bad part (e.g. one message) to rejectPart; returns how many. */
    static int map(JsonNode n, Consumer<Post> out, Consumer<String> rejectPart) {
        throw new InvalidPostException("TwitterV2Json is not built yet");
    }
}
