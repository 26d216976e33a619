package dev.model.jinja;

import java.util.List;

/**
 * The warehouse as templates see it through {@code run_query} and {@code {% call statement %}}.
 * Implemented by the run stage over an adapter connection.
 */
public interface QueryRunner {

    /** Executes {@code sql} and returns its rows (an empty table for statements without rows). */
    QueryTable execute(String sql, boolean fetch);

    /** An agate-like result: {@code table.columns}, {@code table.rows}, {@code table.column_names}. */
    record QueryTable(List<String> columnNames, List<List<Object>> rows, long rowsAffected) {
        public QueryTable {
            columnNames = List.copyOf(columnNames);
            rows = List.copyOf(rows);
        }

        public static QueryTable empty(long rowsAffected) {
            return new QueryTable(List.of(), List.of(), rowsAffected);
        }
    }
}
