package dev.model.run.test;

import dev.model.adapter.QueryResult;
import dev.model.adapter.Relation;
import dev.model.adapter.Session;
import dev.model.compile.CompiledNode;
import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import dev.model.parse.Node;
import dev.model.parse.TestNode;
import dev.model.run.NodeMessages;
import dev.model.run.NodeResult;
import dev.model.run.NodeStatus;
import dev.model.run.PhaseTimer;
import dev.model.run.TimingInfo;
import dev.model.run.execute.ExecutionContext;
import dev.model.run.execute.NodeExecutor;
import dev.model.run.schedule.CancellationToken;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one data test as dbt's test materialization does: compiles it on its session, optionally
 * stores the failing rows in the audit schema, then runs {@code select <fail_calc> as failures,
 * ... as should_warn, ... as should_error from (<test sql>)} and turns the answer into pass, warn
 * or fail (dbt's {@code Got 3 results, configured to fail if != 0}). A failing or warning test
 * also reads its first failing rows for the reports. Never throws; thread-safe.
 */
public final class TestExecutor implements NodeExecutor {

    /** Failing rows shown in the console and junit.xml. */
    static final int SHOWN_ROWS = 5;

    private final boolean warnError;

    /** @param warnError {@code --warn-error}: a test that would warn fails instead */
    public TestExecutor(boolean warnError) {
        this.warnError = warnError;
    }

    @Override
    public NodeResult execute(Node node, ExecutionContext context, Session session, CancellationToken token) {
        if (!(node instanceof TestNode test)) {
            return NodeResult.error(node.uniqueId(), "Internal error: the test executor was given "
                    + node.resourceType().dbtName() + " " + node.uniqueId());
        }
        PhaseTimer timer = new PhaseTimer(Clock.systemUTC());
        CompiledNode[] compiled = new CompiledNode[1];
        try (CancellationToken.Registration ignored = token.onCancel(session::cancel)) {
            TestConfig config = TestConfig.of(test.config());
            timer.time(TimingInfo.COMPILE, () -> {
                compiled[0] = context.compiler().compileOne(test.uniqueId(), Optional.of(session.queryRunner()), false);
                context.state().compiled(compiled[0]);
                context.state().files().write(context.projectRoot().resolve(compiled[0].compiledPath()),
                        compiled[0].compiledCode());
            });
            String sql = compiled[0].compiledCode();
            Relation audit = context.compiler().relationOf(test);
            Outcome outcome = timer.time(TimingInfo.EXECUTE, () -> {
                String checked = sql;
                if (config.storeFailures()) {
                    storeFailures(context, session, audit, config, sql);
                    checked = "select * from " + audit.render();
                }
                QueryResult counts = session.query(config.wrap(checked), 1);
                Outcome result = judge(counts, config);
                if (result.status() != NodeStatus.PASS) {
                    result = result.withRows(firstRows(session, checked));
                }
                return result;
            });
            NodeResult.Builder result = NodeResult.builder(test.uniqueId(), outcome.status())
                    .timing(timer.timing())
                    .message(outcome.message())
                    .failures(outcome.failures())
                    .adapterResponse(Map.of("_message", "OK"))
                    .compiled(true)
                    .compiledCode(sql)
                    .compiledPath(compiled[0].compiledPath())
                    .failureDetails(outcome.rows());
            if (config.storeFailures()) {
                result.relationName(audit.render());
            }
            return result.build();
        } catch (ModelException failure) {
            return failed(test, failure, timer, compiled[0]);
        } catch (RuntimeException bug) {
            // the contract is a result per node, even for a bug in the engine or in jinjava
            return failed(test, ModelException.internal(bug.getClass().getSimpleName()
                    + (bug.getMessage() == null ? "" : ": " + bug.getMessage()), bug), timer, compiled[0]);
        }
    }

    private record Outcome(NodeStatus status, String message, int failures, String rows) {
        Outcome withRows(String text) {
            return new Outcome(status, message, failures, text);
        }
    }

    private Outcome judge(QueryResult counts, TestConfig config) {
        if (counts.rows().isEmpty()) {
            throw new ModelException(ErrorCategory.WAREHOUSE, "the test query returned no row", null, null);
        }
        List<Object> row = counts.rows().get(0);
        int failures = row.get(0) == null ? 0 : ((Number) row.get(0)).intValue();
        boolean shouldWarn = truthy(row.get(1));
        boolean shouldError = truthy(row.get(2));
        if (!config.warnSeverity() && shouldError) {
            return new Outcome(NodeStatus.FAIL, message(failures, "fail", config.errorIf()), failures, null);
        }
        if (shouldWarn) {
            if (warnError) {
                return new Outcome(NodeStatus.FAIL, message(failures, "fail", config.warnIf()), failures, null);
            }
            return new Outcome(NodeStatus.WARN, message(failures, "warn", config.warnIf()), failures, null);
        }
        return new Outcome(NodeStatus.PASS, null, failures, null);
    }

    private static String message(int failures, String verb, String threshold) {
        return "Got " + failures + " result" + (failures == 1 ? "" : "s") + ", configured to " + verb + " if " + threshold;
    }

    private static boolean truthy(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        return value != null && ("true".equalsIgnoreCase(value.toString()) || "1".equals(value.toString()));
    }

    private static void storeFailures(ExecutionContext context, Session session, Relation audit, TestConfig config,
                                      String sql) {
        context.state().relations().ensureSchema(session, audit.database(), audit.schema());
        session.dropRelation(audit.withType(Relation.RelationType.UNKNOWN));
        session.execute("create " + (config.storeAsView() ? "view " : "table ") + audit.render() + " as (\n"
                + config.withLimit(sql) + "\n)");
    }

    private static String firstRows(Session session, String sql) {
        QueryResult rows = session.query("select * from (\n" + sql + "\n) dbt_failing_rows", SHOWN_ROWS);
        List<List<String>> cells = new ArrayList<>();
        for (List<Object> row : rows.rows()) {
            cells.add(row.stream().map(RowTable::cell).toList());
        }
        String table = RowTable.format(rows.columnNames(), cells);
        return "First failing rows:\n" + table;
    }

    private static NodeResult failed(TestNode test, ModelException failure, PhaseTimer timer, CompiledNode compiled) {
        String where = test.name() + " (" + test.originalFilePath() + ")";
        String message;
        if (failure.category() == ErrorCategory.WAREHOUSE) {
            message = "Database Error in test " + where + "\n" + NodeMessages.indent(NodeMessages.warehouseMessage(failure))
                    + (compiled == null ? "" : "\n  compiled code at " + compiled.compiledPath());
        } else {
            message = "Compilation Error in test " + where + "\n" + NodeMessages.indent(failure.describe());
        }
        NodeResult.Builder result = NodeResult.builder(test.uniqueId(), NodeStatus.ERROR)
                .timing(timer.timing())
                .message(message)
                .compiled(compiled != null);
        if (compiled != null) {
            result.compiledCode(compiled.compiledCode()).compiledPath(compiled.compiledPath());
        }
        return result.build();
    }


}
