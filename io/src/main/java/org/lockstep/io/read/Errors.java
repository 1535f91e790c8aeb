package org.lockstep.io.read;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Says in plain words what went wrong with a file operation, for messages people read: "no such file",
 * "permission denied", "disk full", instead of an exception class or a bare path (and never "null").
 * Shared by the readers, the case database and the command line.
 */
public final class Errors {
    private Errors() {}

    /** The cause of {@code t} in plain words, without the path (the message names the file itself). */
    public static String describe(Throwable t) {
        if (t == null) return "unknown error";
        for (Throwable c = t; c != null; c = c.getCause()) {
            String plain = plain(c);
            if (plain != null) return plain;
        }
        String m = t.getMessage();
        if (m == null || m.isBlank() || m.equals("null")) return t.getClass().getSimpleName().replaceAll("(?<=[a-z])(?=[A-Z])", " ")
                .toLowerCase(Locale.ROOT);
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** A known cause in plain words, or null. */
    private static String plain(Throwable c) {
        String m = String.valueOf(c.getMessage());
        String lower = m.toLowerCase(Locale.ROOT);
        if (isDiskFull(c)) return "disk full (no space left on the device)";
        if (lower.contains("file too large") || lower.contains("file size limit")) return "file too large for this file system or process limit";
        if (c instanceof NoSuchFileException) return "no such file or directory";
        if (c instanceof AccessDeniedException || lower.contains("permission denied")) return "permission denied";
        if (c instanceof NotDirectoryException) return "not a directory";
        if (c instanceof FileAlreadyExistsException) return "already exists";
        if (lower.contains("read-only file system")) return "read-only file system";
        if (lower.contains("is a directory")) return "is a directory, not a file";
        if (c instanceof FileSystemException fse && fse.getReason() != null) return fse.getReason();
        return null;
    }

    /** Whether {@code t} (or a cause) says the disk is full. */
    public static boolean isDiskFull(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("no space left") || m.contains("disk full") || m.contains("not enough space")
                    || m.contains("could not write all bytes") || m.contains("enospc")) return true;
        }
        return false;
    }

    /** {@link #describe} for an {@link IOException}. */
    public static String describe(IOException e) {
        return describe((Throwable) e);
    }
}
