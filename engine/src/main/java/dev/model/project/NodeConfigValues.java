package dev.model.project;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** Small conversions of YAML values that several loaders share. */
public final class NodeConfigValues {

    private NodeConfigValues() {
    }

    /** A string or a list of strings as a list; null as an empty list. */
    public static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> items) {
            List<String> out = new ArrayList<>(items.size());
            for (Object item : items) {
                if (item != null) {
                    out.add(Objects.toString(item));
                }
            }
            return out;
        }
        return List.of(value.toString());
    }
}
