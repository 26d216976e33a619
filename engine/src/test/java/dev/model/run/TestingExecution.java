package dev.model.run;

import dev.model.adapter.Adapters;
import dev.model.adapter.Session;
import dev.model.adapter.WarehouseAdapter;
import dev.model.log.Log;
import dev.model.parse.Node;
import dev.model.run.execute.ExecutionContext;
import dev.model.run.execute.NodeExecutor;
import dev.model.run.execute.RunFlags;
import dev.model.run.schedule.CancellationToken;
import dev.model.task.CompileTask;
import dev.model.task.InvocationOptions;
import dev.model.task.LoadedProject;
import dev.model.task.ProjectSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A project in a temporary folder, parsed as the CLI would, with a real DuckDB or H2 warehouse
 * (a file in the folder) to execute its nodes against. Each {@link #execute} parses the project
 * again, so tests can change files between runs as a user would.
 */
public final class TestingExecution implements AutoCloseable {

    public enum Warehouse { DUCKDB, H2 }

    private final Path root;
    private final Warehouse warehouse;
    private WarehouseAdapter adapter;

    public TestingExecution(Path root, Warehouse warehouse) {
        this.root = root;
        this.warehouse = warehouse;
        file("dbt_project.yml", """
                name: shop
                version: '1.0'
                config-version: 2
                profile: shop
                """);
        String output = warehouse == Warehouse.DUCKDB
                ? "type: duckdb\n      path: warehouse.duckdb\n      schema: main"
                : "type: h2\n      path: warehouse\n      schema: PUBLIC";
        file("profiles.yml", "shop:\n  target: dev\n  outputs:\n    dev:\n      " + output + "\n      threads: 1\n");
    }

    public Warehouse warehouse() {
        return warehouse;
    }

    public TestingExecution file(String relativePath, String content) {
        Path file = root.resolve(relativePath);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public Path root() {
        return root;
    }

    public LoadedProject load() {
        InvocationOptions options = new InvocationOptions(root, Optional.of(root), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), List.of(), false, Map.of(), root.resolve("home"));
        return ProjectSession.open(options, Log.silent());
    }

    public WarehouseAdapter adapter() {
        if (adapter == null) {
            adapter = Adapters.discover().open(load().target(), root, Log.silent());
        }
        return adapter;
    }

    /** Parses the project as it is now: the context every node of one invocation gets. */
    public ExecutionContext context(RunFlags flags) {
        LoadedProject project = load();
        return new ExecutionContext(project.parsed(), project.graph(), project.jinja(),
                CompileTask.compiler(project), adapter(), flags, root, Log.silent());
    }

    /** Executes one node in a context, on its own session, as the scheduler would. */
    public NodeResult execute(NodeExecutor executor, String uniqueId, ExecutionContext context) {
        Node node = context.graph().node(uniqueId);
        try (Session session = adapter().openSession(uniqueId)) {
            return executor.execute(node, context, session, new CancellationToken());
        }
    }

    /** Parses the project as it is now and executes one node, as the scheduler would. */
    public NodeResult execute(NodeExecutor executor, String uniqueId, RunFlags flags) {
        return execute(executor, uniqueId, context(flags));
    }

    public NodeResult execute(NodeExecutor executor, String uniqueId) {
        return execute(executor, uniqueId, RunFlags.defaults(1));
    }

    /** Rows of a query as lists, for assertions. */
    public List<List<Object>> rows(String sql) {
        return adapter().query(sql, 0).rows();
    }

    @Override
    public void close() {
        if (adapter != null) {
            adapter.close();
        }
    }
}
