package dev.model.parse;

import dev.model.error.SourceLocation;
import dev.model.project.TemplateValues;

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
    private final TemplateValues values;
    /** The configs of every level of the tree, computed once; only read after construction. */
    private final Map<Object, Map<String, Object>> configsByLevel = new java.util.IdentityHashMap<>();

    /**
     * @param values renders what dbt_project.yml loading left as written (Jinja beyond env_var and
     *               var); hooks stay raw for run time
     */
    FolderConfigs(Map<String, Object> tree, SourceLocation origin, TemplateValues values) {
        this.tree = tree;
        this.origin = origin;
        this.values = values;
        index(tree);
    }

    private void index(Map<?, ?> level) {
        Map<String, Object> configs = configsOf(level);
        configs.replaceAll((key, value) -> isHook(key) ? value : render(value));
        configsByLevel.put(level, configs);
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

    private static boolean isHook(String key) {
        String normalised = ConfigKeys.normalise(key);
        return normalised.equals("pre_hook") || normalised.equals("post_hook");
    }

    private Object render(Object value) {
        if (value instanceof String text) {
            return TemplateValues.hasJinja(text) ? values.render(text, origin) : text;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), render(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(item -> out.add(render(item)));
            return out;
        }
        return value;
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
