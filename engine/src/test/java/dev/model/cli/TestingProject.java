package dev.model.cli;

import dev.model.project.TestingFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small dbt-format project written to a temporary folder, with a DuckDB profile in the project
 * folder. Tests add the files they need and run the CLI on it.
 */
final class TestingProject {

    private final Path root;

    private TestingProject(Path root) {
        this.root = root;
    }

    /** A project named {@code shop} with profile {@code shop} (target dev, in-memory DuckDB). */
    static TestingProject create(Path dir) {
        TestingProject project = new TestingProject(dir);
        project.file("dbt_project.yml", """
                name: shop
                version: '1.0'
                config-version: 2
                profile: shop
                """);
        project.file("profiles.yml", """
                shop:
                  target: dev
                  outputs:
                    dev:
                      type: duckdb
                      path: ':memory:'
                      threads: 2
                """);
        return project;
    }

    TestingProject file(String relativePath, String content) {
        TestingFiles.write(root, relativePath, content);
        return this;
    }

    String read(String relativePath) {
        try {
            return Files.readString(root.resolve(relativePath), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean exists(String relativePath) {
        return Files.exists(root.resolve(relativePath));
    }

    Path root() {
        return root;
    }
}
