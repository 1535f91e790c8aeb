package org.lockstep.io.store;

/**
 * The case database could not be opened, read or written. Unchecked so that it passes through the
 * readers' post sink untouched (they catch only bad-record exceptions).
 */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        this(message, null, null);
    }

    public StoreException(String message, Throwable cause) {
        this(message, cause, null);
    }

    /** A failure during an ingest, with what that ingest had committed before it ({@code partial}). */
    public StoreException(String message, Throwable cause, IngestReport partial) {
        super(message, cause);
        this.partial = partial;
    }

    private final transient IngestReport partial;

    /** What the failed ingest had committed (stored, batches) before the failure; null when it failed before reading. */
    public IngestReport partial() {
        return partial;
    }
}
