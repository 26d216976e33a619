package dev.model.run.execute;

import dev.model.adapter.WarehouseAdapter;
import dev.model.compile.CompiledNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the nodes of one invocation share while they run: the relation cache and the nodes
 * compiled so far (for the manifest written at the end), the target files being written.
 * Thread-safe; closed by whoever created it, once the run is over.
 */
public final class RunState implements AutoCloseable {

    private final RelationCache relations;
    private final Map<String, CompiledNode> compiled = new ConcurrentHashMap<>();
    private final RunFiles files = new RunFiles();

    public RunState(WarehouseAdapter adapter) {
        this.relations = new RelationCache(adapter);
    }

    public RelationCache relations() {
        return relations;
    }

    /** target/compiled and target/run files, written in the background; the run flushes them at its end. */
    public RunFiles files() {
        return files;
    }

    /** Records a node's compiled SQL, as it ran. */
    public void compiled(CompiledNode node) {
        compiled.put(node.node().uniqueId(), node);
    }

    /** Waits for the files still being written and stops the writers. */
    @Override
    public void close() {
        files.close();
    }

    /** The nodes compiled during the run, by unique id. */
    public Map<String, CompiledNode> compiledNodes() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(compiled));
    }
}
