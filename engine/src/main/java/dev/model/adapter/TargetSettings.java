package dev.model.adapter;

import dev.model.error.ModelException;
import dev.model.project.Target;

import java.util.List;
import java.util.Map;

/** Typed reads of a target's profile fields, with errors that name the field and the target. */
public final class TargetSettings {

    private final Target target;

    public TargetSettings(Target target) {
        this.target = target;
    }

    public String string(String key, String fallback) {
        Object value = target.setting(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Map || value instanceof List) {
            throw wrongType(key, "a string");
        }
        return value.toString();
    }

    public List<String> strings(String key) {
        Object value = target.setting(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw wrongType(key, "a list");
        }
        return list.stream().map(String::valueOf).toList();
    }

    public Map<String, String> map(String key) {
        Object value = target.setting(key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw wrongType(key, "a mapping");
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        return out;
    }

    private ModelException wrongType(String key, String expected) {
        return ModelException.project("profiles.yml: field '" + key + "' of target '" + target.name()
                + "' (type " + target.type() + ") must be " + expected, target.location());
    }
}
