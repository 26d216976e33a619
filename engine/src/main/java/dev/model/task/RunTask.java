package dev.model.task;

import dev.model.adapter.Adapters;
import dev.model.adapter.Relation;
import dev.model.adapter.Session;
import dev.model.adapter.WarehouseAdapter;
import dev.model.artifacts.ArtifactMetadata;
import dev.model.artifacts.RunResultsWriter;
import dev.model.compile.CompiledProject;
import dev.model.compile.Compiler;
import dev.model.error.ModelException;
import dev.model.graph.ProjectGraph;
import dev.model.log.Log;
import dev.model.parse.Node;
import dev.model.parse.ResourceType;
import dev.model.run.NodeResult;
import dev.model.run.NodeStatus;
import dev.model.run.RunResults;
import dev.model.run.execute.ExecutionContext;
import dev.model.run.execute.NodeExecutor;
import dev.model.run.execute.RunFlags;
import dev.model.run.execute.RunState;
import dev.model.run.materialize.ModelExecutor;
import dev.model.run.materialize.ProjectHooks;
import dev.model.run.report.NodeDescription;
import dev.model.run.report.ReportingListener;
import dev.model.run.report.RunReporter;
import dev.model.run.schedule.DagExecutor;
import dev.model.run.schedule.ExecutionOutcome;
import dev.model.run.schedule.ExecutorOptions;
import dev.model.run.schedule.NodeRunner;
import dev.model.run.schedule.ShutdownCancellation;
import dev.model.run.schedule.WorkGraph;
import dev.model.run.test.TestExecutor;
import dev.model.run.test.UnitTestExecutor;
import dev.model.parse.UnitTestDefinition;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code model run} and every command that builds nodes in dependency order (seed, snapshot,
 * build): opens the warehouse, runs the project's on-run-start hooks, the selected nodes of the
 * requested resource types on {@code --threads} workers (each node on its own session, handed
 * to the {@link NodeExecutor} of its resource type), then on-run-end, and writes
 * {@code run_results.json} and {@code manifest.json}. Ephemeral models are never run; a node
 * below one waits for the ephemeral model's own parents.
 */
public final class RunTask {

    /**
     * @param command         {@code which} in run_results.json args, e.g. {@code run}
     * @param resourceTypes   the kinds of node this command builds, e.g. MODEL for {@code run}
     * @param executors       who builds each kind; seeds, snapshots and tests plug in here
     * @param runProjectHooks whether on-run-start/on-run-end run (dbt: run, seed, snapshot, build, test)
     */
    public record Request(String command, Set<ResourceType> resourceTypes, Map<ResourceType, NodeExecutor> executors,
                          RunFlags flags, boolean runProjectHooks) {
        public Request {
            resourceTypes = Set.copyOf(resourceTypes);
            executors = Map.copyOf(executors);
        }
    }

    /** What ran, and where run_results.json was written. */
    public record Result(RunResults results, Path runResults, Path manifest) {
        public boolean succeeded() {
            return results.succeeded();
        }
    }

    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(60);
    private static final String CUSTOM_ENV_PREFIX = "DBT_ENV_CUSTOM_ENV_";

    private RunTask() {
    }

    /** {@code model run}: models only, through their materializations. */
    public static Request runRequest(RunFlags flags) {
        Map<ResourceType, NodeExecutor> executors = new EnumMap<>(ResourceType.class);
        executors.put(ResourceType.MODEL, new ModelExecutor());
        return new Request("run", Set.of(ResourceType.MODEL), executors, flags, true);
    }

    /** {@code model seed}: CSV files into tables. */
    public static Request seedRequest(RunFlags flags) {
        return new Request("seed", Set.of(ResourceType.SEED),
                Map.of(ResourceType.SEED, new dev.model.run.seed.SeedExecutor()), flags, true);
    }

    /** {@code model snapshot}: SCD type 2 history of the snapshots' queries. */
    public static Request snapshotRequest(RunFlags flags) {
        return new Request("snapshot", Set.of(ResourceType.SNAPSHOT),
                Map.of(ResourceType.SNAPSHOT, new dev.model.run.snapshot.SnapshotExecutor()), flags, true);
    }

