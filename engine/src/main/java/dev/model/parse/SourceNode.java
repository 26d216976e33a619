package dev.model.parse;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One table of a source declared in property YAML. {@code name} is the table name;
 * {@code identifier} the name in the warehouse (defaults to {@code name}).
 */
public record SourceNode(
        String uniqueId,
        String sourceName,
        String name,
        String packageName,
        String originalFilePath,
        Path file,
        String database,
        String schema,
        String identifier,
        String loadedAtField,
        Map<String, Object> freshness,
        NodeConfig config,
        List<String> fqn,
        String description,
        String sourceDescription,
        Map<String, ColumnInfo> columns,
        Map<String, Object> meta) implements Node {

    public SourceNode {
        fqn = List.copyOf(fqn);
        columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
        freshness = freshness == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(freshness));
        meta = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(meta));
    }

    @Override
    public ResourceType resourceType() {
        return ResourceType.SOURCE;
    }

    @Override
    public Dependencies dependsOn() {
        return Dependencies.NONE;
    }

    @Override
    public <R> R accept(NodeVisitor<R> visitor) {
        return visitor.source(this);
    }

    @Override
    public String rawCode() {
        return "";
    }
}
