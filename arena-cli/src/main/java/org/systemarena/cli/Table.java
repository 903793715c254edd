package org.systemarena.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table: the first column left-aligned, the others right-aligned, two spaces between columns. */
final class Table {
    private final List<List<String>> rows = new ArrayList<>();

    Table(String... header) {
        rows.add(List.of(header));
    }

    Table row(String... cells) {
        if (cells.length != rows.get(0).size()) {
            throw new IllegalArgumentException("expected " + rows.get(0).size() + " cells, got " + cells.length);
        }
        rows.add(List.of(cells));
        return this;
    }

    void print(PrintWriter out, String indent) {
        int columns = rows.get(0).size();
        int[] width = new int[columns];
        for (List<String> r : rows) {
            for (int c = 0; c < columns; c++) {
                width[c] = Math.max(width[c], r.get(c).length());
            }
        }
        for (List<String> r : rows) {
            StringBuilder sb = new StringBuilder(indent);
            for (int c = 0; c < columns; c++) {
                String cell = r.get(c);
                String pad = " ".repeat(width[c] - cell.length());
                if (c > 0) {
                    sb.append("  ").append(pad).append(cell);
                } else {
                    sb.append(cell).append(pad);
                }
            }
            out.println(sb.toString().stripTrailing());
        }
    }
}
