package dev.model.compile;

import dev.model.adapter.Relation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The compiled nodes of one invocation (selected ones only) and the relation of every node. */
public record CompiledProject(Map<String, CompiledNode> nodes, Map<String, Relation> relations) {

    public CompiledProject {
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        relations = Collections.unmodifiableMap(new LinkedHashMap<>(relations));
    }
}
