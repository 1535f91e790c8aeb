package org.lockstep.io.store;

/**
 * The case database could not be opened, read or written. Unchecked so that it passes through the
 * readers' post sink untouched (they catch only bad-record exceptions).
 */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
