package dev.model.parse;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A node's resolved config: dbt_project.yml folder configs, then property YAML, then the
 * {@code config()} call in the file, later ones winning (tags and hooks accumulate). Keys are
 * dbt's (e.g. {@code materialized}, {@code pre-hook} normalised to {@code pre_hook}).
 */
public record NodeConfig(Map<String, Object> values) {

    public static final NodeConfig EMPTY = new NodeConfig(Map.of());

    public NodeConfig {
        // Map.copyOf rejects null values; config values may legitimately be null (e.g. alias: null).
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Object get(String key) {
        return values.get(key);
    }

    public Object get(String key, Object fallback) {
        Object value = values.get(key);
        return value == null ? fallback : value;
    }

    public String getString(String key) {
        Object value = values.get(key);
        return value == null ? null : value.toString();
    }

    public String materialized() {
        return Objects.toString(values.getOrDefault("materialized", "view"));
    }

    public boolean enabled() {
        Object value = values.get("enabled");
        return value == null || Boolean.parseBoolean(value.toString());
    }

    public List<String> tags() {
        return stringList(values.get("tags"));
    }

    public String schema() {
        return getString("schema");
    }

    public String database() {
        return getString("database");
    }

    public String alias() {
        return getString("alias");
    }

    public NodeConfig with(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(key, value);
        return new NodeConfig(copy);
    }

    /** A string or a list of strings as a list, as dbt accepts both for tags, hooks and keys. */
    public static List<String> stringList(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> items) {
            List<String> out = new ArrayList<>(items.size());
            for (Object item : items) {
                out.add(Objects.toString(item));
            }
            return List.copyOf(out);
        }
        return List.of(value.toString());
    }
}
