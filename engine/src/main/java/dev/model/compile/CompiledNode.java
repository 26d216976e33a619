package dev.model.compile;

import dev.model.adapter.Relation;
import dev.model.parse.Node;
import java.util.List;

/**
 * A node after compilation. {@code compiledCode} is null for nodes without code (seeds,
 * sources); {@code compiledPath} is relative to the project root ({@code target/compiled/...}).
 *
 * @param extraCtes unique ids of the ephemeral models injected as CTEs, innermost first
 */
public record CompiledNode(Node node, Relation relation, String compiledCode, String compiledPath,
                           List<String> extraCtes) {

    public CompiledNode {
        extraCtes = List.copyOf(extraCtes);
    }

    public boolean hasCode() {
        return compiledCode != null;
    }
}
