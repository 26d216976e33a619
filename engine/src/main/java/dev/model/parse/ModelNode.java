package dev.model.parse;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A model file. {@code rawCode} is the file's text; {@code patchPath} names the property YAML
 * that described it, if any ({@code project://models/schema.yml}, as dbt writes it).
 */
public record ModelNode(
        String uniqueId,
        String name,
        String packageName,
        String originalFilePath,
        Path file,
        String rawCode,
        NodeConfig config,
        List<String> fqn,
        String description,
        Map<String, ColumnInfo> columns,
        Dependencies dependsOn,
        String patchPath) implements Node {

    public ModelNode {
        fqn = List.copyOf(fqn);
        columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
    }

    @Override
    public ResourceType resourceType() {
        return ResourceType.MODEL;
    }

    @Override
    public <R> R accept(NodeVisitor<R> visitor) {
        return visitor.model(this);
    }
}
