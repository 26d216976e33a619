package dev.model.parse;

import dev.model.error.ModelException;
import dev.model.error.SourceLocation;
import dev.model.log.Log;
import dev.model.project.TemplateValues;
import dev.model.project.YamlDocument;
import dev.model.project.NodeConfigValues;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one property YAML file ({@code version: 2}) into patches, source tables and YAML
 * snapshots. Jinja in values is rendered as dbt's schema renderer does: everything except
 * descriptions (which may call {@code doc()} later) and tests (rendered when they compile).
 */
final class PropertyReader {

    /** Descriptions may call doc() later, tests render when compiled, hooks when they run. */
    private static final Set<String> NOT_RENDERED = Set.of("description", "tests", "data_tests",
            "pre-hook", "post-hook", "pre_hook", "post_hook", "+pre-hook", "+post-hook");
    private static final Set<String> KNOWN_TOP_LEVEL = Set.of("version", "models", "seeds", "snapshots", "sources",
            "macros", "exposures", "metrics", "analyses", "semantic_models", "saved_queries", "unit_tests", "groups",
            "data_tests");

    private static final Set<String> NODE_KEYS = Set.of("name", "description", "config", "columns", "tests",
            "data_tests", "docs", "meta", "access", "group", "latest_version", "versions", "constraints",
            "deprecation_date", "time_spine", "relation", "freshness");
    private static final Set<String> COLUMN_KEYS = Set.of("name", "description", "data_type", "quote", "meta", "tags",
            "tests", "data_tests", "constraints", "config", "policy_tags", "granularity", "docs");
    private static final Set<String> SOURCE_KEYS = Set.of("name", "description", "database", "schema", "loader",
            "loaded_at_field", "loaded_at_query", "freshness", "meta", "tags", "config", "quoting", "tables",
            "overrides", "docs", "event_time");
    private static final Set<String> TABLE_KEYS = Set.of("name", "description", "identifier", "loaded_at_field",
            "loaded_at_query", "freshness", "meta", "tags", "config", "columns", "tests", "data_tests", "quoting",
            "external", "docs", "event_time");

    /** Everything one file declares. */
    record Result(List<PropertySpecs.Patch> patches, List<PropertySpecs.SourceTable> sources,
                  List<PropertySpecs.YamlSnapshot> snapshots) {
    }

    private final YamlDocument doc;
    private final PropertySpecs.Origin fileOrigin;
    private final TemplateValues renderer;
    private final Log log;
    private final String defaultDatabase;

    PropertyReader(YamlDocument doc, PropertySpecs.Origin fileOrigin, TemplateValues renderer, Log log,
                   String defaultDatabase) {
        this.doc = doc;
        this.fileOrigin = fileOrigin;
        this.renderer = renderer;
        this.log = log;
        this.defaultDatabase = defaultDatabase;
    }

    Result read() {
        Map<String, Object> root = doc.rootMap();
        List<PropertySpecs.Patch> patches = new ArrayList<>();
        List<PropertySpecs.SourceTable> sources = new ArrayList<>();
        List<PropertySpecs.YamlSnapshot> snapshots = new ArrayList<>();
        for (String key : root.keySet()) {
            if (!KNOWN_TOP_LEVEL.contains(key)) {
                log.warn("Unknown key '" + key + "' in " + doc.file() + " is ignored", SourceLocation.of(doc.file(), 1));
            }
        }
        for (String kind : List.of("models", "seeds", "snapshots", "data_tests")) {
            for (Map<String, Object> entry : entries(root, kind)) {
                if (kind.equals("snapshots") && entry.containsKey("relation")) {
                    snapshots.add(yamlSnapshot(entry));
                } else {
                    patches.add(patch(kind, entry));
                }
            }
        }
        for (Map<String, Object> source : entries(root, "sources")) {
            sources.addAll(sourceTables(source));
        }
        return new Result(patches, sources, snapshots);
    }

