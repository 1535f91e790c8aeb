package org.lockstep.io.read;

/**
 * One bad record, or one thing a reader had to repair: where it was (file, 1-based line or record
 * number, 0 for the whole file) and why.
 */
public record Problem(String file, long line, Severity severity, String reason) {
    public enum Severity { WARNING, REJECTED, FILE_FAILED }

    @Override
    public String toString() {
        return file + ":" + line + ": " + severity.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + ": " + reason;
    }
}
