package org.lockstep.core.model;

/** A record that cannot become a {@link Post}; the message is the reason shown to the user. */
public final class InvalidPostException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidPostException(String reason) {
        super(reason, null, false, false);
    }
}
