package dev.model.project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Writes small project files, or a copy of the example project, into a temporary folder. */
public final class TestingFiles {

    private TestingFiles() {
    }

    public static Path write(Path root, String relative, String text) {
        Path file = root.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * project/ at the repository root copied to {@code parent/project}, without what a previous
     * run left (target/, logs/); returns the copy.
     */
    public static Path copyOfExampleProject(Path parent) {
        Path source = exampleProject();
        Path copy = parent.resolve("project");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path relative = source.relativize(file);
                if (relative.startsWith("target") || relative.startsWith("logs")) {
                    continue;
                }
                Path target = copy.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copy;
    }

    /** project/ at the repository root; tests run from the engine module or from the root. */
    public static Path exampleProject() {
        Path here = Path.of("").toAbsolutePath();
        for (Path candidate = here; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("project").resolve("dbt_project.yml"))) {
                return candidate.resolve("project");
            }
        }
        throw new IllegalStateException("no project/dbt_project.yml above " + here);
    }
}
