package dev.model.run.materialize;

import dev.model.adapter.Relation;
import dev.model.compile.Compiler;
import dev.model.graph.ProjectGraph;
import dev.model.jinja.QueryRunner;
import dev.model.jinja.RenderScope;
import dev.model.parse.Node;
import dev.model.parse.RefCall;
import dev.model.parse.SourceCall;
import java.util.Map;
import java.util.Optional;

/**
 * The scope of the templates a run renders around a node (hooks, materialization macros) or
 * around the whole run ({@code on-run-start}): {@code execute} is true, {@code this} is the
 * node's relation, and statements go to the node's session.
 */
final class ExecutionScope implements RenderScope {

    private final Node node;
    private final ProjectGraph graph;
    private final Compiler compiler;
    private final Relation self;
    private final QueryRunner queries;
    private final Map<String, Object> extraContext;

    ExecutionScope(Node node, ProjectGraph graph, Compiler compiler, Relation self, QueryRunner queries,
                   Map<String, Object> extraContext) {
        this.node = node;
        this.graph = graph;
        this.compiler = compiler;
        this.self = self;
        this.queries = queries;
        this.extraContext = extraContext;
    }

    /** A scope with other extra names (e.g. {@code sql} for a project materialization). */
    ExecutionScope with(Map<String, Object> names) {
        return new ExecutionScope(node, graph, compiler, self, queries, names);
    }

    @Override
    public Relation ref(RefCall call) {
        if (node == null) {
            throw dev.model.error.ModelException.project("ref() cannot be used in an on-run-start or on-run-end hook",
                    call.location());
        }
        return compiler.relationOf(graph.resolveRef(call, node));
    }

    @Override
    public Relation source(SourceCall call) {
        if (node == null) {
            throw dev.model.error.ModelException.project("source() cannot be used in an on-run-start or on-run-end hook",
                    call.location());
        }
        return compiler.relationOf(graph.resolveSource(call, node));
    }

    @Override
    public void config(Map<String, Object> kwargs) {
        // configs were captured at parse time
    }

    @Override
    public Object configGet(String key, Object fallback) {
        return node == null ? fallback : node.config().get(key, fallback);
    }

    @Override
    public Optional<Relation> self() {
        return Optional.ofNullable(self);
    }

    @Override
    public boolean isIncremental() {
        return false;
    }

    @Override
    public boolean execute() {
        return true;
    }

    @Override
    public Optional<QueryRunner> queries() {
        return Optional.of(queries);
    }

    @Override
    public Map<String, Object> extraContext() {
        return extraContext;
    }
}