    /**
     * {@code model build}: seeds, snapshots and models together, in one dependency order, so a
     * model waits for the seed it reads and a snapshot for the model it watches.
     */
    public static Request buildRequest(RunFlags flags) {
        Map<ResourceType, NodeExecutor> executors = new EnumMap<>(ResourceType.class);
        executors.put(ResourceType.MODEL, new ModelExecutor());
        executors.put(ResourceType.SEED, new dev.model.run.seed.SeedExecutor());
        executors.put(ResourceType.SNAPSHOT, new dev.model.run.snapshot.SnapshotExecutor());
        executors.put(ResourceType.TEST, new TestExecutor(false));
        return new Request("build", executors.keySet(), executors, flags, true);
    }

    /** {@code model build --warn-error}: as {@link #buildRequest}, with tests that would warn failing instead. */
    public static Request buildRequest(RunFlags flags, boolean warnError) {
        Request plain = buildRequest(flags);
        Map<ResourceType, NodeExecutor> executors = new EnumMap<>(plain.executors());
        executors.put(ResourceType.TEST, new TestExecutor(warnError));
        return new Request("build", executors.keySet(), executors, flags, true);
    }

    /** {@code model test}: the data tests of the selection, against what the warehouse holds. */
    public static Request testRequest(RunFlags flags, boolean warnError) {
        return new Request("test", Set.of(ResourceType.TEST), Map.of(ResourceType.TEST, new TestExecutor(warnError)),
                flags, true);
    }

    public static Result execute(LoadedProject project, InvocationOptions options, Set<String> selected,
                                 Request request, RunReporter reporter, Log log) {
        return execute(project, options, selected, List.of(), request, reporter, log);
    }

    /**
     * As {@link #execute(LoadedProject, InvocationOptions, Set, Request, RunReporter, Log)}, with unit
     * tests too: each runs before the model it tests, which is skipped when it fails (dbt build).
     */
    public static Result execute(LoadedProject project, InvocationOptions options, Set<String> selected,
                                 List<UnitTestDefinition> unitTests, Request request, RunReporter reporter, Log log) {
        List<String> runnable = runnable(project.graph(), selected, request.resourceTypes());
        Instant started = Instant.now();
        long startNanos = System.nanoTime();
        Compiler compiler = CompileTask.compiler(project);
        try (WarehouseAdapter adapter = Adapters.discover().open(project.target(), project.config().root(), log);
             RunState state = new RunState(adapter)) {
            ExecutionContext context = new ExecutionContext(project.parsed(), project.graph(), project.jinja(), compiler,
                    adapter, request.flags(), project.config().root(), log, state);
            return run(project, options, runnable, unitTests, request, reporter, context, started, startNanos);
        }
    }

