package dev.model.parse;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A snapshot: the body of a legacy {@code {% snapshot name %}} block, or a YAML-defined one
 * whose {@code rawCode} is {@code select * from {{ ref(...) }}} built from its relation.
 */
public record SnapshotNode(
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
        Dependencies dependsOn) implements Node {

    public SnapshotNode {
        fqn = List.copyOf(fqn);
        columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
    }

    @Override
    public ResourceType resourceType() {
        return ResourceType.SNAPSHOT;
    }

    @Override
    public <R> R accept(NodeVisitor<R> visitor) {
        return visitor.snapshot(this);
    }
}
