package org.lockstep.cli;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader for tests (CRLF or LF line ends accepted for reference files). */
final class Csv {
    private Csv() {}

    static List<List<String>> parse(String s) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int i = 0, n = s.length();
        boolean quotedCell = false;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '"' && cell.length() == 0 && !quotedCell) {
                quotedCell = true;
                i++;
                while (true) {
                    if (i >= n) throw new IllegalArgumentException("unterminated quote");
                    char q = s.charAt(i++);
                    if (q == '"') {
                        if (i < n && s.charAt(i) == '"') {
                            cell.append('"');
                            i++;
                        } else break;
                    } else cell.append(q);
                }
                if (i < n && s.charAt(i) != ',' && s.charAt(i) != '\r' && s.charAt(i) != '\n') throw new IllegalArgumentException("text after quote at " + i);
                continue;
            }
            if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
                quotedCell = false;
                i++;
            } else if (c == '\r' || c == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                quotedCell = false;
                rows.add(row);
                row = new ArrayList<>();
                i += c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n' ? 2 : 1;
            } else if (c == '"') {
                throw new IllegalArgumentException("stray quote at " + i);
            } else {
                cell.append(c);
                i++;
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
