package dev.model.parse;

import dev.model.error.SourceLocation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One config tree of dbt_project.yml ({@code models:}, {@code seeds:}, ...), looked up by a
 * node's fqn: the configs of every level on the way from the top to the node's own name, least
 * specific first. A key is a config when it starts with {@code +}, or when it is a known config
 * key whose value is not a folder; anything else names a folder.
 */
final class FolderConfigs {

    private final Map<String, Object> tree;
    private final SourceLocation origin;
    /** The configs of every level of the tree, computed once; only read after construction. */
    private final Map<Object, Map<String, Object>> configsByLevel = new java.util.IdentityHashMap<>();

    FolderConfigs(Map<String, Object> tree, SourceLocation origin) {
        this.tree = tree;
        this.origin = origin;
        index(tree);
    }

    private void index(Map<?, ?> level) {
        configsByLevel.put(level, configsOf(level));
        for (Object child : level.values()) {
            if (child instanceof Map<?, ?> childMap && !configsByLevel.containsKey(childMap)) {
                index(childMap);
            }
        }
    }

    SourceLocation origin() {
        return origin;
    }

    /** The config layers for {@code fqn} ({@code [project, folder..., name]}), outermost first. */
    List<Map<String, Object>> layersFor(List<String> fqn) {
        List<Map<String, Object>> layers = new ArrayList<>();
        Map<?, ?> level = tree;
        layers.add(configsByLevel.get(level));
        for (String part : fqn) {
            Object child = level.get(part);
            if (!(child instanceof Map<?, ?> childMap)) {
                break;
            }
            level = childMap;
            layers.add(configsByLevel.get(level));
        }
        return layers;
    }

    private static Map<String, Object> configsOf(Map<?, ?> level) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : level.entrySet()) {
            String key = String.valueOf(entry.getKey());
            if (key.startsWith("+")) {
                out.put(key, entry.getValue());
            } else if (isConfigWithoutPlus(key, entry.getValue())) {
                out.put(key, entry.getValue());
            } else if (!(entry.getValue() instanceof Map)) {
                // Not a folder and not a known config: most likely a misspelt config, which warns.
                out.put(key, entry.getValue());
            }
        }
        return out;
    }

    private static boolean isConfigWithoutPlus(String key, Object value) {
        String normalised = ConfigKeys.normalise(key);
        if (!ConfigKeys.isKnown(normalised)) {
            return false;
        }
        return !(value instanceof Map) || ConfigKeys.MERGED.contains(normalised);
    }
}
