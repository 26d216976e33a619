package dev.model.docs;

import dev.model.parse.ColumnInfo;
import dev.model.parse.ModelNode;
import dev.model.parse.Node;
import dev.model.parse.NodeVisitor;
import dev.model.parse.SeedNode;
import dev.model.parse.SnapshotNode;
import dev.model.parse.SourceNode;
import dev.model.parse.TestNode;
import java.util.Map;

/** The columns a node's property YAML declares (tests have none). */
final class DeclaredColumns implements NodeVisitor<Map<String, ColumnInfo>> {

    private static final DeclaredColumns INSTANCE = new DeclaredColumns();

    static Map<String, ColumnInfo> of(Node node) {
        return node.accept(INSTANCE);
    }

    @Override public Map<String, ColumnInfo> model(ModelNode model) { return model.columns(); }
    @Override public Map<String, ColumnInfo> seed(SeedNode seed) { return seed.columns(); }
    @Override public Map<String, ColumnInfo> snapshot(SnapshotNode snapshot) { return snapshot.columns(); }
    @Override public Map<String, ColumnInfo> test(TestNode test) { return Map.of(); }
    @Override public Map<String, ColumnInfo> source(SourceNode source) { return source.columns(); }
}
