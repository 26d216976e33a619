package dev.model.parse;

import java.util.List;
import java.util.Map;

/** A column as declared in property YAML. {@code dataType} may be null. */
public record ColumnInfo(String name, String description, String dataType, boolean quote,
                         Map<String, Object> meta, List<String> tags) {

    public ColumnInfo {
        meta = Map.copyOf(meta);
        tags = List.copyOf(tags);
    }
}
