package org.lockstep.io.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.lockstep.io.read.Problem;
import org.lockstep.io.read.ReadOptions;
import org.lockstep.io.read.ReadReport;
import org.lockstep.io.read.Readers;

/**
 * Where analysis commands get their posts: a case database ({@code --db}) or input files read directly,
 * for one-off use without a database.
 */
public final class Cases {
    private Cases() {}

    /**
     * Loads the posts of a case database, or reads {@code files} when {@code db} is null. With a database
     * the report is empty (the ingest history in the database has the reading problems).
     *
     * @throws IllegalArgumentException when both or neither a database and files are given
     * @throws StoreException when the database is missing, locked by a writer or not a case database
     */
    public static Readers.Loaded load(Path db, List<String> files, ReadOptions options, boolean keepText,
            Consumer<Problem> listener) throws IOException {
        return load(db, files, options, keepText, PostFilter.ALL, listener);
    }

    /** As {@link #load(Path, List, ReadOptions, boolean, Consumer)}, keeping only posts that pass {@code filter}. */
    public static Readers.Loaded load(Path db, List<String> files, ReadOptions options, boolean keepText,
            PostFilter filter, Consumer<Problem> listener) throws IOException {
        boolean hasFiles = files != null && !files.isEmpty();
        if (db != null && hasFiles) {
            throw new IllegalArgumentException("give either a case database (--db) or input files, not both "
                    + "(to analyse new files with a case, ingest them first: lockstep ingest --db " + db + " FILE...)");
        }
        if (db != null) {
            try (CaseDb c = CaseDb.openReadOnly(db)) {
                return new Readers.Loaded(c.load(keepText, filter), new ReadReport(), 0);
            }
        }
        if (!hasFiles) throw new IllegalArgumentException("no input: give a case database (--db FILE) or input files");
        if (filter.equals(PostFilter.ALL)) return Readers.table(files, options, keepText, listener);
        return Readers.table(files, options, keepText, p -> {
            if (filter.fromMs() != null && p.timeMs() < filter.fromMs()) return false;
            if (filter.toMs() != null && p.timeMs() >= filter.toMs()) return false;
            return filter.platforms().isEmpty() || filter.platforms().contains(p.platform());
        }, listener);
    }
}
