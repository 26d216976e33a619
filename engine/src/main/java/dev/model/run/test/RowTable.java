package dev.model.run.test;

import java.util.ArrayList;
import java.util.List;

/** A few rows as a plain-text table, for the console and junit.xml: {@code | id | name |}. */
final class RowTable {

    private RowTable() {
    }

    static String format(List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < header.size(); i++) {
            widths[i] = header.get(i).length();
        }
        for (List<String> row : rows) {
            for (int i = 0; i < widths.length && i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(line(header, widths));
        StringBuilder rule = new StringBuilder("|");
        for (int width : widths) {
            rule.append("-".repeat(width + 2)).append('|');
        }
        lines.add(rule.toString());
        for (List<String> row : rows) {
            lines.add(line(row, widths));
        }
        return String.join("\n", lines);
    }

    static String cell(Object value) {
        return value == null ? "null" : value.toString();
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder out = new StringBuilder("|");
        for (int i = 0; i < widths.length; i++) {
            String cell = i < cells.size() ? cells.get(i) : "";
            out.append(' ').append(cell).append(" ".repeat(widths[i] - cell.length())).append(" |");
        }
        return out.toString();
    }
}
