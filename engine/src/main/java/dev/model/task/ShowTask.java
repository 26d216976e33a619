package dev.model.task;

import dev.model.adapter.Adapters;
import dev.model.adapter.QueryResult;
import dev.model.adapter.Session;
import dev.model.adapter.WarehouseAdapter;
import dev.model.compile.CompiledNode;
import dev.model.compile.Compiler;
import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import dev.model.error.SourceLocation;
import dev.model.log.Log;
import dev.model.parse.Node;
import dev.model.parse.ResourceType;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code model show}: compiles one node, or an inline query, and runs it with a row limit,
 * without building anything, as {@code dbt show}. The model's own relation is never read: the
 * compiled SQL runs from source, so the preview is what the model would build now.
 */
public final class ShowTask {

    /** dbt show's default {@code --limit}. */
    public static final int DEFAULT_LIMIT = 5;

    /**
     * What was previewed.
     *
     * @param nodeName the node's name, or {@code null} for an inline query
     * @param sql      the statement that ran: the compiled SQL wrapped in the limit
     */
    public record Preview(String nodeName, String sql, QueryResult rows) {

        public boolean inline() {
            return nodeName == null;
        }
    }

    private ShowTask() {
    }

    /**
     * Previews the one node of {@code selected}. As in dbt, {@code -s +orders} previews
     * {@code orders}: of several selected nodes, those the selection names outright are kept.
     *
     * @param limit rows to fetch; negative fetches every row, as dbt's {@code --limit -1}
     */
    public static Preview showNode(LoadedProject project, Collection<String> selected, List<String> selectArgs,
                                   int limit, Path workingDir, Log log) {
        Node node = onlyNode(project, named(project, selected, selectArgs));
        Compiler compiler = CompileTask.compiler(project);
        return withSession(project, workingDir, log, session -> {
            boolean incremental = "incremental".equals(node.config().materialized())
                    && session.getRelation(compiler.relationOf(node)).isPresent();
            CompiledNode compiled = compiler.compileOne(node.uniqueId(), Optional.of(session.queryRunner()), incremental);
            String sql = limited(compiled.compiledCode(), limit);
            return new Preview(node.name(), sql, query(session, sql, limit,
                    node.resourceType().dbtName() + " " + node.name() + " (" + node.originalFilePath() + ")", node.location()));
        });
    }

    /** Renders the Jinja of {@code sql} ({@code ref}, {@code source} and macros work) and previews it. */
    public static Preview showInline(LoadedProject project, String sql, int limit, Path workingDir, Log log) {
        return withSession(project, workingDir, log, session -> {
            String compiled = CompileTask.compileInline(project, sql, Optional.of(session.queryRunner()));
            String limitedSql = limited(compiled, limit);
            return new Preview(null, limitedSql, query(session, limitedSql, limit, "inline query", null));
        });
    }

    /** dbt's {@code get_limit_subquery_sql}: the SQL as a subquery, so the warehouse stops after {@code limit} rows. */
    static String limited(String sql, int limit) {
        if (limit < 0) {
            return sql;
        }
        return "select *\nfrom (\n" + sql + "\n) as model_limit_subq\nlimit " + limit;
    }

    /** Of several selected nodes, those named by a selector once graph operators are removed, if any. */
    static Collection<String> named(LoadedProject project, Collection<String> selected, List<String> selectArgs) {
        if (selected.size() <= 1) {
            return selected;
        }
        Set<String> names = new HashSet<>();
        for (String arg : selectArgs) {
            for (String token : arg.split("[\\s,]+")) {
                names.add(token.replaceAll("^(@|\\d*\\+)", "").replaceAll("\\+\\d*$", ""));
            }
        }
        List<String> named = selected.stream().filter(id -> names.contains(project.graph().node(id).name())).toList();
        return named.isEmpty() ? selected : named;
    }

    static Node onlyNode(LoadedProject project, Collection<String> selected) {
        if (selected.isEmpty()) {
            throw ModelException.usage("Nothing to show: the selection matches no enabled node"
                    + " (check the name, or use --inline to preview a query)");
        }
        if (selected.size() > 1) {
            List<String> ids = selected.stream().sorted().toList();
            String shown = String.join(", ", ids.subList(0, Math.min(ids.size(), 5)))
                    + (ids.size() > 5 ? ", ... (" + (ids.size() - 5) + " more)" : "");
            throw ModelException.usage("model show previews one node, but the selection matches " + ids.size()
                    + ": " + shown + "; select a single node");
        }
        Node node = project.graph().node(selected.iterator().next());
        ResourceType type = node.resourceType();
        if (type != ResourceType.MODEL && type != ResourceType.SNAPSHOT && type != ResourceType.TEST) {
            throw ModelException.usage("model show previews models, snapshots and tests; "
                    + node.uniqueId() + " is a " + type.dbtName() + " and has no SQL to run");
        }
        return node;
    }

    private static <T> T withSession(LoadedProject project, Path workingDir, Log log, Function<Session, T> work) {
        try (WarehouseAdapter adapter = Adapters.discover().open(project.target(), workingDir, log)) {
            return adapter.withSession("show", work);
        }
    }

    private static QueryResult query(Session session, String sql, int limit, String what, SourceLocation where) {
        try {
            return session.query(sql, Math.max(limit, 0));
        } catch (ModelException failure) {
            if (failure.category() != ErrorCategory.WAREHOUSE) {
                throw failure;
            }
            // The warehouse's message names the statement; say which node it came from first.
            throw new ModelException(ErrorCategory.WAREHOUSE, "Previewing " + what + " failed: " + failure.getMessage(),
                    where, failure);
        }
    }
}
