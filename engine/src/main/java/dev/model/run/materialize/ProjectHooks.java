package dev.model.run.materialize;

import dev.model.adapter.Session;
import dev.model.error.ModelException;
import dev.model.jinja.TemplateSource;
import dev.model.run.NodeResult;
import dev.model.run.NodeStatus;
import dev.model.run.PhaseTimer;
import dev.model.run.TimingInfo;
import dev.model.run.execute.ExecutionContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * dbt_project.yml's {@code on-run-start} and {@code on-run-end}: each entry rendered and run once
 * per invocation, recorded as dbt records it, an operation node
 * {@code operation.<project>.<project>-on-run-start-<index>}.
 */
public final class ProjectHooks {

    private ProjectHooks() {
    }

    /** {@code operation.<project>.<project>-<event>-<index>}, dbt's id for a project hook. */
    public static String uniqueId(String project, String event, int index) {
        return "operation." + project + "." + project + "-" + event + "-" + index;
    }

    /**
     * Renders and runs one hook on its own session. Never throws.
     *
     * @param event   {@code on-run-start} or {@code on-run-end}
     * @param names   extra template names, e.g. {@code schemas} and {@code results} for on-run-end
     */
    public static NodeResult run(ExecutionContext context, String event, int index, String template,
                                 Map<String, Object> names) {
        String project = context.project().config().name();
        String id = uniqueId(project, event, index);
        PhaseTimer timer = new PhaseTimer(Clock.systemUTC());
        List<String> executed = new ArrayList<>();
        try (Session session = context.adapter().openSession(id)) {
            ExecutionScope scope = new ExecutionScope(null, context.graph(), context.compiler(), null,
                    (sql, fetch) -> {
                        executed.add(sql);
                        return session.queryRunner().execute(sql, fetch);
                    }, names);
            String sql = timer.time(TimingInfo.COMPILE, () ->
                    context.jinja().render(template, TemplateSource.of(context.project().config().file()), scope));
            timer.time(TimingInfo.EXECUTE, () -> {
                for (String statement : SqlStatements.split(sql)) {
                    executed.add(statement);
                    session.execute(statement);
                }
            });
            return NodeResult.builder(id, NodeStatus.SUCCESS).timing(timer.timing()).message("OK")
                    .adapterResponse(Map.of("_message", "OK")).compiled(true).compiledCode(sql).build();
        } catch (ModelException failure) {
            return NodeResult.builder(id, NodeStatus.ERROR).timing(timer.timing())
                    .message("Error in " + event + " hook " + index + ": " + failure.describe()).build();
        }
    }
}
