package org.lockstep.io.out;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reads back the CSV files Lockstep writes (accounts.csv, a labels file, a list of ids): RFC 4180 with quoted
 * cells that may hold commas, quotes and line breaks, a UTF-8 byte-order mark tolerated, and the formula
 * guard of {@link CsvWriter} undone in every cell, so an account id survives the round trip exactly
 * (quotes, spaces, CR/LF and a leading {@code =} or {@code @} included).
 */
public final class OwnCsv implements AutoCloseable {
    private final List<String> header;
    private final BufferedReader in;
    private final StringBuilder cell = new StringBuilder();

    private OwnCsv(BufferedReader in) throws IOException {
        this.in = in;
        List<String> h = next();
        if (h != null && !h.isEmpty() && h.get(0).startsWith("\uFEFF")) h.set(0, h.get(0).substring(1));
        header = h == null ? List.of() : h;
    }

    /** Opens {@code file} and reads its header. */
    public static OwnCsv open(Path file) throws IOException {
        return new OwnCsv(Files.newBufferedReader(file, StandardCharsets.UTF_8));
    }

    /** Reads every record of {@code file} after the header. */
    public static void forEach(Path file, Consumer<List<String>> header, Consumer<List<String>> row) throws IOException {
        try (OwnCsv c = open(file)) {
            header.accept(c.header);
            List<String> r;
            while ((r = c.next()) != null) row.accept(r);
        }
    }

    /** The index of the first of {@code names} in the header (case-insensitive), or -1. */
    public static int column(List<String> header, String... names) {
        for (String n : names) {
            for (int i = 0; i < header.size(); i++) if (header.get(i).strip().equalsIgnoreCase(n.strip())) return i;
        }
        return -1;
    }

    /** The next record's cells (unguarded), or null at the end. */
    public List<String> next() throws IOException {
        int c = in.read();
        if (c < 0) return null;
        List<String> out = new ArrayList<>();
        cell.setLength(0);
        boolean quoted = false, any = false;
        while (true) {
            if (c < 0) {
                out.add(CsvWriter.unguard(cell.toString()));
                return out;
            }
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    in.mark(1);
                    int d = in.read();
                    if (d == '"') cell.append('"');
                    else {
                        quoted = false;
                        if (d >= 0) in.reset();
                    }
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.length() == 0 && !any) {
                quoted = true;
            } else if (ch == ',') {
                out.add(CsvWriter.unguard(cell.toString()));
                cell.setLength(0);
                any = false;
                c = in.read();
                continue;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r') {
                    in.mark(1);
                    if (in.read() != '\n') in.reset();
                }
                out.add(CsvWriter.unguard(cell.toString()));
                return out;
            } else {
                cell.append(ch);
                any = true;
            }
            c = in.read();
        }
    }

    public List<String> header() {
        return header;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
