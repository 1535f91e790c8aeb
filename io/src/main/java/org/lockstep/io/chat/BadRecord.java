package org.lockstep.io.chat;

/** A record that cannot be a chat message; its message is the reason reported. */
final class BadRecord extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadRecord(String reason) {
        super(reason, null, false, false);
    }
}
