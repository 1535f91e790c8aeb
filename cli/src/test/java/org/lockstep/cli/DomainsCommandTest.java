package org.lockstep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DomainsCommandTest {
    @Test
    void matchWritesEscapedTsvAndSkipsBadLines(@TempDir Path dir) throws Exception {
        Path protect = dir.resolve("protect.txt");
        Files.writeString(protect, "[=HYPERLINK(\"http://x\")]\ndomains: spiegel.de\n\n[En Marche]\ndomains: en-marche.fr\n");
        Path cands = dir.resolve("c.txt");
        Files.write(cands, ("spiegel.ltd\n" + "x".repeat(10_000) + "\nmail-en-marche.fr\tnewly-registered\nbad\u0007.de\nwww.spiegel.de\nlemonde.fr\n")
                .getBytes(StandardCharsets.UTF_8));
        Path out = dir.resolve("out.tsv");
        int rc = Main.run("domains", "match", "--protect", protect.toString(), "--candidates", cands.toString(), "-o", out.toString(), "--quiet");
        assertEquals(Main.OK, rc);
        List<String> lines = Files.readAllLines(out);
        assertEquals("candidate\tprotected\tentity\tscore\ttechniques\tmatched\tsource\tdetail", lines.get(0));
        assertEquals(3, lines.size(), lines.toString());
        String[] first = lines.get(1).split("\t", -1);
        assertEquals("spiegel.ltd", first[0]);
        assertEquals("spiegel.de", first[1]);
        assertEquals("'=HYPERLINK(\"http://x\")", first[2]); // formula neutralised
        assertEquals("tld", first[4]);
        assertTrue(first[6].endsWith("c.txt:1"));
        assertTrue(lines.get(2).startsWith("mail-en-marche.fr\ten-marche.fr\tEn Marche\t0.9\tkeyword\t"));
    }

    @Test
    void allowListAndNamespacesFromTheCommandLine(@TempDir Path dir) throws Exception {
        Path protect = dir.resolve("p.txt");
        Files.writeString(protect, "gouv.fr\nspiegel.de\n");
        Path allow = dir.resolve("top.csv");
        Files.writeString(allow, "1,google.com\n2,spiegel.at\n");
        Path cands = dir.resolve("c.txt");
        Files.writeString(cands, "spiegel.at\ngouv-fr.com\nimpots.gouv.fr\n");
        Path out = dir.resolve("o.tsv");
        assertEquals(Main.OK, Main.run("domains", "match", "--protect", protect.toString(), "--candidates", cands.toString(),
                "--allow", allow.toString(), "-o", out.toString()));
        List<String> lines = Files.readAllLines(out);
        // spiegel.at: 0.7695 x allow-listed 0.5 = 0.385, under the threshold; the namespace look-alike stays
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(1).startsWith("gouv-fr.com\tgouv.fr\tgouv.fr\t0.81\tdots\t"), lines.get(1));
        Path out2 = dir.resolve("o2.tsv");
        assertEquals(Main.OK, Main.run("domains", "match", "--protect", protect.toString(), "--candidates", cands.toString(),
                "--allow", allow.toString(), "--threshold", "0.3", "-o", out2.toString()));
        assertTrue(Files.readString(out2).contains("spiegel.at\tspiegel.de\tspiegel.de\t0.385\ttld,tld-cc-or-legacy,allow-listed\t"),
                Files.readString(out2));
        assertEquals(Main.USAGE, Main.run("domains", "match", "--protect", protect.toString(), "--candidates", cands.toString(),
                "--allow", dir.resolve("missing.txt").toString()));
    }

    @Test
    void jsonOutputIsOneObjectPerLine(@TempDir Path dir) throws Exception {
        Path protect = dir.resolve("p.txt");
        Files.writeString(protect, "nato.int\n");
        Path cands = dir.resolve("c.txt");
        Files.writeString(cands, "nato-int.com\nnato.int\n");
        Path out = dir.resolve("o.json");
        assertEquals(Main.OK, Main.run("domains", "match", "--protect", protect.toString(), "--candidates", cands.toString(), "--format", "json", "-o", out.toString()));
        List<String> lines = Files.readAllLines(out);
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).startsWith("{\"candidate\":\"nato-int.com\",\"protected\":\"nato.int\""), lines.get(0));
        assertTrue(lines.get(0).contains("\"techniques\":[\"dots\"]"));
    }

    @Test
    void nothingReadAndUsageErrorsHaveTheirExitCodes(@TempDir Path dir) throws Exception {
        Path protect = dir.resolve("p.txt");
        Files.writeString(protect, "spiegel.de\n");
        Path empty = dir.resolve("e.txt");
        Files.writeString(empty, "# nothing\n\n");
        assertEquals(Main.NOTHING_READ, Main.run("domains", "match", "--protect", protect.toString(), "--candidates", empty.toString()));
        assertEquals(Main.USAGE, Main.run("domains", "match", "--protect", protect.toString()));
        assertEquals(Main.USAGE, Main.run("domains", "match", "--protect", empty.toString(), "--candidates", empty.toString()));
    }

    @Test
    void permuteListsCombinationsThatDnstwistDoesNotGenerate(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("p.txt");
        assertEquals(Main.OK, Main.run("domains", "permute", "spiegel.de", "--format", "list", "-o", out.toString()));
        List<String> names = Files.readAllLines(out);
        assertTrue(names.contains("spiegle.ltd"));      // typo + suffix swap
        assertTrue(names.contains("spiegel.de.com"));   // real domain in front of a private suffix
        assertTrue(names.contains("login-spiegel.ltd")); // keyword + suffix swap
        assertFalse(names.contains("spiegel.de"));
        Path single = dir.resolve("s.txt");
        assertEquals(Main.OK, Main.run("domains", "permute", "spiegel.de", "--no-combine", "--format", "list", "-o", single.toString()));
        assertFalse(Files.readAllLines(single).contains("spiegle.ltd"));
    }

    @Test
    void postsShowWhichAccountsSpreadEachLookAlike(@TempDir Path dir) throws Exception {
        Path protect = dir.resolve("p.txt");
        Files.writeString(protect, "spiegel.de\n");
        Path posts = dir.resolve("posts.csv");
        Files.writeString(posts, "message_id,user_id,username,repost_id,reply_id,message,timestamp,urls\n"
                + "1,u1,alice,,,read this,2024-05-01T10:00:00Z,https://www.spiegel.ltd/artikel?utm_source=x\n"
                + "2,u2,bob,,,same,2024-05-01T10:00:05Z,https://spiegel.ltd/artikel\n"
                + "3,u3,carol,,,real one,2024-05-01T11:00:00Z,https://www.spiegel.de/politik\n");
        Path out = dir.resolve("o.tsv");
        assertEquals(Main.OK, Main.run("domains", "match", "--protect", protect.toString(), "--posts", posts.toString(), "-o", out.toString()));
        List<String> lines = Files.readAllLines(out);
        assertEquals(2, lines.size(), lines.toString());
        String[] row = lines.get(1).split("\t", -1);
        assertEquals("spiegel.ltd", row[0]);
        assertEquals("posts", row[6]);
        assertTrue(row[7].startsWith("posts=2 accounts=2 [u1 u2]"), row[7]);
    }

    @Test
    void caseDatabaseHostsAreCheckedWithTheirAccounts(@TempDir Path dir) throws Exception {
        Path protect = dir.resolve("p.txt");
        Files.writeString(protect, "en-marche.fr\n");
        Path posts = dir.resolve("posts.csv");
        Files.writeString(posts, "message_id,user_id,username,repost_id,reply_id,message,timestamp,urls\n"
                + "1,u1,alice,,,look,2017-05-05T10:00:00Z,https://onedrive-en-marche.fr/doc\n"
                + "2,u2,bob,,,look,2017-05-05T10:00:02Z,https://onedrive-en-marche.fr/doc\n"
                + "3,u3,carol,,,site,2017-05-05T11:00:00Z,https://en-marche.fr/\n");
        Path db = dir.resolve("case.duckdb");
        assertEquals(Main.OK, Main.run("ingest", "--db", db.toString(), posts.toString()));
        Path out = dir.resolve("o.tsv");
        assertEquals(Main.OK, Main.run("domains", "match", "--protect", protect.toString(), "--db", db.toString(), "-o", out.toString()));
        List<String> lines = Files.readAllLines(out);
        assertEquals(2, lines.size(), lines.toString());
        String[] row = lines.get(1).split("\t", -1);
        assertEquals("onedrive-en-marche.fr", row[0]);
        assertEquals("keyword", row[4]);
        assertEquals("db", row[6]);
        assertTrue(row[7].startsWith("posts=2 accounts=2 ["), row[7]);
        assertTrue(row[7].contains("u1") && row[7].contains("u2"), row[7]);
        double plain = Double.parseDouble(row[3]);
        // the same with u2 known as coordinated: ranked higher, and said so
        Path coord = dir.resolve("coordinated.csv");
        Files.writeString(coord, "account_id,handle\nu2,bob\n");
        Path out2 = dir.resolve("o2.tsv");
        assertEquals(Main.OK, Main.run("domains", "match", "--protect", protect.toString(), "--db", db.toString(),
                "--coordinated", coord.toString(), "-o", out2.toString()));
        String[] row2 = Files.readAllLines(out2).get(1).split("\t", -1);
        assertEquals(Math.min(1.0, plain + 0.1), Double.parseDouble(row2[3]), 0.0011);
        assertTrue(row2[7].contains("coordinated=1"), row2[7]);
    }

    @Test
    void tsvCellsEscapeControlsAndFormulas() {
        assertEquals("'+1", DomainsOutput.tsvCell("+1"));
        assertEquals("'@x", DomainsOutput.tsvCell("@x"));
        assertEquals("'-2", DomainsOutput.tsvCell("-2"));
        assertEquals("a\\tb\\nc", DomainsOutput.tsvCell("a\tb\nc"));
        assertEquals("plain", DomainsOutput.tsvCell("plain"));
    }
}
