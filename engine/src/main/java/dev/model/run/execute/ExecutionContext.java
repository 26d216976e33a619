package dev.model.run.execute;

import dev.model.adapter.WarehouseAdapter;
import dev.model.compile.Compiler;
import dev.model.graph.ProjectGraph;
import dev.model.jinja.JinjaEngine;
import dev.model.log.Log;
import dev.model.parse.ParsedProject;
import java.nio.file.Path;

/**
 * What every node of one invocation is executed with. Immutable and shared by the worker threads;
 * each node gets its own {@link dev.model.adapter.Session} on top.
 *
 * @param projectRoot absolute project directory; {@code target/run/} files are written under it
 * @param state       what the nodes share while they run: relation cache, compiled nodes
 */
public record ExecutionContext(
        ParsedProject project,
        ProjectGraph graph,
        JinjaEngine jinja,
        Compiler compiler,
        WarehouseAdapter adapter,
        RunFlags flags,
        Path projectRoot,
        Log log,
        RunState state) {

    /** A context with fresh run state: what every caller before {@link RunState} existed builds. */
    public ExecutionContext(ParsedProject project, ProjectGraph graph, JinjaEngine jinja, Compiler compiler,
                            WarehouseAdapter adapter, RunFlags flags, Path projectRoot, Log log) {
        this(project, graph, jinja, compiler, adapter, flags, projectRoot, log, new RunState(adapter));
    }

    public Path targetDir() {
        return projectRoot.resolve(project.config().paths().targetPath());
    }
}
