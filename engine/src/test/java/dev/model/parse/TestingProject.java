package dev.model.parse;

import dev.model.project.ProjectConfig;
import dev.model.project.ProjectLoader;
import dev.model.project.Target;
import dev.model.project.TestingFiles;
import dev.model.project.TestingLog;

import java.nio.file.Path;
import java.util.Map;

/** A small dbt project written to a folder and parsed with a DuckDB target. */
final class TestingProject {

    private final Path root;
    final TestingLog log = new TestingLog();
    private Map<String, Object> cliVars = Map.of();
    private Map<String, String> env = Map.of();

    TestingProject(Path root) {
        this.root = root;
    }

    TestingProject file(String relative, String text) {
        TestingFiles.write(root, relative, text);
        return this;
    }

    TestingProject vars(Map<String, Object> vars) {
        this.cliVars = vars;
        return this;
    }

    TestingProject env(Map<String, String> env) {
        this.env = env;
        return this;
    }

    Path path(String relative) {
        return root.resolve(relative).toAbsolutePath().normalize();
    }

    ParsedProject parse() {
        ProjectConfig config = ProjectLoader.load(root, log, env, cliVars);
        Target target = new Target("shop", "dev", "duckdb", "dev", "main", 1, Map.of("type", "duckdb", "path", "dev.duckdb"));
        return new ProjectParser(config, target, cliVars, env, log, "test-invocation").parse();
    }
}
