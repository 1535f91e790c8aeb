package org.lockstep.io.read;

import java.util.List;
import org.lockstep.core.model.Post;

/** How the rows of one CSV file become posts; chosen from the file's header. */
interface CsvLayout {
    Format format();

    /** Column count every row must have. */
    int columns();

    /**
     * @throws org.lockstep.core.model.InvalidPostException or IllegalArgumentException with the reason
     */
    Post map(List<String> fields);

    /** Something the user should know about how this file is read (a warning on its header line), or null. */
    default String note() {
        return null;
    }

    /**
     * Something the user should know after the whole file was read (one warning for many rows, e.g. how
     * many URL cells were not URLs), or null. Called once, after the last row.
     */
    default String endNote() {
        return null;
    }
}
