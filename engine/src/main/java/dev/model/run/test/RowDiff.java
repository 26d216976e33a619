package dev.model.run.test;

import dev.model.adapter.QueryResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Expected rows against actual rows as multisets, on the expected columns: rows found on both
 * sides pair off; what is left is the difference, shown as dbt does with {@code -} for an
 * expected row that is missing and {@code +} for an actual row that was not expected.
 */
final class RowDiff {

    private final List<String> columns;
    private final List<List<String>> matched;
    private final List<List<String>> missing;
    private final List<List<String>> unexpected;

    private RowDiff(List<String> columns, List<List<String>> matched, List<List<String>> missing,
                    List<List<String>> unexpected) {
        this.columns = columns;
        this.matched = matched;
        this.missing = missing;
        this.unexpected = unexpected;
    }

    static RowDiff of(List<String> columns, List<Map<String, Object>> expected, QueryResult actual) {
        List<String> shown = columns.isEmpty() ? actual.columnNames() : columns;
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < actual.columnNames().size(); i++) {
            position.put(actual.columnNames().get(i).toLowerCase(Locale.ROOT), i);
        }
        List<List<String>> actualRows = new ArrayList<>();
        for (List<Object> row : actual.rows()) {
            List<String> values = new ArrayList<>();
            for (String column : shown) {
                Integer at = position.get(column.toLowerCase(Locale.ROOT));
                values.add(UnitTestValues.normal(at == null ? null : row.get(at)));
            }
            actualRows.add(values);
        }
        List<List<String>> matched = new ArrayList<>();
        List<List<String>> missing = new ArrayList<>();
        for (Map<String, Object> row : expected) {
            Map<String, Object> byLower = new HashMap<>();
            row.forEach((k, v) -> byLower.put(k.toLowerCase(Locale.ROOT), v));
            List<String> values = new ArrayList<>();
            for (String column : shown) {
                values.add(UnitTestValues.normal(byLower.get(column.toLowerCase(Locale.ROOT))));
            }
            if (actualRows.remove(values)) {
                matched.add(values);
            } else {
                missing.add(values);
            }
        }
        return new RowDiff(shown, matched, missing, actualRows);
    }

    boolean matches() {
        return missing.isEmpty() && unexpected.isEmpty();
    }

    /** Rows on one side only. */
    int differences() {
        return missing.size() + unexpected.size();
    }

    String table() {
        List<String> header = new ArrayList<>();
        header.add("+/-");
        header.addAll(columns);
        List<List<String>> rows = new ArrayList<>();
        matched.forEach(row -> rows.add(marked("", row)));
        missing.forEach(row -> rows.add(marked("-", row)));
        unexpected.forEach(row -> rows.add(marked("+", row)));
        return RowTable.format(header, rows);
    }

    private static List<String> marked(String marker, List<String> row) {
        List<String> out = new ArrayList<>();
        out.add(marker);
        out.addAll(row);
        return out;
    }
}
