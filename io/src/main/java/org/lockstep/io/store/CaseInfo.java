package org.lockstep.io.store;

import java.util.List;
import java.util.Map;

/**
 * A summary of a case database, for {@code lockstep info}.
 *
 * @param firstMs      time of the earliest post (UTC ms), or null when there are no posts
 * @param accounts     distinct authors
 * @param topHashtags  hashtags by number of posts using them
 * @param topDomains   registrable domains by number of posts linking to them
 * @param topAccounts  authors by number of posts; {@code label} is the handle
 */
public record CaseInfo(long posts, Map<String, Long> byPlatform, Map<String, Long> byKind, Long firstMs, Long lastMs,
        long accounts, List<Count> topHashtags, List<Count> topDomains, List<Count> topAccounts, History history) {

    /** One row of a top list. */
    public record Count(String key, String label, long posts) {}

    /**
     * Totals over every ingest of this database ({@code ingest_files}).
     *
     * @param duplicates posts already in the case as they are (exact duplicates)
     * @param conflicts posts whose id was in the case with other content (the first kept; NULL before schema 4 counts 0)
     * @param unfinished files whose latest ingest did not finish (interrupted, or stopped at the error limit)
     */
    public record History(long fileReads, long records, long stored, long duplicates, long conflicts, long rejected,
            long warnings, long unfinished, String lastIngest) {}
}
