package org.lockstep.io.read;

import java.util.Map;

/**
 * Which column of an arbitrary CSV holds which post field, for CSV files of no known layout.
 * Keys are post fields ({@code id, account, handle, time, text, lang, repost_of, reply_to, quote_of,
 * urls, hashtags, mentions, platform}), values are column names of the file's header.
 */
public record CsvMapping(Map<String, String> columns, char separator) {
    public CsvMapping {
        columns = Map.copyOf(columns);
    }
}
