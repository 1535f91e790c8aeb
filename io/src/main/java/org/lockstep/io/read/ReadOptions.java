package org.lockstep.io.read;

import java.nio.file.Path;

/**
 * How to read input files.
 *
 * @param format         a forced format, or null to detect it from each file's content
 * @param csvMapping     column mapping for CSV files of no known layout (null: such files fail)
 * @param maxLineBytes   longer lines (records) are rejected without being held in memory
 * @param maxErrors      stop once more records than this were rejected (-1: never stop)
 * @param quarantine     where to write rejected raw records as JSON lines, or null
 * @param maxMultilineCsvLines a quoted CSV field may span at most this many lines before the record
 *                       is rejected and reading resumes on the line after its start
 */
public record ReadOptions(Format format, CsvMapping csvMapping, int maxLineBytes, long maxErrors,
        Path quarantine, int maxMultilineCsvLines) {

    public static final int DEFAULT_MAX_LINE_BYTES = 16 << 20;

    public static ReadOptions defaults() {
        return new ReadOptions(null, null, DEFAULT_MAX_LINE_BYTES, -1, null, 200);
    }

    public ReadOptions withFormat(Format f) {
        return new ReadOptions(f, csvMapping, maxLineBytes, maxErrors, quarantine, maxMultilineCsvLines);
    }

    public ReadOptions withCsvMapping(CsvMapping m) {
        return new ReadOptions(format, m, maxLineBytes, maxErrors, quarantine, maxMultilineCsvLines);
    }

    public ReadOptions withMaxLineBytes(int n) {
        return new ReadOptions(format, csvMapping, n, maxErrors, quarantine, maxMultilineCsvLines);
    }

    public ReadOptions withMaxErrors(long n) {
        return new ReadOptions(format, csvMapping, maxLineBytes, n, quarantine, maxMultilineCsvLines);
    }

    public ReadOptions withQuarantine(Path p) {
        return new ReadOptions(format, csvMapping, maxLineBytes, maxErrors, p, maxMultilineCsvLines);
    }
}
