package org.lockstep.io.read;

/** Reading stopped because more records were rejected than {@link ReadOptions#maxErrors()} allows. */
public final class TooManyErrorsException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ReadReport report;

    TooManyErrorsException(ReadReport report, long max) {
        super("more than " + max + " records rejected; stopped (raise --max-errors to go on)");
        this.report = report;
    }

    public ReadReport report() {
        return report;
    }
}
