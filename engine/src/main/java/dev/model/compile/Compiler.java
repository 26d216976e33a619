package dev.model.compile;

import dev.model.adapter.Relation;
import dev.model.error.ModelException;
import dev.model.graph.ProjectGraph;
import dev.model.jinja.JinjaEngine;
import dev.model.jinja.QueryRunner;
import dev.model.jinja.TemplateSource;
import dev.model.parse.ModelNode;
import dev.model.parse.Node;
import dev.model.parse.ParsedProject;
import dev.model.parse.SeedNode;
import dev.model.parse.SourceNode;
import dev.model.parse.TestNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Turns parsed nodes into the SQL the warehouse will run: every template rendered with
 * {@code execute} true, refs resolved to relations, ephemeral models injected as CTEs. Nodes are
 * compiled in parallel; ephemeral models are compiled once and shared by every consumer.
 */
public final class Compiler {

    private static final java.util.regex.Pattern LOOKS_LIKE_CALL =
            java.util.regex.Pattern.compile("^\\s*(env_var|ref|var|source|doc)\\s*\\(.+\\)\\s*$", java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern SINGLE_EXPRESSION =
            java.util.regex.Pattern.compile("^\\s*\\{\\{((?:(?!\\{\\{|\\}\\}).)*)\\}\\}\\s*$", java.util.regex.Pattern.DOTALL);

    private final ParsedProject project;
    private final ProjectGraph graph;
    private final JinjaEngine jinja;
    private final Map<String, Relation> relations;
    private final Optional<QueryRunner> queries;
    private final Predicate<Node> incremental;
    private final Map<String, EphemeralRender> ephemerals = new ConcurrentHashMap<>();

    /**
     * @param incremental whether {@code is_incremental()} is true for a node: the run stage answers
     *                    from the warehouse; compiling without one answers false for every node
     */
    public Compiler(ParsedProject project, ProjectGraph graph, JinjaEngine jinja, NodeRelations naming,
                    Optional<QueryRunner> queries, Predicate<Node> incremental) {
        this.project = project;
        this.graph = graph;
        this.jinja = jinja;
        this.queries = queries;
        this.incremental = incremental;
        Map<String, Relation> byId = new ConcurrentHashMap<>();
        project.nodes().values().parallelStream().forEach(node -> byId.put(node.uniqueId(), naming.relationOf(node)));
        Map<String, Relation> ordered = new LinkedHashMap<>();
        project.nodes().keySet().forEach(id -> ordered.put(id, byId.get(id)));
        this.relations = java.util.Collections.unmodifiableMap(ordered);
    }

    public static boolean isEphemeral(Node node) {
        return node instanceof ModelNode && "ephemeral".equals(node.config().materialized());
    }

    public Map<String, Relation> relations() {
        return relations;
    }

    public Relation relationOf(Node node) {
        Relation relation = relations.get(node.uniqueId());
        if (relation == null) {
            throw ModelException.internal("no relation for " + node.uniqueId(), null);
        }
        return relation;
    }

    /** Compiles the given nodes (all nodes when empty is not meant: pass the selection). */
    public CompiledProject compile(Collection<String> ids) {
        Map<String, CompiledNode> byId = new ConcurrentHashMap<>();
        ids.parallelStream().forEach(id -> byId.put(id, compileOne(id)));
        Map<String, CompiledNode> ordered = new LinkedHashMap<>();
        for (String id : ids) {
            ordered.put(id, byId.get(id));
        }
        return new CompiledProject(ordered, relations);
    }

    public CompiledNode compileOne(String id) {
        Node node = graph.node(id);
        if (node instanceof SourceNode || node instanceof SeedNode) {
            return new CompiledNode(node, relationOf(node), null, null, List.of());
        }
        return withCode(node);
    }

    /**
     * Compiles one node at run time, against the session that will run it: {@code run_query} and
     * {@code statement} go to that session, and {@code is_incremental()} is what the warehouse says.
     */
    public CompiledNode compileOne(String id, Optional<QueryRunner> sessionQueries, boolean isIncremental) {
        Node node = graph.node(id);
        if (node instanceof SourceNode || node instanceof SeedNode) {
            return new CompiledNode(node, relationOf(node), null, null, List.of());
        }
        return withCode(node, new CompileScope(node, graph, this::relationOf, sessionQueries, isIncremental, Map.of()));
    }

    /**
     * Compiles SQL that is no node of the project, as dbt's {@code --inline}: {@code ref} and
     * {@code source} resolve as from {@code inline}'s package, ephemeral models are injected as
     * CTEs, and {@code this} is {@code self}.
     */
    public String compileInline(ModelNode inline, Relation self, Optional<QueryRunner> sessionQueries) {
        Function<Node, Relation> relationsWithInline = node -> node == inline ? self : relationOf(node);
        CompileScope scope = new CompileScope(inline, graph, relationsWithInline, sessionQueries, false, Map.of());
        String sql = jinja.render(inline.rawCode(), TemplateSource.of(inline.file()), scope);
        List<String> cteIds = new ArrayList<>();
        List<String> ctes = new ArrayList<>();
        collectCtes(scope.ephemeralRefs(), cteIds, ctes, new HashSet<>());
        return CteInjector.inject(sql, ctes);
    }

    private CompiledNode withCode(Node node) {
        return withCode(node, scopeFor(node));
    }

    private CompiledNode withCode(Node node, CompileScope scope) {
        String sql = render(node, scope);
        List<String> cteIds = new ArrayList<>();
        List<String> ctes = new ArrayList<>();
        collectCtes(scope.ephemeralRefs(), cteIds, ctes, new HashSet<>());
        String code = CteInjector.inject(sql, ctes);
        return new CompiledNode(node, relationOf(node), code, compiledPath(node), cteIds);
    }

    /** Depth-first so that an ephemeral model's own ephemeral inputs come before it, each once. */
    private void collectCtes(Collection<String> ephemeralIds, List<String> ids, List<String> ctes, Set<String> visiting) {
        for (String id : ephemeralIds) {
            if (ids.contains(id) || !visiting.add(id)) {
                continue;
            }
            EphemeralRender ephemeral = ephemerals.computeIfAbsent(id, this::renderEphemeral);
            collectCtes(ephemeral.ephemeralRefs(), ids, ctes, visiting);
            ids.add(id);
            ctes.add(CteInjector.cteFor(relationOf(graph.node(id)).identifier(), ephemeral.sql()));
        }
    }

    /** Rendering an ephemeral model never compiles another one (refs become CTE names), so this is not recursive. */
    private EphemeralRender renderEphemeral(String id) {
        Node node = graph.node(id);
        CompileScope scope = scopeFor(node);
        String sql = render(node, scope);
        return new EphemeralRender(sql, List.copyOf(scope.ephemeralRefs()));
    }

    private record EphemeralRender(String sql, List<String> ephemeralRefs) {
    }

    private CompileScope scopeFor(Node node) {
        return new CompileScope(node, graph, this::relationOf, queries, incremental.test(node), Map.of());
    }

    private String render(Node node, CompileScope scope) {
        TemplateSource source = TemplateSource.of(Path.of(node.originalFilePath()));
        if (node instanceof TestNode test && test.isGeneric()) {
            return renderGenericTest(test, scope, source);
        }
        Optional<String> simple = StaticTemplate.render(node.rawCode(), source.file(), scope);
        return simple.isPresent() ? simple.get() : jinja.render(node.rawCode(), source, scope);
    }

    private String renderGenericTest(TestNode test, CompileScope scope, TemplateSource source) {
        Map<String, Object> kwargs = new LinkedHashMap<>();
        test.testMetadata().kwargs().forEach((key, value) ->
                kwargs.put(key, key.equals("column_name") ? value : renderArgument(value, scope, source)));
        String macro = "test_" + test.testMetadata().name();
        if (test.testMetadata().namespace() != null) {
            macro = test.testMetadata().namespace() + "." + macro;
        }
        Object sql = jinja.callMacro(macro, List.of(), kwargs, scope);
        return sql == null ? "" : sql.toString();
    }

    /**
     * dbt's rendering of generic test arguments: a value that looks like a call of ref, source,
     * var, env_var or doc is evaluated as one; a single {@code {{ expression }}} keeps its type
     * (a var holding a list arrives as a list); other Jinja renders to text; lists and maps are
     * walked.
     */
    private Object renderArgument(Object value, CompileScope scope, TemplateSource source) {
        if (value instanceof String text) {
            if (LOOKS_LIKE_CALL.matcher(text).matches()) {
                return jinja.evaluate(text.trim(), source, scope);
            }
            java.util.regex.Matcher single = SINGLE_EXPRESSION.matcher(text);
            if (single.matches()) {
                return jinja.evaluate(single.group(1).trim(), source, scope);
            }
            if (text.contains("{{") || text.contains("{%")) {
                return jinja.render(text, source, scope);
            }
            return text;
        }
        if (value instanceof List<?> items) {
            List<Object> out = new ArrayList<>(items.size());
            items.forEach(item -> out.add(renderArgument(item, scope, source)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, renderArgument(v, scope, source)));
            return out;
        }
        return value;
    }

    /** {@code target/compiled/<project>/<file>}, and for YAML-defined tests {@code <yml>/<test>.sql}, as dbt. */
    private String compiledPath(Node node) {
        String base = project.config().paths().targetPath() + "/compiled/" + node.packageName() + "/";
        if (node instanceof TestNode test && test.isGeneric()) {
            return base + test.originalFilePath() + "/" + relationOf(test).identifier() + ".sql";
        }
        return base + node.originalFilePath();
    }
}
