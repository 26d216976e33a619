package dev.model.adapter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Rows of a query with their columns. Values are plain Java: String, Boolean, Integer, Long,
 * BigDecimal, Double, LocalDate, LocalDateTime, LocalTime, List (for arrays), or null.
 * {@code truncated} is true when {@code maxRows} cut the result short.
 */
public record QueryResult(List<ResultColumn> columns, List<List<Object>> rows, long rowsAffected, boolean truncated) {

    /** A result column: its label, its {@link java.sql.Types} code and the warehouse's type name. */
    public record ResultColumn(String name, int jdbcType, String typeName) { }

    public QueryResult {
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    public List<String> columnNames() {
        return columns.stream().map(ResultColumn::name).toList();
    }
}
