package org.lockstep.io.out;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our own CSVs read back exactly: the round trip accounts.csv → {@code campaigns --groups} lost 5 of 13
 * coordinated accounts whose ids held quotes, spaces or line breaks.
 */
class OwnCsvTest {
    static final String[] IDS = {"plain", " leading space", "trailing space ", "with \"quotes\"", "line\nbreak",
        "carriage\r\nreturn", "=HYPERLINK(\"x\")", "@admin", "+1", "-2", "comma, inside", "", "ünïcödé 😀", "'quoted already"};

    @Test
    void everyIdSurvivesTheRoundTrip(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("accounts.csv");
        try (CsvWriter w = CsvWriter.open(f, "account_id", "group")) {
            for (int i = 0; i < IDS.length; i++) w.cell(IDS[i]).cell(i).endRow();
        }
        List<String> ids = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        List<List<String>> header = new ArrayList<>();
        OwnCsv.forEach(f, header::add, r -> {
            ids.add(r.get(0));
            groups.add(r.get(1));
        });
        assertEquals(List.of("account_id", "group"), header.get(0));
        assertEquals(List.of(IDS), ids);
        for (int i = 0; i < IDS.length; i++) assertEquals(String.valueOf(i), groups.get(i));
        assertEquals(0, OwnCsv.column(header.get(0), "id", "account_id"));
        assertEquals(1, OwnCsv.column(header.get(0), "GROUP"));
    }
}
