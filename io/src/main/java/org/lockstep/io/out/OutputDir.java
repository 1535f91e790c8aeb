package org.lockstep.io.out;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.lockstep.io.read.Errors;

/**
 * An output directory owned by the runs of a command. Every file is written under a temporary name
 * in its final directory and renamed over the old one when complete, so a run killed while writing
 * leaves each file either whole-old or whole-new, never truncated. {@link #commit()} records what
 * the run wrote in a manifest ({@value #MANIFEST}) and removes the files an earlier run wrote that
 * this one did not (stale timelines of another case). A file this class did not write is never
 * overwritten or removed: {@link #open} refuses, before any work, when one is in the way.
 *
 * <p>{@link #write} may be called from several threads at once (different names); {@link #commit()} once,
 * after them.
 */
public final class OutputDir {
    /** The manifest: which command wrote which files, when. */
    public static final String MANIFEST = ".lockstep-manifest.json";
    private static final String TMP = ".lockstep-tmp-";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Writes one file's content to {@code tmp} (the final name comes later, by rename). */
    @FunctionalInterface
    public interface Writer {
        void write(Path tmp) throws IOException;
    }

    /** The directory cannot be used or a file in it cannot be written; the message says which and why. */
    public static final class OutputException extends IOException {
        private static final long serialVersionUID = 1L;

        OutputException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Path dir;
    private final String command;
    /** Files (relative, '/'-separated) of the earlier run, from its manifest. */
    private final Set<String> owned;
    private final Map<String, Long> written = new LinkedHashMap<>();

    private OutputDir(Path dir, String command, Set<String> owned) {
        this.dir = dir;
        this.command = command;
        this.owned = owned;
    }

