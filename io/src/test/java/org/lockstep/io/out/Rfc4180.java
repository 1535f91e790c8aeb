package org.lockstep.io.out;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader for tests: fails on anything a spreadsheet would misread. */
public final class Rfc4180 {
    private Rfc4180() {}

    public static List<List<String>> parse(String s) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int i = 0, n = s.length();
        boolean atCellStart = true;
        while (i < n) {
            char c = s.charAt(i);
            if (atCellStart && c == '"') {
                i++;
                while (true) {
                    if (i >= n) throw new IllegalArgumentException("unterminated quote");
                    char q = s.charAt(i++);
                    if (q == '"') {
                        if (i < n && s.charAt(i) == '"') { cell.append('"'); i++; }
                        else break;
                    } else cell.append(q);
                }
                atCellStart = false;
                if (i < n && s.charAt(i) != ',' && s.charAt(i) != '\r') throw new IllegalArgumentException("text after closing quote at " + i);
                continue;
            }
            if (c == ',') {
                row.add(cell.toString()); cell.setLength(0); atCellStart = true; i++;
            } else if (c == '\r') {
                if (i + 1 >= n || s.charAt(i + 1) != '\n') throw new IllegalArgumentException("bare CR at " + i);
                row.add(cell.toString()); cell.setLength(0); rows.add(row); row = new ArrayList<>(); atCellStart = true; i += 2;
            } else if (c == '\n' || c == '"') {
                throw new IllegalArgumentException("unquoted " + (c == '"' ? "quote" : "LF") + " at " + i);
            } else {
                cell.append(c); atCellStart = false; i++;
            }
        }
        if (!row.isEmpty() || cell.length() > 0) throw new IllegalArgumentException("last row not terminated by CRLF");
        return rows;
    }
}
