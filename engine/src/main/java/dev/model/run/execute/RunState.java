package dev.model.run.execute;

import dev.model.adapter.WarehouseAdapter;
import dev.model.compile.CompiledNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the nodes of one invocation share while they run: the relation cache and the nodes
 * compiled so far (for the manifest written at the end). Thread-safe.
 */
public final class RunState {

    private final RelationCache relations;
    private final Map<String, CompiledNode> compiled = new ConcurrentHashMap<>();

    public RunState(WarehouseAdapter adapter) {
        this.relations = new RelationCache(adapter);
    }

    public RelationCache relations() {
        return relations;
    }

    /** Records a node's compiled SQL, as it ran. */
    public void compiled(CompiledNode node) {
        compiled.put(node.node().uniqueId(), node);
    }

    /** The nodes compiled during the run, by unique id. */
    public Map<String, CompiledNode> compiledNodes() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(compiled));
    }
}
