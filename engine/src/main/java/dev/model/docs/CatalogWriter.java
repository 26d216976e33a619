package dev.model.docs;

import dev.model.artifacts.ArtifactMetadata;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code catalog.json} in the shape of dbt's catalog v1. */
public final class CatalogWriter {

    public static final String SCHEMA = "https://schemas.getdbt.com/dbt/catalog/v1.json";

    private CatalogWriter() {
    }

    public static Map<String, Object> toMap(Catalog catalog, ArtifactMetadata metadata) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("metadata", metadata.toMap());
        out.put("nodes", tables(catalog.nodes()));
        out.put("sources", tables(catalog.sources()));
        out.put("errors", catalog.notes().isEmpty() ? null : List.copyOf(catalog.notes()));
        return out;
    }

    private static Map<String, Object> tables(Map<String, Catalog.Table> tables) {
        Map<String, Object> out = new LinkedHashMap<>();
        tables.forEach((id, table) -> out.put(id, table(table)));
        return out;
    }

    private static Map<String, Object> table(Catalog.Table table) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("type", table.type());
        metadata.put("schema", table.schema());
        metadata.put("name", table.name());
        metadata.put("database", table.database());
        metadata.put("comment", table.comment());
        metadata.put("owner", table.owner());
        Map<String, Object> columns = new LinkedHashMap<>();
        for (Catalog.CatalogColumn column : table.columns()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("type", column.type());
            c.put("index", column.index());
            c.put("name", column.name());
            c.put("comment", column.comment());
            columns.put(column.name(), c);
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        if (table.rowCount() != null) {
            stats.put("row_count", stat("row_count", "Row Count", table.rowCount(), "An approximate count of rows in this table", true));
        }
        stats.put("has_stats", stat("has_stats", "Has Stats?", table.rowCount() != null,
                "Indicates whether there are statistics for this table", false));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("metadata", metadata);
        out.put("columns", columns);
        out.put("stats", stats);
        out.put("unique_id", table.uniqueId());
        return out;
    }

    private static Map<String, Object> stat(String id, String label, Object value, String description, boolean include) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("label", label);
        out.put("value", value);
        out.put("include", include);
        out.put("description", description);
        return out;
    }
}
