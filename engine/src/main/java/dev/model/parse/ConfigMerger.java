package dev.model.parse;

import dev.model.error.SourceLocation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds one node's config from its sources in order of precedence, each applied on top of the
 * previous: replace for most keys, append for tags and hooks, key-by-key merge for meta and the
 * other map-valued keys. Warns once per unknown key, naming the key and the file it came from.
 */
final class ConfigMerger {

    private final Map<String, Object> values = new LinkedHashMap<>();
    private final UnknownConfigKeys unknownKeys;

    ConfigMerger(UnknownConfigKeys unknownKeys, Map<String, Object> defaults) {
        this.unknownKeys = unknownKeys;
        values.putAll(defaults);
    }

    /** Applies {@code layer} (raw keys, e.g. {@code +materialized} or {@code pre-hook}) from {@code origin}. */
    ConfigMerger apply(Map<String, Object> layer, SourceLocation origin) {
        for (Map.Entry<String, Object> entry : layer.entrySet()) {
            String key = ConfigKeys.normalise(entry.getKey());
            unknownKeys.check(key, origin);
            put(key, entry.getValue());
        }
        return this;
    }

    @SuppressWarnings("unchecked")
    private void put(String key, Object value) {
        if (ConfigKeys.APPENDED.contains(key)) {
            List<Object> combined = new ArrayList<>();
            Object existing = values.get(key);
            addAll(combined, existing);
            for (Object item : asList(value)) {
                if (!key.equals("tags") || !combined.contains(item)) {
                    combined.add(item);
                }
            }
            values.put(key, combined);
        } else if (ConfigKeys.MERGED.contains(key) && value instanceof Map<?, ?> map
                && values.get(key) instanceof Map<?, ?> existing) {
            Map<String, Object> combined = new LinkedHashMap<>((Map<String, Object>) existing);
            map.forEach((k, v) -> combined.put(String.valueOf(k), v));
            values.put(key, combined);
        } else {
            values.put(key, value);
        }
    }

    private static void addAll(List<Object> into, Object value) {
        into.addAll(asList(value));
    }

    private static List<?> asList(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list;
        }
        return List.of(value);
    }

    Map<String, Object> values() {
        return values;
    }

    NodeConfig build() {
        return new NodeConfig(values);
    }
}
