package dev.model.compile;

import dev.model.adapter.Relation;
import dev.model.graph.ProjectGraph;
import dev.model.jinja.QueryRunner;
import dev.model.jinja.RenderScope;
import dev.model.parse.ModelNode;
import dev.model.parse.Node;
import dev.model.parse.RefCall;
import dev.model.parse.SourceCall;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The scope a node is compiled in: {@code ref} and {@code source} resolve through the graph to
 * real relations, except that an ephemeral model becomes its CTE name and is remembered for
 * injection. Not thread-safe: one scope per node render.
 */
final class CompileScope implements RenderScope {

    private final Node node;
    private final ProjectGraph graph;
    private final Function<Node, Relation> relations;
    private final Optional<QueryRunner> queries;
    private final boolean incremental;
    private final Map<String, Object> extraContext;
    private final Set<String> ephemeralRefs = new LinkedHashSet<>();

    CompileScope(Node node, ProjectGraph graph, Function<Node, Relation> relations, Optional<QueryRunner> queries,
                 boolean incremental, Map<String, Object> extraContext) {
        this.node = node;
        this.graph = graph;
        this.relations = relations;
        this.queries = queries;
        this.incremental = incremental;
        this.extraContext = extraContext;
    }

    /** Unique ids of the ephemeral models this node referenced, in order of first use. */
    Set<String> ephemeralRefs() {
        return ephemeralRefs;
    }

    @Override
    public Relation ref(RefCall call) {
        Node target = graph.resolveRef(call, node);
        if (target instanceof ModelNode model && Compiler.isEphemeral(model)) {
            ephemeralRefs.add(model.uniqueId());
            return Relation.cte(CteInjector.PREFIX + relations.apply(model).identifier());
        }
        return relations.apply(target);
    }

    @Override
    public Relation source(SourceCall call) {
        return relations.apply(graph.resolveSource(call, node));
    }

    @Override
    public void config(Map<String, Object> kwargs) {
        // Captured at parse time; compiling the same call again changes nothing.
    }

    @Override
    public Object configGet(String key, Object fallback) {
        return node.config().get(key, fallback);
    }

    @Override
    public Optional<Relation> self() {
        return Optional.of(relations.apply(node));
    }

    @Override
    public boolean isIncremental() {
        return incremental;
    }

    @Override
    public boolean execute() {
        return true;
    }

    @Override
    public Optional<QueryRunner> queries() {
        return queries;
    }

    @Override
    public Map<String, Object> extraContext() {
        return extraContext;
    }
}