    private static Result run(LoadedProject project, InvocationOptions options, List<String> nodes,
                              List<UnitTestDefinition> unitTests, Request request,
                              RunReporter reporter, ExecutionContext context, Instant started, long startNanos) {
        Map<String, UnitTestDefinition> units = new LinkedHashMap<>();
        unitTests.forEach(unit -> units.put(unit.uniqueId(), unit));
        List<String> runnable = new ArrayList<>(units.keySet());
        runnable.addAll(nodes);
        Compiler compiler = context.compiler();
        RunState state = context.state();
        int threads = Math.max(1, request.flags().threads());
        reporter.runStarted(threads, project.target().name());

        List<NodeResult> results = new ArrayList<>();
        Map<String, NodeDescription> descriptions = new LinkedHashMap<>();
        units.values().forEach(unit -> descriptions.put(unit.uniqueId(), new NodeDescription(unit.uniqueId(),
                ResourceType.UNIT_TEST, unit.name(), "sql", null, null, unit.originalFilePath())));
        descriptions.putAll(describe(project, compiler, nodes));
        List<NodeResult> startHooks = request.runProjectHooks()
                ? runHooks(context, reporter, "on-run-start", project.config().onRunStart(), Map.of()) : List.of();
        results.addAll(startHooks);
        boolean startFailed = startHooks.stream().anyMatch(r -> r.status().isFailure());

        ExecutionOutcome outcome;
        if (startFailed) {
            List<NodeResult> skipped = new ArrayList<>();
            for (String id : runnable) {
                skipped.add(NodeResult.skipped(id, "Skipping because an on-run-start hook failed"));
            }
            outcome = new ExecutionOutcome(skipped, false, java.util.Optional.empty());
        } else {
            Map<String, Set<String>> parents = parentsThroughEphemerals(project.graph(), nodes);
            TestEdges.add(project.graph(), parents);
            for (UnitTestDefinition unit : units.values()) {
                parents.put(unit.uniqueId(), new TreeSet<>());
                Set<String> model = parents.get("model." + unit.packageName() + "." + unit.model());
                if (model != null) {
                    model.add(unit.uniqueId());
                }
            }
            WorkGraph work = WorkGraph.restrictedTo(parents, new LinkedHashSet<>(runnable));
            NodeRunner runner = nodeRunner(context, request.executors(), units);
            DagExecutor executor = new DagExecutor(work, runner, ExecutorOptions.of(threads, request.flags().failFast()),
                    new ReportingListener(reporter, descriptions));
            try (ShutdownCancellation guard = ShutdownCancellation.install(executor, SHUTDOWN_WAIT)) {
                outcome = executor.run();
            }
        }
        results.addAll(outcome.results());

        if (request.runProjectHooks()) {
            results.addAll(runHooks(context, reporter, "on-run-end", project.config().onRunEnd(),
                    endHookContext(outcome.results(), compiler, project.graph())));
        }
        state.files().flush();
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        RunResults runResults = new RunResults(project.invocationId(), started, Instant.now(), results, elapsed,
                args(request, options), outcome.cancelled());
        Path runResultsFile = new RunResultsWriter(ArtifactMetadata.DBT_VERSION, customEnv(options.env()))
                .write(runResults, project.config().targetDir());
        Path manifest = CompileTask.writeManifest(project, new CompiledProject(state.compiledNodes(), compiler.relations()));
        List<NodeDescription> summaryNodes = new ArrayList<>();
        for (NodeResult result : results) {
            summaryNodes.add(descriptions.getOrDefault(result.uniqueId(), NodeDescription.fromUniqueId(result.uniqueId())));
        }
        reporter.runFinished(runResults, summaryNodes);
        return new Result(runResults, runResultsFile, manifest);
    }

