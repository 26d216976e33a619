package dev.model.task;

import dev.model.graph.ProjectGraph;
import dev.model.jinja.JinjaEngine;
import dev.model.parse.ParsedProject;
import dev.model.project.ProjectConfig;
import dev.model.project.Target;
import java.time.Instant;
import java.util.Map;

/** A project read, parsed and linked into its graph: what every command starts from. */
public record LoadedProject(
        ProjectConfig config,
        Target target,
        Map<String, Object> cliVars,
        JinjaEngine jinja,
        ParsedProject parsed,
        ProjectGraph graph,
        String invocationId,
        Instant startedAt) {
}
