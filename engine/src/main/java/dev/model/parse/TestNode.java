package dev.model.parse;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A data test. Generic tests come from property YAML and carry {@link TestMetadata}; singular
 * tests are SQL files under a test path and have none. {@code attachedNode} is the unique id of
 * the model, seed, snapshot or source the test was declared on (null for singular tests).
 */
public record TestNode(
        String uniqueId,
        String name,
        String packageName,
        String originalFilePath,
        Path file,
        String rawCode,
        NodeConfig config,
        List<String> fqn,
        String description,
        Dependencies dependsOn,
        String columnName,
        TestMetadata testMetadata,
        String attachedNode) implements Node {

    /** {@code name} of the generic test, its {@code namespace} (package) or null, and its arguments. */
    public record TestMetadata(String name, String namespace, Map<String, Object> kwargs) {
        public TestMetadata {
            kwargs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(kwargs));
        }
    }

    public TestNode {
        fqn = List.copyOf(fqn);
    }

    public boolean isGeneric() {
        return testMetadata != null;
    }

    @Override
    public ResourceType resourceType() {
        return ResourceType.TEST;
    }

    @Override
    public <R> R accept(NodeVisitor<R> visitor) {
        return visitor.test(this);
    }
}
