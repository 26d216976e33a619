package dev.model.run.materialize;

import dev.model.adapter.Relation;
import dev.model.adapter.Session;
import dev.model.compile.CompiledNode;
import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import dev.model.jinja.JinjaEngine;
import dev.model.parse.ModelNode;
import dev.model.parse.Node;
import dev.model.run.NodeMessages;
import dev.model.run.NodeResult;
import dev.model.run.NodeStatus;
import dev.model.run.PhaseTimer;
import dev.model.run.TimingInfo;
import dev.model.run.execute.ExecutionContext;
import dev.model.run.execute.NodeExecutor;
import dev.model.run.schedule.CancellationToken;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds one model: compiles it against its session ({@code is_incremental()} answered from the
 * relation cache), writes {@code target/compiled/} and {@code target/run/}, runs its pre-hooks,
 * its materialization, its post-hooks and {@code persist_docs}. Never throws: a warehouse error
 * becomes dbt's {@code Database Error in model ...} result, a template error a
 * {@code Compilation Error}. Thread-safe; one instance serves every model of an invocation.
 */
public final class ModelExecutor implements NodeExecutor {

    private volatile Chooser chooser;

    /** Materializations are looked up once per Jinja engine, i.e. once per invocation. */
    private record Chooser(JinjaEngine jinja, Materializations materializations) {
    }

    @Override
    public NodeResult execute(Node node, ExecutionContext context, Session session, CancellationToken token) {
        if (!(node instanceof ModelNode model)) {
            return NodeResult.error(node.uniqueId(), "Internal error: the model executor was given "
                    + node.resourceType().dbtName() + " " + node.uniqueId());
        }
        PhaseTimer timer = new PhaseTimer(Clock.systemUTC());
        Relation target = context.compiler().relationOf(model);
        ModelBuild[] build = new ModelBuild[1];
        CompiledNode[] compiled = new CompiledNode[1];
        try (CancellationToken.Registration ignored = token.onCancel(session::cancel)) {
            Materialization materialization = materializations(context).forNode(model);
            timer.time(TimingInfo.COMPILE, () -> {
                context.state().relations().ensureSchema(session, target.database(), target.schema());
                ExecutionScope scope = new ExecutionScope(model, context.graph(), context.compiler(), target,
                        session.queryRunner(), Map.of("model", dev.model.compile.NodeView.of(model)));
                ModelBuild probe = new ModelBuild(model, target, null, context, session, null, scope, null);
                boolean incremental = materialization.canBeIncremental() && IncrementalMaterialization.isIncremental(probe);
                if (materialization instanceof IncrementalMaterialization) {
                    IncrementalMaterialization.strategy(model.config(), context.jinja(), context.adapter().type());
                }
                compiled[0] = context.compiler().compileOne(model.uniqueId(), Optional.of(session.queryRunner()), incremental);
                context.state().compiled(compiled[0]);
                context.state().files().write(context.projectRoot().resolve(compiled[0].compiledPath()), compiled[0].compiledCode());
                ModelBuild full = new ModelBuild(model, target, compiled[0].compiledCode(), context, session, null, scope, null);
                ExecutionScope recording = new ExecutionScope(model, context.graph(), context.compiler(), target,
                        full.recordingRunner(), scope.extraContext());
                build[0] = new ModelBuild(model, target, compiled[0].compiledCode(), context, session,
                        new SqlMacros(context.jinja(), recording), recording,
                        Hooks.render(model, context.jinja(), recording));
            });
            timer.time(TimingInfo.EXECUTE, () -> {
                try {
                    materialize(build[0], materialization);
                } finally {
                    writeRunFile(context, model, build[0].executed());
                }
            });
            return NodeResult.builder(model.uniqueId(), NodeStatus.SUCCESS)
                    .timing(timer.timing())
                    .message(build[0].lastResult().message())
                    .adapterResponse(build[0].lastResult().adapterResponse())
                    .compiled(true)
                    .compiledCode(compiled[0].compiledCode())
                    .compiledPath(compiled[0].compiledPath())
                    .relationName(target.render())
                    .build();
        } catch (ModelException failure) {
            return failed(model, context, failure, timer, compiled[0], target);
        } catch (RuntimeException bug) {
            // the contract is a result per node, even for a bug in the engine or in jinjava
            return failed(model, context, ModelException.internal(bug.getClass().getSimpleName()
                    + (bug.getMessage() == null ? "" : ": " + bug.getMessage()), bug), timer, compiled[0], target);
        }
    }

    /** dbt's order: pre-hooks, the build, post-hooks, then grants and persist_docs on what was built. */
    private static void materialize(ModelBuild build, Materialization materialization) {
        if (!materialization.runsOwnHooks()) {
            build.hooks().pre().forEach(build::run);
        }
        Optional<Relation> before = materialization.appliesGrants() ? build.existing(build.target()) : Optional.empty();
        materialization.build(build);
        if (!materialization.runsOwnHooks()) {
            build.hooks().post().forEach(build::run);
        }
        if (!(materialization instanceof EphemeralMaterialization)) {
            Optional<Relation> built = build.existing(build.target());
            if (built.isPresent() && materialization.appliesGrants()) {
                Grants.apply(build.context(), build.grants(), build.node().config(), built.get(),
                        materialization.existedForGrants(before), materialization.replacesForGrants(build));
            }
            built.ifPresent(relation -> PersistDocs.apply(build, relation));
        }
    }

    private Materializations materializations(ExecutionContext context) {
        Chooser current = chooser;
        if (current == null || current.jinja() != context.jinja()) {
            current = new Chooser(context.jinja(), new Materializations(context.jinja(), context.adapter().type()));
            chooser = current;
        }
        return current.materializations();
    }

    private static NodeResult failed(ModelNode model, ExecutionContext context, ModelException failure,
                                     PhaseTimer timer, CompiledNode compiled, Relation target) {
        String where = model.name() + " (" + model.originalFilePath() + ")";
        String message;
        if (failure.category() == ErrorCategory.WAREHOUSE) {
            message = "Database Error in model " + where + "\n" + NodeMessages.indent(NodeMessages.warehouseMessage(failure))
                    + "\n  compiled code at " + runPath(context, model);
        } else {
            message = "Compilation Error in model " + where + "\n" + NodeMessages.indent(failure.describe());
        }
        NodeResult.Builder result = NodeResult.builder(model.uniqueId(), NodeStatus.ERROR)
                .timing(timer.timing())
                .message(message)
                .compiled(compiled != null)
                .relationName(target.render());
        if (compiled != null) {
            result.compiledCode(compiled.compiledCode());
        }
        return result.build();
    }



    /** {@code target/run/<package>/<file>}, where dbt writes the statements a model ran. */
    static String runPath(ExecutionContext context, Node node) {
        return context.project().config().paths().targetPath() + "/run/" + node.packageName() + "/"
                + node.originalFilePath();
    }

    private static void writeRunFile(ExecutionContext context, Node node, List<String> statements) {
        if (statements.isEmpty()) {
            return;
        }
        context.state().files().write(context.projectRoot().resolve(runPath(context, node)),
                String.join(";\n\n", statements) + ";\n");
    }
}
