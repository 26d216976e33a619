package dev.model.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles the {@code compat} fixture, a dbt project that uses every dbt context function, and
 * compares every compiled file with what real dbt-core + dbt-duckdb produced for it (committed
 * under {@code compat-golden/}; see its README for versions and command), apart from whitespace.
 */
final class TestDbtCompatibility {

    private static final Path FIXTURE = Path.of("src/test/resources/compat");
    private static final Path GOLDEN = Path.of("src/test/resources/compat-golden/compiled/compat");

    @TempDir
    Path work;

    @Test
    void compilesEveryNodeToTheSqlDbtProduces() throws IOException {
        Path project = work.resolve("compat");
        copy(FIXTURE, project);

        TestingCli.Outcome outcome = TestingCli.run(work, Map.of("MODEL_COMPAT_ENV", "hello"), "compile",
                "--project-dir", project.toString(), "--profiles-dir", project.toString(),
                "--vars", "{\"override_me\": \"from_cli\"}");

        assertEquals(0, outcome.exitCode(), outcome::toString);
        List<String> compared = new ArrayList<>();
        List<String> differences = new ArrayList<>();
        try (Stream<Path> files = Files.walk(GOLDEN)) {
            for (Path golden : files.filter(Files::isRegularFile).sorted().toList()) {
                String relative = GOLDEN.relativize(golden).toString().replace('\\', '/');
                Path ours = project.resolve("target/compiled/compat").resolve(relative);
                compared.add(relative);
                if (!Files.exists(ours)) {
                    differences.add(relative + ": not compiled");
                } else if (!normalized(Files.readString(golden)).equals(normalized(Files.readString(ours)))) {
                    differences.add(relative + ":\n  dbt:   " + normalized(Files.readString(golden))
                            + "\n  model: " + normalized(Files.readString(ours)));
                }
            }
        }
        assertTrue(compared.size() >= 10, () -> "too few golden files: " + compared);
        assertTrue(compared.contains("models/marts/uses_run_query.sql"), () -> "run_query model not compared: " + compared);
        // As dbt-duckdb, the profile's relative path is opened from the working directory.
        assertTrue(Files.exists(work.resolve("compat.duckdb")), "compat.duckdb was not opened in the working directory");
        assertEquals(List.of(), differences, () -> String.join("\n", differences));
    }

    /** Whitespace is the one thing allowed to differ: runs of it count as one space. */
    static String normalized(String sql) {
        return sql.replaceAll("\\s+", " ").trim();
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
