package org.lockstep.core.plans;

import java.util.List;

/**
 * One message of a chat export (Discord, Telegram, a mapped CSV), as the plan analysis needs it.
 * Everything but {@code id} and {@code timeMs} comes from the chat and is hostile: it is data, never markup.
 *
 * @param chat        the chat or channel it was posted in (a name or id; may be null)
 * @param id          the message id, unique within its chat
 * @param timeMs      when it was posted, UTC epoch milliseconds
 * @param authorId    the author's platform id (may be null)
 * @param author      the author's name as shown in the chat (may be null)
 * @param text        the message text (empty when it only carries attachments)
 * @param attachments file names or URLs of attached files (images first of all)
 * @param replyTo     the id of the message this one answers, or null
 */
public record ChatMessage(String chat, String id, long timeMs, String authorId, String author, String text,
        List<String> attachments, String replyTo) {
    public ChatMessage {
        if (id == null || id.isEmpty()) throw new IllegalArgumentException("a chat message needs an id");
        text = text == null ? "" : text;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** The author as one label: the name, else the id, else "?". */
    public String authorLabel() {
        return author != null ? author : authorId != null ? authorId : "?";
    }
}
