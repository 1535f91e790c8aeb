package org.lockstep.io.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Consumer;
import org.lockstep.core.model.InvalidPostException;
import org.lockstep.core.model.Post;

/** Telegram Desktop channel export (result.json), including forwarded_from and text entities. */
final class TelegramJson {
    private TelegramJson() {}

    /** Maps one JSON value to posts, reporting each bad part (e.g. one message) to rejectPart; returns how many. */
    static int map(JsonNode n, Consumer<Post> out, Consumer<String> rejectPart) {
        throw new InvalidPostException("TelegramJson is not built yet");
    }
}