    /** The selected nodes this command builds, ephemeral models left out, in graph order. */
    static List<String> runnable(ProjectGraph graph, Set<String> selected, Set<ResourceType> types) {
        List<String> ids = new ArrayList<>();
        for (String id : graph.topologicalOrder()) {
            Node node = graph.node(id);
            if (selected.contains(id) && types.contains(node.resourceType()) && !Compiler.isEphemeral(node)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /**
     * Each node's parents, with an ephemeral parent replaced by its own parents (recursively):
     * an ephemeral model is not run, but what it reads must be built before its consumers.
     */
    static Map<String, Set<String>> parentsThroughEphemerals(ProjectGraph graph, List<String> nodes) {
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        for (String id : nodes) {
            Set<String> out = new TreeSet<>();
            collectParents(graph, id, out, new java.util.HashSet<>());
            parents.put(id, out);
        }
        return parents;
    }

    private static void collectParents(ProjectGraph graph, String id, Set<String> out, Set<String> seen) {
        for (String parent : graph.parents(id)) {
            if (!seen.add(parent)) {
                continue;
            }
            if (Compiler.isEphemeral(graph.node(parent))) {
                collectParents(graph, parent, out, seen);
            } else {
                out.add(parent);
            }
        }
    }

    private static NodeRunner nodeRunner(ExecutionContext context, Map<ResourceType, NodeExecutor> executors,
                                         Map<String, UnitTestDefinition> units) {
        UnitTestExecutor unitExecutor = new UnitTestExecutor();
        return (id, token) -> {
            UnitTestDefinition unit = units.get(id);
            if (unit != null) {
                try (Session session = context.adapter().openSession(id)) {
                    return unitExecutor.execute(unit, context, session, token);
                } catch (ModelException failure) {
                    return NodeResult.error(id, failure.describe());
                }
            }
            Node node = context.graph().node(id);
            NodeExecutor executor = executors.get(node.resourceType());
            if (executor == null) {
                return NodeResult.error(id, "Internal error: no executor for " + node.resourceType().dbtName() + " nodes");
            }
            try (Session session = context.adapter().openSession(id)) {
                String tag = node.config().getString("query_tag");
                if (tag == null) {
                    return executor.execute(node, context, session, token);
                }
                try (Session.QueryTagScope ignored = session.withQueryTag(tag)) {
                    return executor.execute(node, context, session, token);
                }
            } catch (ModelException failure) {
                return NodeResult.error(id, failure.describe());
            }
        };
    }

    private static List<NodeResult> runHooks(ExecutionContext context, RunReporter reporter, String event,
                                             List<String> hooks, Map<String, Object> names) {
        List<NodeResult> results = new ArrayList<>();
        String project = context.project().config().name();
        for (int i = 0; i < hooks.size(); i++) {
            NodeDescription description = hookDescription(project, event, i);
            reporter.nodeStarted(description, i + 1, hooks.size());
            long start = System.nanoTime();
            NodeResult result = ProjectHooks.run(context, event, i, hooks.get(i), names);
            result = result.toBuilder().threadId(Thread.currentThread().getName())
                    .executionTime((System.nanoTime() - start) / 1e9).build();
            reporter.nodeFinished(description, result, i + 1, hooks.size());
            results.add(result);
            if (result.status().isFailure()) {
                break;
            }
        }
        return results;
    }

    private static NodeDescription hookDescription(String project, String event, int index) {
        return new NodeDescription(ProjectHooks.uniqueId(project, event, index), ResourceType.OPERATION,
                project + "-" + event + "-" + index, "sql", null, null, "dbt_project.yml");
    }

    /** on-run-end sees {@code schemas} (those built into) and {@code results}, as in dbt. */
    private static Map<String, Object> endHookContext(List<NodeResult> results, Compiler compiler, ProjectGraph graph) {
        Set<String> schemas = new TreeSet<>();
        List<Map<String, Object>> resultMaps = new ArrayList<>();
        for (NodeResult result : results) {
            graph.find(result.uniqueId()).ifPresent(node -> {
                if (result.status() == NodeStatus.SUCCESS) {
                    Relation relation = compiler.relationOf(node);
                    if (relation.schema() != null) {
                        schemas.add(relation.schema());
                    }
                }
            });
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("unique_id", result.uniqueId());
            map.put("status", result.status().dbtName());
            map.put("message", result.message());
            map.put("execution_time", result.executionTime());
            resultMaps.add(map);
        }
        Map<String, Object> names = new LinkedHashMap<>();
        names.put("schemas", List.copyOf(schemas));
        names.put("results", resultMaps);
        return names;
    }

    private static Map<String, NodeDescription> describe(LoadedProject project, Compiler compiler, List<String> ids) {
        Map<String, NodeDescription> out = new LinkedHashMap<>();
        for (String id : ids) {
            Node node = project.graph().node(id);
            Relation relation = compiler.relationOf(node);
            String materialization = node.resourceType() == ResourceType.MODEL ? node.config().materialized() : null;
            String shown = relation.schema() == null ? relation.identifier() : relation.schema() + "." + relation.identifier();
            out.put(id, new NodeDescription(id, node.resourceType(), node.name(), "sql", materialization,
                    node.resourceType() == ResourceType.TEST ? null : shown, node.originalFilePath()));
        }
        return out;
    }

    private static Map<String, Object> args(Request request, InvocationOptions options) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("which", request.command());
        args.put("select", options.select());
        args.put("exclude", options.exclude());
        args.put("full_refresh", request.flags().fullRefresh());
        args.put("fail_fast", request.flags().failFast());
        args.put("threads", request.flags().threads());
        args.put("project_dir", options.projectDir().toString());
        options.vars().ifPresent(vars -> args.put("vars", vars));
        options.target().ifPresent(target -> args.put("target", target));
        return args;
    }

    private static Map<String, String> customEnv(Map<String, String> env) {
        Map<String, String> out = new LinkedHashMap<>();
        env.forEach((key, value) -> {
            if (key.startsWith(CUSTOM_ENV_PREFIX)) {
                out.put(key.substring(CUSTOM_ENV_PREFIX.length()), value);
            }
        });
        return out;
    }
}
