package org.lockstep.io.chat;

/** Reading stopped because more records were rejected than {@link ChatReadOptions#maxErrors()} allows. */
public final class ChatTooManyErrorsException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ChatReadReport report;

    ChatTooManyErrorsException(ChatReadReport report, long max) {
        super("more than " + max + " chat records rejected; stopped (raise --max-errors to go on)");
        this.report = report;
    }

    public ChatReadReport report() {
        return report;
    }
}
