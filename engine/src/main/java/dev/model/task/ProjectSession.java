package dev.model.task;

import dev.model.graph.ProjectGraph;
import dev.model.jinja.JinjaEngine;
import dev.model.jinja.JinjaSettings;
import dev.model.log.Log;
import dev.model.parse.ParsedProject;
import dev.model.parse.ProjectParser;
import dev.model.project.CliVars;
import dev.model.project.ProfileLoader;
import dev.model.project.ProjectConfig;
import dev.model.project.ProjectLoader;
import dev.model.project.Target;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Reads a project from disk into a {@link LoadedProject}: config, profile, parse, graph. */
public final class ProjectSession {

    private ProjectSession() {
    }

    /** dbt makes the target folder first, so profiles may put a DuckDB file in it (target/dev.duckdb). */
    private static void createTargetDir(ProjectConfig config) {
        try {
            java.nio.file.Files.createDirectories(config.targetDir());
        } catch (java.io.IOException e) {
            throw new dev.model.error.ModelException(dev.model.error.ErrorCategory.PROJECT,
                    "Could not create the target folder " + config.targetDir() + ": " + e.getMessage(),
                    dev.model.error.SourceLocation.of(config.file()), e);
        }
    }

    public static LoadedProject open(InvocationOptions options, Log log) {
        Map<String, Object> cliVars = options.vars().map(CliVars::parse).orElse(Map.of());
        ProjectConfig config = ProjectLoader.load(options.projectDir(), log, options.env(), cliVars);
        Target target = ProfileLoader.load(config, options.profilesDir(), options.target(), options.env(), options.home());
        if (options.threads().isPresent()) {
            target = target.withThreads(options.threads().get());
        }
        createTargetDir(config);
        String invocationId = UUID.randomUUID().toString();
        Instant startedAt = Instant.now();
        JinjaSettings settings = new JinjaSettings(config.name(), target.type(), target.publicFields(), config.vars(),
                cliVars, config.dispatch(), invocationId, startedAt, options.env(), log);
        long parseStart = System.nanoTime();
        ParsedProject parsed = new ProjectParser(config, target, cliVars, options.env(), log, invocationId).parse();
        long graphStart = System.nanoTime();
        JinjaEngine jinja = JinjaEngine.create(parsed.macros(), settings);
        ProjectGraph graph = ProjectGraph.build(parsed);
        log.debug(String.format("Parsed %d nodes in %d ms; built the graph in %d ms", parsed.nodes().size(),
                (graphStart - parseStart) / 1_000_000, (System.nanoTime() - graphStart) / 1_000_000));
        return new LoadedProject(config, target, cliVars, jinja, parsed, graph, invocationId, startedAt);
    }
}
