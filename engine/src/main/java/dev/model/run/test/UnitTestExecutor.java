package dev.model.run.test;

import dev.model.adapter.Column;
import dev.model.adapter.QueryResult;
import dev.model.adapter.Relation;
import dev.model.adapter.Session;
import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import dev.model.jinja.JinjaEngine;
import dev.model.jinja.JinjaSettings;
import dev.model.jinja.QueryRunner;
import dev.model.jinja.RenderScope;
import dev.model.jinja.TemplateSource;
import dev.model.parse.ModelNode;
import dev.model.parse.Node;
import dev.model.parse.RefCall;
import dev.model.parse.SourceCall;
import dev.model.parse.UnitTestDefinition;
import dev.model.parse.UnitTestFixtures;
import dev.model.run.NodeResult;
import dev.model.run.NodeStatus;
import dev.model.run.PhaseTimer;
import dev.model.run.TimingInfo;
import dev.model.run.execute.ExecutionContext;
import dev.model.run.schedule.CancellationToken;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a dbt unit test on the warehouse without upstream data: the model is rendered with each
 * {@code ref}/{@code source} it reads replaced by a CTE of the given rows (typed as the upstream
 * relation's columns when it exists, inferred from the values otherwise), run, and its rows
 * compared with {@code expect} on the expected columns only, in any order. A mismatch is a fail
 * with a small table of the rows marked {@code -} (expected, missing) and {@code +} (actual,
 * unexpected). Never throws; thread-safe.
 */
public final class UnitTestExecutor {

    private static final String CTE_PREFIX = "__dbt_unit_test_input_";

    public NodeResult execute(UnitTestDefinition test, ExecutionContext context, Session session, CancellationToken token) {
        PhaseTimer timer = new PhaseTimer(Clock.systemUTC());
        String[] sql = new String[1];
        try (CancellationToken.Registration ignored = token.onCancel(session::cancel)) {
            ModelNode model = model(test, context);
            timer.time(TimingInfo.COMPILE, () -> sql[0] = compile(test, model, context, session));
            String compiledPath = context.project().config().paths().targetPath() + "/compiled/" + test.packageName()
                    + "/" + test.originalFilePath() + "/" + test.model() + "/" + test.name() + ".sql";
            context.state().files().write(context.projectRoot().resolve(compiledPath), sql[0]);
            List<String> columns = test.expect().columns();
            QueryResult actual = timer.time(TimingInfo.EXECUTE, () -> session.query(sql[0], 0));
            RowDiff diff = RowDiff.of(columns, test.expect().rows(), actual);
            NodeResult.Builder result = NodeResult.builder(test.uniqueId(), diff.matches() ? NodeStatus.PASS : NodeStatus.FAIL)
                    .timing(timer.timing())
                    .failures(diff.differences())
                    .adapterResponse(Map.of("_message", "OK"))
                    .compiled(true)
                    .compiledCode(sql[0])
                    .compiledPath(compiledPath);
            if (!diff.matches()) {
                String table = diff.table();
                result.message("actual differs from expected:\n\n" + table)
                        .failureDetails(table);
            }
            return result.build();
        } catch (ModelException failure) {
            return failed(test, failure, timer, sql[0]);
        } catch (RuntimeException bug) {
            return failed(test, ModelException.internal(bug.getClass().getSimpleName()
                    + (bug.getMessage() == null ? "" : ": " + bug.getMessage()), bug), timer, sql[0]);
        }
    }

    private static ModelNode model(UnitTestDefinition test, ExecutionContext context) {
        Node node = context.graph().find("model." + test.packageName() + "." + test.model()).orElse(null);
        if (!(node instanceof ModelNode model)) {
            throw ModelException.project(test.describe() + " tests model '" + test.model() + "', which does not exist",
                    test.location());
        }
        return model;
    }

    /** The model's SQL on top of one CTE per given input, selecting the expected columns. */
    private static String compile(UnitTestDefinition test, ModelNode model, ExecutionContext context, Session session) {
        Map<String, String> cteByNode = new HashMap<>();
        String thisCte = null;
        List<String> ctes = new ArrayList<>();
        int index = 0;
        for (UnitTestDefinition.Fixture given : test.given()) {
            String name = CTE_PREFIX + index++;
            Optional<Relation> upstream = Optional.empty();
            if (given.input().equals("this")) {
                thisCte = name;
                upstream = Optional.of(context.compiler().relationOf(model));
            } else {
                Node node = inputNode(given, model, context);
                cteByNode.put(node.uniqueId(), name);
                if (!(node instanceof ModelNode ephemeral && "ephemeral".equals(ephemeral.config().materialized()))) {
                    upstream = Optional.of(context.compiler().relationOf(node));
                }
            }
            List<Column> known = upstream.map(session::getColumns).orElse(List.of());
            ctes.add(name + " as (\n" + fixtureSql(given, known) + "\n)");
        }
        MockScope scope = new MockScope(test, model, context, cteByNode, thisCte, session.queryRunner());
        String modelSql = jinjaFor(test, context.jinja()).render(model.rawCode(), TemplateSource.of(Path.of(model.originalFilePath())), scope)
                .strip();
        while (modelSql.endsWith(";")) {
            modelSql = modelSql.substring(0, modelSql.length() - 1).strip();
        }
        String columns = test.expect().columns().isEmpty() ? "*" : String.join(", ", test.expect().columns());
        return (ctes.isEmpty() ? "" : "with " + String.join(",\n", ctes) + "\n")
                + "select " + columns + " from (\n" + modelSql + "\n) dbt_internal_unit_test_actual";
    }

    /** The invocation's engine, or one whose vars and env carry the unit test's overrides. */
    private static JinjaEngine jinjaFor(UnitTestDefinition test, JinjaEngine jinja) {
        if (test.varOverrides().isEmpty() && test.envOverrides().isEmpty()) {
            return jinja;
        }
        JinjaSettings s = jinja.settings();
        Map<String, Object> vars = new LinkedHashMap<>(s.cliVars());
        vars.putAll(test.varOverrides());
        Map<String, String> env = new LinkedHashMap<>(s.env());
        env.putAll(test.envOverrides());
        return JinjaEngine.create(jinja.macros(), new JinjaSettings(s.rootProjectName(), s.adapterType(), s.target(),
                s.projectVars(), vars, s.dispatchOrder(), s.invocationId(), s.runStartedAt(), env, s.log()));
    }

    private static Node inputNode(UnitTestDefinition.Fixture given, ModelNode model, ExecutionContext context) {
        String ref = UnitTestFixtures.refName(given.input());
        if (ref != null) {
            return context.graph().resolveRef(new RefCall(null, ref, null, given.location()), model);
        }
        String[] source = UnitTestFixtures.sourceName(given.input());
        return context.graph().resolveSource(new SourceCall(source[0], source[1], given.location()), model);
    }

    /**
     * {@code select cast(1 as INTEGER) as id, ... union all select ...}: every column of the
     * upstream relation (those not given are null), or the given columns with inferred types.
     */
    static String fixtureSql(UnitTestDefinition.Fixture given, List<Column> known) {
        Map<String, String> types = new LinkedHashMap<>();
        for (Column column : known) {
            types.put(column.name(), column.dataType());
        }
        Map<String, String> lowerToKnown = new HashMap<>();
        types.keySet().forEach(name -> lowerToKnown.put(name.toLowerCase(Locale.ROOT), name));
        for (String column : given.columns()) {
            if (!lowerToKnown.containsKey(column.toLowerCase(Locale.ROOT))) {
                List<Object> values = new ArrayList<>();
                given.rows().forEach(row -> values.add(row.get(column)));
                types.put(column, UnitTestValues.inferType(values));
                lowerToKnown.put(column.toLowerCase(Locale.ROOT), column);
            }
        }
        if (types.isEmpty()) {
            types.put("dbt_unit_test_no_columns", "integer");
        }
        List<String> selects = new ArrayList<>();
        List<Map<String, Object>> rows = given.rows().isEmpty() ? List.of(Map.of()) : given.rows();
        for (Map<String, Object> row : rows) {
            Map<String, Object> byLower = new HashMap<>();
            row.forEach((k, v) -> byLower.put(k.toLowerCase(Locale.ROOT), v));
            List<String> parts = new ArrayList<>();
            types.forEach((column, type) -> parts.add(UnitTestValues.literal(byLower.get(column.toLowerCase(Locale.ROOT)), type)
                    + " as " + column));
            selects.add("select " + String.join(", ", parts) + (given.rows().isEmpty() ? " where 1 = 0" : ""));
        }
        return String.join("\nunion all\n", selects);
    }

    private static NodeResult failed(UnitTestDefinition test, ModelException failure, PhaseTimer timer, String sql) {
        String detail;
        if (failure.category() == ErrorCategory.WAREHOUSE) {
            Throwable cause = failure.getCause();
            detail = "Database Error in " + test.describe() + "\n  "
                    + (cause != null && cause.getMessage() != null ? cause.getMessage() : failure.getMessage()).strip();
        } else {
            detail = "Compilation Error in " + test.describe() + "\n  " + failure.describe();
        }
        NodeResult.Builder result = NodeResult.builder(test.uniqueId(), NodeStatus.ERROR).timing(timer.timing())
                .message(detail).compiled(sql != null);
        if (sql != null) {
            result.compiledCode(sql);
        }
        return result.build();
    }

    /** The model's scope with its inputs mocked: refs and sources that were given become CTE names. */
    private static final class MockScope implements RenderScope {
        private final UnitTestDefinition test;
        private final ModelNode model;
        private final ExecutionContext context;
        private final Map<String, String> cteByNode;
        private final String thisCte;
        private final QueryRunner queries;

        MockScope(UnitTestDefinition test, ModelNode model, ExecutionContext context, Map<String, String> cteByNode,
                  String thisCte, QueryRunner queries) {
            this.test = test;
            this.model = model;
            this.context = context;
            this.cteByNode = cteByNode;
            this.thisCte = thisCte;
            this.queries = queries;
        }

        @Override
        public Relation ref(RefCall call) {
            Node target = context.graph().resolveRef(call, model);
            return mocked(target, "ref('" + call.name() + "')");
        }

        @Override
        public Relation source(SourceCall call) {
            Node target = context.graph().resolveSource(call, model);
            return mocked(target, "source('" + call.sourceName() + "', '" + call.tableName() + "')");
        }

        private Relation mocked(Node target, String shown) {
            String cte = cteByNode.get(target.uniqueId());
            if (cte == null) {
                throw ModelException.project(test.describe() + ": model '" + model.name() + "' reads " + shown
                        + ", which is not among the given inputs", test.location());
            }
            return Relation.cte(cte);
        }

        @Override
        public void config(Map<String, Object> kwargs) {
        }

        @Override
        public Object configGet(String key, Object fallback) {
            return model.config().get(key, fallback);
        }

        @Override
        public Optional<Relation> self() {
            return Optional.of(thisCte != null ? Relation.cte(thisCte) : context.compiler().relationOf(model));
        }

        @Override
        public boolean isIncremental() {
            Object value = test.macroOverrides().get("is_incremental");
            return Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(String.valueOf(value));
        }

        @Override
        public boolean execute() {
            return true;
        }

        @Override
        public Optional<QueryRunner> queries() {
            return Optional.of(queries);
        }
    }
}
