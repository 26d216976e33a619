package dev.model.run.materialize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.model.adapter.Session;
import dev.model.log.Log;
import dev.model.parse.Node;
import dev.model.project.TestingFiles;
import dev.model.run.NodeResult;
import dev.model.run.execute.ExecutionContext;
import dev.model.run.execute.NodeExecutor;
import dev.model.run.execute.RunFlags;
import dev.model.run.schedule.CancellationToken;
import dev.model.task.CompileTask;
import dev.model.task.InvocationOptions;
import dev.model.task.LoadedProject;
import dev.model.task.ProjectSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A project with a {@code type: snowflake} profile whose nodes run against a
 * {@link TestingRecordingWarehouse} (a recording fixture, not Snowflake), and the golden files the
 * recorded SQL is compared with: {@code src/test/resources/snowflake-golden/<name>.sql}. With
 * {@code -Dgolden.update=true} the files are rewritten from the recording instead, to be reviewed.
 */
final class TestingRecordedProject {

    private final Path root;
    final TestingRecordingWarehouse warehouse = new TestingRecordingWarehouse("analytics", "dev");

    TestingRecordedProject(Path root) {
        this.root = root;
        file("dbt_project.yml", """
                name: shop
                version: '1.0'
                config-version: 2
                profile: shop
                """);
        file("profiles.yml", """
                shop:
                  target: dev
                  outputs:
                    dev:
                      type: snowflake
                      account: recording-fixture
                      user: model_user
                      password: not-a-real-password
                      role: TRANSFORMER
                      warehouse: TRANSFORMING
                      database: analytics
                      schema: dev
                      threads: 1
                """);
        file("models/sources.yml", """
                version: 2
                sources:
                  - name: raw
                    database: raw
                    schema: shop
                    tables:
                      - name: orders
                """);
    }

    TestingRecordedProject file(String relativePath, String content) {
        TestingFiles.write(root, relativePath, content);
        return this;
    }

    ExecutionContext context(RunFlags flags) {
        InvocationOptions options = new InvocationOptions(root, Optional.of(root), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), List.of(), false, Map.of(), root.resolve("home"));
        LoadedProject project = ProjectSession.open(options, Log.silent());
        return new ExecutionContext(project.parsed(), project.graph(), project.jinja(), CompileTask.compiler(project),
                warehouse, flags, root, Log.silent());
    }

    /** Runs one node as the scheduler would, on a fresh context (relation cache) and a recording session. */
    NodeResult execute(NodeExecutor executor, String uniqueId, RunFlags flags) {
        ExecutionContext context = context(flags);
        Node node = context.graph().node(uniqueId);
        try (Session session = warehouse.openSession(uniqueId)) {
            return executor.execute(node, context, session, new CancellationToken());
        } finally {
            context.state().close();
        }
    }

    NodeResult execute(NodeExecutor executor, String uniqueId) {
        return execute(executor, uniqueId, RunFlags.defaults(1));
    }

    /** The recorded statements equal {@code snowflake-golden/<name>.sql}. */
    void assertGolden(String name) {
        String actual = warehouse.transcript();
        String resource = "snowflake-golden/" + name + ".sql";
        if (Boolean.getBoolean("golden.update")) {
            Path source = Path.of("src/test/resources").resolve(resource);
            try {
                Files.createDirectories(source.getParent());
                Files.writeString(source, actual, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        try (InputStream in = TestingRecordedProject.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("no golden file " + resource + "; the recording was:\n" + actual);
            }
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), actual, "golden " + resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
