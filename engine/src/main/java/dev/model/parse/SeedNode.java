package dev.model.parse;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A CSV file under a seed path. */
public record SeedNode(
        String uniqueId,
        String name,
        String packageName,
        String originalFilePath,
        Path file,
        NodeConfig config,
        List<String> fqn,
        String description,
        Map<String, ColumnInfo> columns,
        String patchPath) implements Node {

    public SeedNode {
        fqn = List.copyOf(fqn);
        columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
    }

    @Override
    public ResourceType resourceType() {
        return ResourceType.SEED;
    }

    @Override
    public Dependencies dependsOn() {
        return Dependencies.NONE;
    }

    @Override
    public <R> R accept(NodeVisitor<R> visitor) {
        return visitor.seed(this);
    }

    @Override
    public String rawCode() {
        return "";
    }
}
