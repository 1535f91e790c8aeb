package org.lockstep.cli;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.lockstep.io.read.Errors;

/**
 * Checks made before any work, answered in well under a second: the inputs exist and can be read, the
 * output place can be written, and its disk has room for about what the run will write. A run that
 * would fail at the end (after minutes of work) fails at once instead, and says why and what to do.
 */
final class Preflight {
    private Preflight() {}

    /**
     * What is wrong with the alert options, or null: a webhook needs an alerts file (the alerts it sends are kept
     * there) and a usable http(s) URL ({@link org.lockstep.io.alert.Webhook#check}). Safe for a terminal.
     */
    static String webhook(String webhook, Path alerts) {
        if (webhook == null) return null;
        if (alerts == null) return "--webhook needs --alerts FILE (the alerts it sends are kept there)";
        String bad = org.lockstep.io.alert.Webhook.check(webhook);
        return bad == null ? null : Terminal.safe(bad);
    }

    /** The first problem with the named inputs ({@code -} is standard input), or null. */
    static String inputs(List<String> inputs) {
        for (String in : inputs) {
            if (in.equals("-")) continue;
            Path p = Path.of(in);
            if (!Files.exists(p)) return in + ": no such file or directory; nothing was read. Check the path.";
            if (!Files.isReadable(p)) return in + ": permission denied; nothing was read. Check the file's permissions.";
        }
        return null;
    }

    /** Total size of the named inputs in bytes (files, directories recursively; standard input counts 0). */
    static long size(List<String> inputs) {
        long total = 0;
        for (String in : inputs) {
            if (in.equals("-")) continue;
            Path p = Path.of(in);
            try {
                if (Files.isDirectory(p)) {
                    try (Stream<Path> s = Files.walk(p)) {
                        total += s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
                    }
                } else if (Files.isRegularFile(p)) {
                    total += Files.size(p);
                }
            } catch (IOException | RuntimeException e) {
                // only an estimate
            }
        }
        return total;
    }

    /**
     * Whether a file can be created in {@code dir} (made if missing): a probe file is written and deleted.
     * Returns the problem in plain words, or null.
     */
    static String writableDir(Path dir) {
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) return dir + " exists and is not a directory";
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".lockstep-probe", ".tmp");
            Files.delete(probe);
            return null;
        } catch (IOException | SecurityException e) {
            return "cannot write to " + dir + ": " + Errors.describe(e);
        }
    }

    /** The problem when {@code dir}'s disk has less than {@code needBytes} free, or null (also when unknown). */
    static String space(Path dir, long needBytes) {
        try {
            Path p = dir.toAbsolutePath();
            while (p != null && !Files.exists(p)) p = p.getParent();
            if (p == null) return null;
            FileStore fs = Files.getFileStore(p);
            long free = fs.getUsableSpace();
            if (free >= needBytes) return null;
            return "not enough disk space on " + p + ": about " + mb(needBytes) + " needed, " + mb(free) + " free";
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static String mb(long bytes) {
        return bytes >= 10L << 20 ? String.format(Locale.ROOT, "%,d MB", bytes >> 20) : String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    /** What to do next after a failure whose cause is {@code cause} (plain words), or an empty string. */
    static String nextStep(String cause) {
        String c = cause == null ? "" : cause.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        if (c.contains("disk full") || c.contains("not enough disk space")) out.add("free disk space (df -h shows where) or write elsewhere");
        else if (c.contains("permission denied") || c.contains("read-only")) out.add("check the permissions, or choose a place you can write");
        else if (c.contains("in use by another process")) out.add("wait for that process to finish (or stop it), then run this again");
        else if (c.contains("not a duckdb database") || c.contains("not a lockstep case")) out.add("give another --db path; this file is not a case database");
        else if (c.contains("file too large")) out.add("raise the file size limit (ulimit -f) or write to another file system");
        return out.isEmpty() ? "" : String.join("; ", out);
    }
}
