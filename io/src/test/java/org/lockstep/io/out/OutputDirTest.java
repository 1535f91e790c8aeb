package org.lockstep.io.out;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11, atomic outputs: temporary name then rename, a manifest, stale files removed, foreign files kept. */
class OutputDirTest {
    @TempDir Path dir;

    @Test
    void aFailedWriteLeavesTheOldFileWholeAndNoTemporaryBehind() throws IOException {
        OutputDir o = OutputDir.open(dir, "test", List.of("a.csv"));
        o.write("a.csv", tmp -> Files.writeString(tmp, "old,complete\n"));
        o.commit();
        OutputDir again = OutputDir.open(dir, "test", List.of("a.csv"));
        OutputDir.OutputException e = assertThrows(OutputDir.OutputException.class, () -> again.write("a.csv", tmp -> {
            Files.writeString(tmp, "new,half");
            throw new IOException("No space left on device");
        }));
        assertEquals("cannot write " + dir.resolve("a.csv") + ": disk full (no space left on the device); free disk space or choose"
                + " another --out", e.getMessage());
        assertEquals("old,complete\n", Files.readString(dir.resolve("a.csv")));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(".lockstep-manifest.json", "a.csv"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void theManifestListsWhatARunWroteAndTheNextRunRemovesWhatItDidNotWriteAgain() throws IOException {
        OutputDir o = OutputDir.open(dir, "campaigns", List.of("campaigns.json"));
        o.write("campaigns.json", tmp -> Files.writeString(tmp, "[1]"));
        for (int i = 1; i <= 3; i++) {
            int k = i;
            o.write("timelines/campaign-00" + i + ".svg", tmp -> Files.writeString(tmp, "<svg>" + k + "</svg>"));
        }
        assertEquals(List.of(), o.commit());
        JsonNode m = new ObjectMapper().readTree(dir.resolve(OutputDir.MANIFEST).toFile());
        assertEquals("campaigns", m.path("command").asText());
        assertEquals(4, m.path("files").size());
        assertEquals(3, m.path("files").get(0).path("bytes").asInt());
        // a user's own notes beside the outputs are not Lockstep's: kept
        Files.writeString(dir.resolve("notes.txt"), "mine");
        // the next case has one campaign: the old timelines 2 and 3 are stale
        OutputDir o2 = OutputDir.open(dir, "campaigns", List.of("campaigns.json"));
        o2.write("campaigns.json", tmp -> Files.writeString(tmp, "[2]"));
        o2.write("timelines/campaign-001.svg", tmp -> Files.writeString(tmp, "<svg>new</svg>"));
        assertEquals(List.of("timelines/campaign-002.svg", "timelines/campaign-003.svg"), o2.commit());
        assertFalse(Files.exists(dir.resolve("timelines/campaign-002.svg")));
        assertEquals("<svg>new</svg>", Files.readString(dir.resolve("timelines/campaign-001.svg")));
        assertEquals("mine", Files.readString(dir.resolve("notes.txt")));
        // no timeline at all the next time: the directory goes too
        OutputDir o3 = OutputDir.open(dir, "campaigns", List.of("campaigns.json"));
        o3.write("campaigns.json", tmp -> Files.writeString(tmp, "[]"));
        o3.commit();
        assertFalse(Files.exists(dir.resolve("timelines")));
    }

    @Test
    void aFileLockstepDidNotWriteIsNeverOverwrittenAndTheRunIsRefusedBeforeWork() throws IOException {
        Files.writeString(dir.resolve("accounts.csv"), "precious");
        OutputDir.OutputException e = assertThrows(OutputDir.OutputException.class,
                () -> OutputDir.open(dir, "accounts", List.of("accounts.csv", "batches.csv")));
        assertTrue(e.getMessage().contains("holds accounts.csv, which Lockstep did not write"), e.getMessage());
        assertEquals("precious", Files.readString(dir.resolve("accounts.csv")));
        // a name not announced at open is still protected at write time
        OutputDir o = OutputDir.open(dir, "accounts", List.of("batches.csv"));
        assertThrows(OutputDir.OutputException.class, () -> o.write("accounts.csv", tmp -> Files.writeString(tmp, "x")));
        assertEquals("precious", Files.readString(dir.resolve("accounts.csv")));
    }

    @Test
    void anUnwritableOrWrongOutIsRefusedAtOnceWithTheReason() throws IOException {
        Path file = dir.resolve("file");
        Files.writeString(file, "x");
        OutputDir.OutputException e = assertThrows(OutputDir.OutputException.class, () -> OutputDir.open(file, "t", List.of()));
        assertEquals(file + " exists and is not a directory; give a directory for --out", e.getMessage());
        Path ro = dir.resolve("ro");
        Files.createDirectories(ro);
        assertTrue(ro.toFile().setWritable(false));
        try {
            if (Files.isWritable(ro) && new java.io.File(ro.toFile(), "probe").createNewFile()) return; // root ignores permissions
            e = assertThrows(OutputDir.OutputException.class, () -> OutputDir.open(ro.resolve("out"), "t", List.of()));
            assertTrue(e.getMessage().contains("permission denied"), e.getMessage());
        } finally {
            ro.toFile().setWritable(true);
        }
        e = assertThrows(OutputDir.OutputException.class, () -> OutputDir.open(Path.of("/proc/lockstep-out"), "t", List.of()));
        assertTrue(e.getMessage().startsWith("cannot write to /proc/lockstep-out: "), e.getMessage());
    }

    @Test
    void temporariesOfAKilledRunAreRemovedAndSingleFilesAreReplacedWhole() throws IOException {
        Files.createDirectories(dir.resolve("timelines"));
        Files.writeString(dir.resolve("timelines/.lockstep-tmp-123-campaign-001.svg"), "<sv");
        OutputDir.open(dir, "t", List.of());
        assertFalse(Files.exists(dir.resolve("timelines/.lockstep-tmp-123-campaign-001.svg")));
        Path f = dir.resolve("matches.tsv");
        OutputDir.writeFile(f, tmp -> Files.writeString(tmp, "a\tb\n"));
        assertThrows(OutputDir.OutputException.class, () -> OutputDir.writeFile(f, tmp -> {
            Files.writeString(tmp, "half");
            throw new IOException("killed");
        }));
        assertEquals("a\tb\n", Files.readString(f));
    }
}
