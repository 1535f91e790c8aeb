package org.lockstep.io.read;

import java.util.List;

/** Chooses a {@link CsvLayout} from a CSV header, or from the user's column mapping. */
final class CsvLayouts {
    private CsvLayouts() {}

    static CsvLayout choose(List<String> header, ReadOptions options) {
        Format forced = options.format();
        if (forced == Format.MAPPED_CSV || options.csvMapping() != null && forced == null && !known(header)) {
            return options.csvMapping() == null ? null : MappedCsv.of(header, options.csvMapping());
        }
        if (CooRTweetCsv.matches(header)) return new CooRTweetCsv(header);
        if (ToolkitCsv.matches(header)) return new ToolkitCsv(header);
        if (TwitterIoCsv.matches(header)) return new TwitterIoCsv(header);
        if (IraCsv.matches(header)) return new IraCsv(header);
        return options.csvMapping() == null ? null : MappedCsv.of(header, options.csvMapping());
    }

    static boolean known(List<String> header) {
        return CooRTweetCsv.matches(header) || ToolkitCsv.matches(header) || TwitterIoCsv.matches(header)
                || IraCsv.matches(header);
    }
}