    private List<Map<String, Object>> entries(Map<String, Object> root, String key) {
        Object value = root.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw ModelException.project("'" + key + "' in " + doc.file().getFileName() + " must be a list",
                    doc.locationOf(root));
        }
        return mapsWithNames(list, key);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> mapsWithNames(List<?> list, String key) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> map) || map.get("name") == null) {
                throw ModelException.project("Every entry under '" + key + "' in " + doc.file().getFileName()
                        + " needs a 'name'", doc.locationOf(item instanceof Map ? item : list));
            }
            out.add((Map<String, Object>) map);
        }
        return out;
    }

    private PropertySpecs.Origin at(Object entry) {
        return new PropertySpecs.Origin(fileOrigin.file(), fileOrigin.originalFilePath(), fileOrigin.folders(),
                doc.locationOf(entry));
    }

    private void checkKeys(Map<String, Object> entry, Set<String> known, String what) {
        for (String key : entry.keySet()) {
            if (!known.contains(key)) {
                log.warn("Unknown property '" + key + "' of " + what + " '" + entry.get("name") + "' in "
                        + fileOrigin.originalFilePath() + (ConfigKeys.isKnown(ConfigKeys.normalise(key))
                        ? " is ignored (configs go under 'config:')" : " is ignored"), doc.locationOf(entry, key));
            }
        }
    }

    private PropertySpecs.Patch patch(String kind, Map<String, Object> raw) {
        checkKeys(raw, NODE_KEYS, kind.equals("data_tests") ? "singular test" : kind.substring(0, kind.length() - 1));
        PropertySpecs.Origin origin = at(raw);
        Map<String, Object> entry = renderEntry(raw, origin.location());
        Map<String, ColumnInfo> columns = new LinkedHashMap<>();
        List<PropertySpecs.TestSpec> tests = new ArrayList<>();
        readColumns(raw, columns, tests);
        tests.addAll(0, tests(raw, null, List.of()));
        return new PropertySpecs.Patch(kind, raw.get("name").toString(), origin, string(raw.get("description")),
                config(entry, origin.location()), columns, tests);
    }

    private PropertySpecs.YamlSnapshot yamlSnapshot(Map<String, Object> raw) {
        checkKeys(raw, NODE_KEYS, "snapshot");
        PropertySpecs.Origin origin = at(raw);
        Map<String, Object> entry = renderEntry(raw, origin.location());
        Map<String, ColumnInfo> columns = new LinkedHashMap<>();
        List<PropertySpecs.TestSpec> tests = new ArrayList<>();
        readColumns(raw, columns, tests);
        tests.addAll(0, tests(raw, null, List.of()));
        return new PropertySpecs.YamlSnapshot(raw.get("name").toString(), origin, string(entry.get("relation")),
                string(raw.get("description")), config(entry, origin.location()), columns, tests);
    }

    private List<PropertySpecs.SourceTable> sourceTables(Map<String, Object> raw) {
        checkKeys(raw, SOURCE_KEYS, "source");
        PropertySpecs.Origin sourceOrigin = at(raw);
        Map<String, Object> source = renderEntry(raw, sourceOrigin.location());
        String sourceName = source.get("name").toString();
        Map<String, Object> sourceConfig = config(source, sourceOrigin.location());
        String database = source.get("database") != null ? string(source.get("database")) : defaultDatabase;
        String schema = source.get("schema") != null ? string(source.get("schema")) : sourceName;
        // dbt 1.10 moved freshness and loaded_at_field under config:; both spellings are read.
        Object sourceFreshness = source.containsKey("freshness") ? source.get("freshness") : sourceConfig.get("freshness");
        Object sourceLoadedAt = source.get("loaded_at_field") != null ? source.get("loaded_at_field")
                : sourceConfig.get("loaded_at_field");
        List<PropertySpecs.SourceTable> out = new ArrayList<>();
        Object tablesValue = raw.get("tables");
        if (tablesValue == null) {
            return out;
        }
        if (!(tablesValue instanceof List<?> tableList)) {
            throw ModelException.project("'tables' of source '" + sourceName + "' must be a list", sourceOrigin.location());
        }
        for (Map<String, Object> rawTable : mapsWithNames(tableList, "tables")) {
            checkKeys(rawTable, TABLE_KEYS, "source table");
            PropertySpecs.Origin origin = at(rawTable);
            Map<String, Object> table = renderEntry(rawTable, origin.location());
            String tableName = table.get("name").toString();
            Map<String, ColumnInfo> columns = new LinkedHashMap<>();
            List<PropertySpecs.TestSpec> tests = new ArrayList<>();
            readColumns(rawTable, columns, tests);
            tests.addAll(0, tests(rawTable, null, List.of()));
            Map<String, Object> tableConfig = config(table, origin.location());
            Map<String, Object> config = new LinkedHashMap<>(sourceConfig);
            config.putAll(tableConfig);
            Map<String, Object> freshnessSpec = new LinkedHashMap<>(table);
            if (!table.containsKey("freshness") && tableConfig.containsKey("freshness")) {
                freshnessSpec.put("freshness", tableConfig.get("freshness"));
            }
            Object loadedAt = table.get("loaded_at_field") != null ? table.get("loaded_at_field")
                    : tableConfig.get("loaded_at_field") != null ? tableConfig.get("loaded_at_field") : sourceLoadedAt;
            Map<String, Object> meta = new LinkedHashMap<>(map(source.get("meta")));
            meta.putAll(map(table.get("meta")));
            List<String> tags = new ArrayList<>(NodeConfigValues.strings(source.get("tags")));
            for (String tag : NodeConfigValues.strings(table.get("tags"))) {
                if (!tags.contains(tag)) {
                    tags.add(tag);
                }
            }
            if (!tags.isEmpty()) {
                config.put("tags", tags);
            }
            out.add(new PropertySpecs.SourceTable(sourceName, tableName, origin, database, schema,
                    table.get("identifier") != null ? string(table.get("identifier")) : tableName,
                    string(source.get("loader")), string(rawTable.get("description")),
                    string(raw.get("description")),
                    string(loadedAt), freshness(sourceFreshness, freshnessSpec), meta, config, columns, tests));
        }
        return out;
    }

    /** Table freshness overrides the source's key by key; an explicit {@code freshness: null} turns it off. */
    private static Map<String, Object> freshness(Object sourceFreshness, Map<String, Object> table) {
        if (table.containsKey("freshness") && table.get("freshness") == null) {
            return null;
        }
        Map<String, Object> merged = new LinkedHashMap<>(map(sourceFreshness));
        merged.putAll(map(table.get("freshness")));
        return merged.isEmpty() ? null : merged;
    }

    private void readColumns(Map<String, Object> raw, Map<String, ColumnInfo> columns, List<PropertySpecs.TestSpec> tests) {
        Object value = raw.get("columns");
        if (value == null) {
            return;
        }
        if (!(value instanceof List<?> list)) {
            throw ModelException.project("'columns' of '" + raw.get("name") + "' must be a list", doc.locationOf(raw));
        }
        for (Map<String, Object> column : mapsWithNames(list, "columns")) {
            checkKeys(column, COLUMN_KEYS, "column");
            String name = column.get("name").toString();
            Map<String, Object> rendered = renderEntry(column, doc.locationOf(column));
            List<String> tags = NodeConfigValues.strings(rendered.get("tags"));
            Object quote = rendered.get("quote");
            columns.put(name, new ColumnInfo(name, string(column.get("description")) == null ? ""
                    : string(column.get("description")), string(rendered.get("data_type")),
                    quote != null && Boolean.parseBoolean(quote.toString()), map(rendered.get("meta")), tags));
            // dbt quotes the column name its tests receive when the column says quote: true.
            boolean quoted = quote != null && Boolean.parseBoolean(quote.toString());
            tests.addAll(tests(column, quoted ? "\"" + name + "\"" : name, tags));
        }
    }

    private List<PropertySpecs.TestSpec> tests(Map<String, Object> owner, String columnName, List<String> columnTags) {
        if (owner.containsKey("tests") && owner.containsKey("data_tests")) {
            throw ModelException.project("Use either 'tests' or 'data_tests' on '" + owner.get("name")
                    + "', not both", doc.locationOf(owner));
        }
        Object value = owner.containsKey("data_tests") ? owner.get("data_tests") : owner.get("tests");
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw ModelException.project("The tests of '" + owner.get("name") + "' must be a list", doc.locationOf(owner));
        }
        List<PropertySpecs.TestSpec> out = new ArrayList<>();
        for (Object definition : list) {
            out.add(new PropertySpecs.TestSpec(definition, columnName, columnTags,
                    doc.locationOf(definition instanceof Map ? definition : list)));
        }
        return out;
    }

    private Map<String, Object> config(Map<String, Object> entry, SourceLocation where) {
        Object value = entry.get("config");
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw ModelException.project("'config' of '" + entry.get("name") + "' must be a mapping", where);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private Map<String, Object> renderEntry(Map<String, Object> entry, SourceLocation where) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : entry.entrySet()) {
            out.put(field.getKey(), NOT_RENDERED.contains(field.getKey()) || field.getKey().equals("columns")
                    || field.getKey().equals("tables") ? field.getValue() : render(field.getValue(), where));
        }
        return out;
    }

    private Object render(Object value, SourceLocation where) {
        if (value instanceof String s) {
            return TemplateValues.hasJinja(s) ? renderer.render(s, where) : s;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), NOT_RENDERED.contains(String.valueOf(k)) ? v : render(v, where)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(render(v, where)));
            return out;
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        }
        return Map.of();
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
