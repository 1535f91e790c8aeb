package org.lockstep.io.read;

import java.util.List;
import org.lockstep.core.model.InvalidPostException;
import org.lockstep.core.model.Post;

/** The Clemson/FiveThirtyEight IRA tweets CSV (external_author_id,author,content,...). */
final class IraCsv implements CsvLayout {
    private final int columns;

    IraCsv(List<String> header) {
        columns = header.size();
    }

    static boolean matches(List<String> header) {
        return false;
    }

    @Override public Format format() { return Format.MAPPED_CSV; }
    @Override public int columns() { return columns; }

    @Override
    public Post map(List<String> f) {
        throw new InvalidPostException("IraCsv is not built yet");
    }
}
