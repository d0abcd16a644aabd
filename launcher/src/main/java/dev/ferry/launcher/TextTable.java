package dev.ferry.launcher;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Columns aligned for a terminal; columns named in {@code rightAligned} (numbers) are aligned right. */
final class TextTable {
    private final List<String> headers;
    private final boolean[] right;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(List<String> headers, List<Integer> rightAligned) {
        this.headers = List.copyOf(headers);
        this.right = new boolean[headers.size()];
        rightAligned.forEach(i -> right[i] = true);
    }

    TextTable row(String... cells) {
        rows.add(List.of(cells));
        return this;
    }

    void print(PrintWriter out) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
        }
        for (List<String> row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        print(out, headers, widths);
        rows.forEach(row -> print(out, row, widths));
        out.flush();
    }

    private void print(PrintWriter out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            String cell = cells.get(i);
            String pad = " ".repeat(widths[i] - cell.length());
            line.append(i == 0 ? "" : "  ").append(right[i] ? pad + cell : cell + (i == widths.length - 1 ? "" : pad));
        }
        out.println(line.toString().stripTrailing());
    }
}
