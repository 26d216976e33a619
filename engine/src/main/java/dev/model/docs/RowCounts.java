package dev.model.docs;

import dev.model.adapter.QueryResult;
import dev.model.adapter.WarehouseAdapter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Approximate row counts of tables, for the catalog's {@code row_count} stat, where the warehouse
 * keeps them in its catalog (no table is scanned). Warehouses without such a view give none.
 */
final class RowCounts {

    private final Map<String, Long> counts;

    private RowCounts(Map<String, Long> counts) {
        this.counts = counts;
    }

    static RowCounts of(WarehouseAdapter adapter) {
        Optional<String> sql = query(adapter.type());
        Map<String, Long> counts = new HashMap<>();
        if (sql.isPresent()) {
            QueryResult result = adapter.query(sql.get(), 0);
            for (List<Object> row : result.rows()) {
                if (row.get(3) instanceof Number count) {
                    counts.put(key(String.valueOf(row.get(0)), String.valueOf(row.get(1)), String.valueOf(row.get(2))),
                            count.longValue());
                }
            }
        }
        return new RowCounts(counts);
    }

    /** The catalog view with estimated rows per table, by profile type. */
    private static Optional<String> query(String type) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "duckdb" -> Optional.of("select database_name, schema_name, table_name, estimated_size from duckdb_tables()");
            case "h2" -> Optional.of("select table_catalog, table_schema, table_name, row_count_estimate"
                    + " from information_schema.tables where table_type = 'BASE TABLE'");
            default -> Optional.empty();
        };
    }

    Long get(String database, String schema, String table) {
        return counts.get(key(database, schema, table));
    }

    private static String key(String database, String schema, String table) {
        return (database + "." + schema + "." + table).toLowerCase(Locale.ROOT);
    }
}
