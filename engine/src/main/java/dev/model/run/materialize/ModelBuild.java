package dev.model.run.materialize;

import dev.model.adapter.Capability;
import dev.model.adapter.Column;
import dev.model.adapter.QueryResult;
import dev.model.adapter.Relation;
import dev.model.adapter.Session;
import dev.model.adapter.StatementResult;
import dev.model.jinja.QueryRunner;
import dev.model.parse.ModelNode;
import dev.model.run.execute.ExecutionContext;
import dev.model.run.execute.RelationCache;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One model being built: its relation, its compiled SQL, the session it runs on, and every
 * statement sent, kept for {@code target/run/}. Strategies do all their SQL through it, so the
 * relation cache always knows what was created and dropped. One per node run; not shared.
 */
final class ModelBuild {

    private final ModelNode node;
    private final Relation target;
    private final String sql;
    private final ExecutionContext context;
    private final Session session;
    private final SqlMacros macros;
    private final ExecutionScope scope;
    private final Hooks hooks;
    private final List<String> executed = Collections.synchronizedList(new ArrayList<>());
    private StatementResult lastResult = StatementResult.ok(-1);
    private StatementResult mainResult;

    ModelBuild(ModelNode node, Relation target, String sql, ExecutionContext context, Session session,
               SqlMacros macros, ExecutionScope scope, Hooks hooks) {
        this.scope = scope;
        this.hooks = hooks;
        this.node = node;
        this.target = target;
        this.sql = sql;
        this.context = context;
        this.session = session;
        this.macros = macros;
    }

    ModelNode node() {
        return node;
    }

    /** The model's relation, type unknown. */
    Relation target() {
        return target;
    }

    String sql() {
        return sql;
    }

    ExecutionContext context() {
        return context;
    }

    Session session() {
        return session;
    }

    ExecutionScope scope() {
        return scope;
    }

    /** The model's pre- and post-hooks, rendered. */
    Hooks hooks() {
        return hooks;
    }

    SqlMacros macros() {
        return macros;
    }

    RelationCache cache() {
        return context.state().relations();
    }

    boolean supports(Capability capability) {
        return context.adapter().supports(capability);
    }

    /** The relation as it exists now, typed TABLE or VIEW, named as the model names it. */
    Optional<Relation> existing(Relation relation) {
        return cache().find(session, relation).map(found -> relation.withType(found.type()));
    }

    /** dbt's {@code should_full_refresh()}: the model's {@code full_refresh} config wins over the flag. */
    boolean fullRefresh() {
        Object configured = node.config().get("full_refresh");
        if (configured != null) {
            return Boolean.parseBoolean(configured.toString());
        }
        return context.flags().fullRefresh();
    }

    /**
     * Runs each statement of {@code text} in order. A {@code begin ... commit} the text holds (as
     * dbt-snowflake's DML macros emit) is rolled back when a statement inside it fails.
     */
    void run(String text) {
        List<String> statements = SqlStatements.split(text);
        List<StatementResult> results = ExplicitTransactions.run(session, statements, executed::add);
        // the work's result, not the commit's, is what the node reports
        StatementResult work = null;
        for (int i = 0; i < results.size(); i++) {
            if (!ExplicitTransactions.isControl(statements.get(i))) {
                work = results.get(i);
            }
        }
        if (work == null && !results.isEmpty()) {
            work = results.get(results.size() - 1);
        }
        if (work != null) {
            lastResult = work;
        }
    }

    /**
     * Runs the model's main SQL (dbt's {@code statement('main')}): its result, not that of the
     * clean-up, grants or comments after it, is what the node reports.
     */
    void runMain(String text) {
        run(text);
        mainResult = lastResult;
    }

    /** The result of what ran last is the node's (after {@link #runAtomically} of the main SQL). */
    void markMain() {
        mainResult = lastResult;
    }

    /** Runs a query, recorded with the statements, and returns its rows. */
    QueryResult query(String sql) {
        executed.add(sql);
        return session.query(sql, 0);
    }

    /**
     * Whether {@code create or replace} is atomic here while DDL commits by itself (Snowflake): a
     * table is replaced in one statement, temporary relations live in the target schema for the
     * session, and DML runs in explicit transactions. DuckDB (transactional DDL) and H2 (no
     * create or replace table) keep the swap through {@code __dbt_tmp}.
     */
    boolean replacesInPlace() {
        return ReplaceInPlace.appliesTo(context.adapter());
    }

    /**
     * Runs the statements as one transaction where DDL is transactional; elsewhere one after the
     * other, so a failure stops at the failing statement and leaves the earlier ones done.
     */
    void runAtomically(List<String> texts) {
        List<String> statements = new ArrayList<>();
        texts.forEach(text -> statements.addAll(SqlStatements.split(text)));
        if (statements.isEmpty()) {
            return;
        }
        if (supports(Capability.TRANSACTIONAL_DDL)) {
            executed.addAll(statements);
            List<StatementResult> results = session.executeInTransaction(statements);
            lastResult = results.get(results.size() - 1);
        } else {
            statements.forEach(this::run);
        }
    }

    /** Drops a relation if the cache knows it, and forgets it. */
    void dropIfExists(Relation relation) {
        Optional<Relation> found = existing(relation);
        if (found.isPresent()) {
            run(macros.dropRelation(found.get()));
            cache().dropped(relation);
        }
    }

    List<Column> columns(Relation relation) {
        return session.getColumns(relation);
    }

    /** For templates that send their own statements (project materializations): recorded as well. */
    QueryRunner recordingRunner() {
        QueryRunner runner = session.queryRunner();
        return (statement, fetch) -> {
            executed.add(statement);
            return runner.execute(statement, fetch);
        };
    }

    /** dbt's grants over this build's session, recorded with its statements. */
    Grants grants() {
        return new Grants(context.jinja(), scope, session, executed::add);
    }

    StatementResult lastResult() {
        return mainResult != null ? mainResult : lastResult;
    }

    /** Every statement sent so far, for {@code target/run/}. */
    List<String> executed() {
        synchronized (executed) {
            return List.copyOf(executed);
        }
    }

    /** Columns as macros see them: {@code name}, {@code data_type}, {@code quoted}. */
    static List<Map<String, Object>> columnMaps(List<Column> columns) {
        List<Map<String, Object>> out = new ArrayList<>(columns.size());
        for (Column column : columns) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("name", column.name());
            map.put("data_type", column.dataType());
            map.put("dtype", column.dataType());
            map.put("quoted", "\"" + column.name().replace("\"", "\"\"") + "\"");
            out.add(map);
        }
        return out;
    }
}
