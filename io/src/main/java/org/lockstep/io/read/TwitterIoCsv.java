package org.lockstep.io.read;

import java.util.List;
import org.lockstep.core.model.InvalidPostException;
import org.lockstep.core.model.Post;

/** Twitter's information-operations release CSV (tweetid,userid,user_screen_name,...). */
final class TwitterIoCsv implements CsvLayout {
    private final int columns;

    TwitterIoCsv(List<String> header) {
        columns = header.size();
    }

    static boolean matches(List<String> header) {
        return false;
    }

    @Override public Format format() { return Format.MAPPED_CSV; }
    @Override public int columns() { return columns; }

    @Override
    public Post map(List<String> f) {
        throw new InvalidPostException("TwitterIoCsv is not built yet");
    }
}
