package dev.model.parse;

import dev.model.error.SourceLocation;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What property YAML says about resources, before it is joined to the nodes it describes. */
final class PropertySpecs {

    private PropertySpecs() {
    }

    /** A test as written in YAML, with the column it is on (null for a resource-level test). */
    record TestSpec(Object definition, String columnName, List<String> columnTags, SourceLocation location) {
    }

    /** Where a YAML entry was written. */
    record Origin(Path file, String originalFilePath, List<String> folders, SourceLocation location) {
    }

    /** A {@code models:}, {@code seeds:} or {@code snapshots:} entry that patches a node from a file. */
    record Patch(String kind, String name, Origin origin, String description, Map<String, Object> config,
                 Map<String, ColumnInfo> columns, List<TestSpec> tests) {

        String patchPath(String project) {
            return project + "://" + origin.originalFilePath();
        }
    }

    /** One table of a {@code sources:} entry, with the source's defaults already applied. */
    record SourceTable(String sourceName, String tableName, Origin origin, String database, String schema,
                       String identifier, String loader, String description, String sourceDescription,
                       String loadedAtField, Map<String, Object> freshness, Map<String, Object> meta,
                       Map<String, Object> config, Map<String, ColumnInfo> columns, List<TestSpec> tests) {
    }

    /** A snapshot defined wholly in YAML (dbt 1.9+): {@code relation} is {@code ref('x')} or {@code source('a','b')}. */
    record YamlSnapshot(String name, Origin origin, String relation, String description,
                        Map<String, Object> config, Map<String, ColumnInfo> columns, List<TestSpec> tests) {
    }
}
