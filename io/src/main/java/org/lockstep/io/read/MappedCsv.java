package org.lockstep.io.read;

import java.util.List;

/** Any CSV, through a user-given {@link CsvMapping} of post fields to columns. */
final class MappedCsv {
    private MappedCsv() {}

    /** A layout for this header, or null when the mapping names columns the header lacks. */
    static CsvLayout of(List<String> header, CsvMapping mapping) {
        return null;
    }
}
