package org.lockstep.io.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Consumer;
import org.lockstep.core.model.InvalidPostException;
import org.lockstep.core.model.Post;

/** Mastodon status JSON (REST or streaming payloads, reblog, tags, account). */
final class MastodonJson {
    private MastodonJson() {}

    /** Maps one JSON value to posts, reporting each bad part (e.g. one message) to rejectPart; returns how many. */
    static int map(JsonNode n, Consumer<Post> out, Consumer<String> rejectPart) {
        throw new InvalidPostException("MastodonJson is not built yet");
    }
}