    /**
     * Opens {@code dir} for a run of {@code command}, creating it; checks that a file can be created in
     * it, removes temporary files a killed run left, and refuses when one of {@code names} (the files the
     * run will certainly write) exists without having been written by an earlier run.
     *
     * @throws OutputException with the directory, the cause in plain words and what to do
     */
    public static OutputDir open(Path dir, String command, Collection<String> names) throws OutputException {
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new OutputException(dir + " exists and is not a directory; give a directory for --out", null);
            }
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, TMP, ".probe");
            Files.delete(probe);
        } catch (OutputException e) {
            throw e;
        } catch (IOException | SecurityException e) {
            throw new OutputException("cannot write to " + dir + ": " + Errors.describe(e)
                    + "; choose another --out or fix its permissions", e);
        }
        Set<String> owned = new LinkedHashSet<>();
        Path manifest = dir.resolve(MANIFEST);
        if (Files.exists(manifest)) {
            JsonNode m;
            try {
                m = JSON.readTree(manifest.toFile());
                for (JsonNode f : m.path("files")) owned.add(f.path("path").asText());
            } catch (IOException e) {
                throw new OutputException(manifest + " is not a readable manifest (" + Errors.describe(e)
                        + "); remove it, or choose another --out", e);
            }
            String other = m.path("command").asText();
            if (!other.equals(command)) {
                throw new OutputException(dir + " holds the outputs of lockstep " + other + "; give " + command
                        + " a directory of its own (--out), so that neither run removes the other's files", null);
            }
        }
        removeTemporaries(dir);
        List<String> foreign = new ArrayList<>();
        for (String n : names) {
            if (Files.exists(dir.resolve(n)) && !owned.contains(n)) foreign.add(n);
        }
        if (!foreign.isEmpty()) {
            throw new OutputException(dir + " holds " + String.join(", ", foreign) + ", which Lockstep did not write (no "
                    + MANIFEST + " lists " + (foreign.size() == 1 ? "it" : "them") + "); move " + (foreign.size() == 1 ? "it" : "them")
                    + " away or choose another --out: Lockstep never overwrites a file it did not write", null);
        }
        return new OutputDir(dir, command, owned);
    }

    /**
     * Removes what a killed run left: {@code .lockstep-tmp-*} files and directories (a Parquet writer's
     * scratch), with their contents, in the directory and its subdirectories.
     */
    private static void removeTemporaries(Path dir) {
        try (Stream<Path> s = Files.walk(dir, 4)) {
            List<Path> doomed = new ArrayList<>();
            for (Path p : (Iterable<Path>) s::iterator) {
                Path rel = dir.relativize(p);
                for (Path part : rel) {
                    if (part.toString().startsWith(TMP)) {
                        doomed.add(p);
                        break;
                    }
                }
            }
            doomed.sort(java.util.Comparator.reverseOrder());   // contents before their directory
            for (Path p : doomed) Files.deleteIfExists(p);
        } catch (IOException | RuntimeException ignored) {
            // leftovers are harmless: they are never read, and removed next time
        }
    }

    public Path dir() {
        return dir;
    }

    /** The final path of {@code name} (relative, '/'-separated). */
    public Path resolve(String name) {
        return dir.resolve(name);
    }

    /**
     * Writes {@code name} (relative, may be in a subdirectory) through {@code writer} into a temporary file
     * beside it, then renames it over the final name. On failure the temporary file is removed and the old
     * file, if any, stays.
     */
    public Path write(String name, Writer writer) throws OutputException {
        Path target = dir.resolve(name).normalize();
        if (!target.startsWith(dir.normalize())) throw new OutputException(name + " is outside " + dir, null);
        boolean known;
        synchronized (written) {
            known = written.containsKey(name);
        }
        if (Files.exists(target) && !owned.contains(name) && !known && !name.equals(MANIFEST)) {
            throw new OutputException(target + " exists and was not written by Lockstep; move it away or choose another --out", null);
        }
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            tmp = Files.createTempFile(target.getParent(), TMP, "-" + target.getFileName());
            writer.write(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            long size = Files.size(target);
            synchronized (written) {
                written.put(name, size);
            }
            return target;
        } catch (IOException | RuntimeException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // removed by the next open
                }
            }
            throw new OutputException("cannot write " + target + ": " + Errors.describe(e) + (Errors.isDiskFull(e)
                    ? "; free disk space or choose another --out" : ""), e);
        }
    }

    /**
     * Keeps a file of the earlier run as part of this one (listed again, not removed): e.g. a model the run
     * read from its own output directory.
     */
    public void keep(Path file) {
        Path rel;
        try {
            rel = dir.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
        } catch (IllegalArgumentException e) {
            return;
        }
        String name = rel.toString().replace(java.io.File.separatorChar, '/');
        if (owned.contains(name) && Files.isRegularFile(file)) {
            try {
                written.put(name, Files.size(file));
            } catch (IOException ignored) {
                // not listed: at worst removed as stale later, which is what an unreadable file would be
            }
        }
    }

    /** Files written so far by this run, with their sizes in bytes. */
    public Map<String, Long> written() {
        return java.util.Collections.unmodifiableMap(written);
    }

    /**
     * Ends the run: writes the manifest (atomically) and removes the files the earlier run's manifest lists
     * that this run did not write, and directories left empty by that. Returns the removed files.
     */
    public List<String> commit() throws OutputException {
        ObjectNode m = JSON.createObjectNode();
        m.put("command", command);
        m.put("written_at", Instant.now().toString());
        ArrayNode files = m.putArray("files");
        // in name order, whatever order (or threads) the files were written in
        new java.util.TreeMap<>(written).forEach((n, size) -> files.addObject().put("path", n).put("bytes", size));
        write(MANIFEST, tmp -> JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), m));
        written.remove(MANIFEST);
        List<String> removed = new ArrayList<>();
        for (String n : owned) {
            if (written.containsKey(n) || n.equals(MANIFEST)) continue;
            Path p = dir.resolve(n).normalize();
            if (!p.startsWith(dir.normalize())) continue;
            try {
                if (Files.deleteIfExists(p)) removed.add(n);
                removeEmptyParents(p.getParent());
            } catch (IOException e) {
                throw new OutputException("cannot remove the stale " + p + " of an earlier run: " + Errors.describe(e), e);
            }
        }
        return removed;
    }

    private void removeEmptyParents(Path d) throws IOException {
        Path root = dir.normalize();
        while (d != null && d.normalize().startsWith(root) && !d.normalize().equals(root)) {
            try (DirectoryStream<Path> s = Files.newDirectoryStream(d)) {
                if (s.iterator().hasNext()) return;
            }
            Files.delete(d);
            d = d.getParent();
        }
    }

    /**
     * Writes one file (not in an owned directory, e.g. {@code -o matches.tsv}) under a temporary name beside
     * it and renames it into place: readers never see half of it, a failure leaves the old file.
     */
    public static Path writeFile(Path target, Writer writer) throws OutputException {
        Path parent = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(parent);
            tmp = Files.createTempFile(parent, TMP, "-" + target.getFileName());
            writer.write(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException | RuntimeException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // harmless leftover
                }
            }
            throw new OutputException("cannot write " + target + ": " + Errors.describe(e), e);
        }
    }
}
