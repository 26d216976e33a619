package dev.model.task;

import dev.model.adapter.Adapters;
import dev.model.artifacts.ArtifactMetadata;
import dev.model.artifacts.ManifestWriter;
import dev.model.compile.CompiledFiles;
import dev.model.compile.CompiledProject;
import dev.model.compile.Compiler;
import dev.model.compile.NodeRelations;
import dev.model.jinja.QueryRunner;
import dev.model.log.Log;
import dev.model.parse.Dependencies;
import dev.model.parse.ModelNode;
import dev.model.parse.Node;
import dev.model.parse.NodeConfig;
import dev.model.parse.ResourceType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code model compile}: compiles the selected nodes, writes their SQL and the manifest. */
public final class CompileTask {

    public record Result(CompiledProject compiled, Path manifest) {
    }

    /** dbt's name for the node of an {@code --inline} query. */
    public static final String INLINE_NAME = "inline_query";

    private CompileTask() {
    }

    public static Compiler compiler(LoadedProject project) {
        return compiler(project, Optional.empty());
    }

    /** A compiler whose templates send {@code run_query} and {@code statement} to {@code queries}. */
    public static Compiler compiler(LoadedProject project, Optional<QueryRunner> queries) {
        return new Compiler(project.parsed(), project.graph(), project.jinja(), naming(project), queries, node -> false);
    }

    /** Where each node lives in the warehouse, known without connecting. */
    public static NodeRelations naming(LoadedProject project) {
        return new NodeRelations(project.jinja(), project.config().name(), project.target(),
                Adapters.discover().factory(project.target().type()).quoting());
    }

    /** Compiles without a warehouse: a template that calls {@code run_query} fails. */
    public static Result run(LoadedProject project, Collection<String> selected) {
        return compileAndWrite(project, selected, compiler(project), Log.silent());
    }

    /** Compiles without a warehouse, with the phase timings in the debug log. */
    public static Result run(LoadedProject project, Collection<String> selected, Log log) {
        return compileAndWrite(project, selected, compiler(project), log);
    }

    /**
     * Compiles as dbt does: a template that calls {@code run_query} or {@code statement} with
     * {@code execute} true queries the target's warehouse, opened on first use and closed here.
     *
     * @param workingDir where relative paths of the profile (a DuckDB file) resolve
     */
    public static Result run(LoadedProject project, Collection<String> selected, Path workingDir, Log log) {
        try (LazyWarehouse warehouse = new LazyWarehouse(project.target(), workingDir, log)) {
            return compileAndWrite(project, selected, compiler(project, Optional.of(warehouse)), log);
        }
    }

    /**
     * Compiles SQL given on the command line ({@code --inline}), as a model of the root project
     * named {@code inline_query}; queries reach the warehouse as in {@link #run(LoadedProject, Collection, Path, Log)}.
     */
    public static String compileInline(LoadedProject project, String sql, Path workingDir, Log log) {
        try (LazyWarehouse warehouse = new LazyWarehouse(project.target(), workingDir, log)) {
            return compileInline(project, sql, Optional.of(warehouse));
        }
    }

    /** {@link #compileInline(LoadedProject, String, Path, Log)} with templates querying {@code queries}. */
    public static String compileInline(LoadedProject project, String sql, Optional<QueryRunner> queries) {
        String packageName = project.config().name();
        ModelNode inline = new ModelNode("sql_operation." + packageName + "." + INLINE_NAME, INLINE_NAME, packageName,
                INLINE_NAME, Path.of(INLINE_NAME), sql, NodeConfig.EMPTY, List.of(packageName, INLINE_NAME), "",
                Map.of(), Dependencies.NONE, null);
        return compiler(project, queries).compileInline(inline, naming(project).relationOf(inline), queries);
    }

    private static Result compileAndWrite(LoadedProject project, Collection<String> selected, Compiler compiler,
                                          Log log) {
        long start = System.nanoTime();
        List<String> withCode = selected.stream()
                .filter(id -> hasCode(project.graph().node(id)))
                .toList();
        CompiledProject compiled = compiler.compile(withCode);
        long compiledAt = System.nanoTime();
        // The SQL files and the manifest do not depend on each other: write them side by side.
        java.util.concurrent.CompletableFuture<Long> files = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            CompiledFiles.write(project.config().root(), compiled.nodes().values());
            return System.nanoTime();
        });
        Path manifest = writeManifest(project, compiled);
        long manifestAt = System.nanoTime();
        long filesAt = joinWrites(files);
        log.debug(String.format("Compiled %d nodes in %d ms; wrote their files in %d ms and the manifest in %d ms, concurrently",
                withCode.size(), (compiledAt - start) / 1_000_000, (filesAt - compiledAt) / 1_000_000,
                (manifestAt - compiledAt) / 1_000_000));
        return new Result(compiled, manifest);
    }

    private static long joinWrites(java.util.concurrent.CompletableFuture<Long> files) {
        try {
            return files.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof dev.model.error.ModelException error) {
                throw error;
            }
            throw dev.model.error.ModelException.internal("writing compiled files failed", e.getCause());
        }
    }

    public static Path writeManifest(LoadedProject project, CompiledProject compiled) {
        ArtifactMetadata metadata = new ArtifactMetadata(ManifestWriter.SCHEMA, ArtifactMetadata.DBT_VERSION,
                Instant.now(), project.invocationId());
        return new ManifestWriter().write(project.config().targetDir(), new ManifestWriter.Inputs(project.parsed(),
                project.graph(), compiled.relations(), compiled.nodes(), metadata, project.target().type()));
    }

    private static boolean hasCode(Node node) {
        ResourceType type = node.resourceType();
        return type == ResourceType.MODEL || type == ResourceType.SNAPSHOT || type == ResourceType.TEST;
    }
}
