package dev.model.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
        assertTrue(Files.exists(project.resolve("compat.duckdb")), "compat.duckdb was not opened in the project directory");
        assertEquals(List.of(), differences, () -> String.join("\n", differences));
    }

    @Test
    void writesAManifestThatAgreesWithDbtsOnIdentityNamesAndLineage() throws IOException {
        Path project = work.resolve("compat");
        copy(FIXTURE, project);

        TestingCli.Outcome outcome = TestingCli.run(work, Map.of("MODEL_COMPAT_ENV", "hello"), "compile",
                "--project-dir", project.toString(), "--profiles-dir", project.toString(),
                "--vars", "{\"override_me\": \"from_cli\"}", "--exclude", "uses_run_query");

        assertEquals(0, outcome.exitCode(), outcome::toString);
        ObjectMapper json = new ObjectMapper();
        JsonNode dbt = json.readTree(Path.of("src/test/resources/compat-golden/manifest.json").toFile());
        JsonNode ours = json.readTree(project.resolve("target/manifest.json").toFile());
        assertEquals(dbt.at("/metadata/dbt_schema_version"), ours.at("/metadata/dbt_schema_version"));
        List<String> differences = new ArrayList<>();
        for (String section : List.of("nodes", "sources")) {
            assertEquals(fieldNames(dbt.get(section)), fieldNames(ours.get(section)), section + " unique ids");
            dbt.get(section).fields().forEachRemaining(entry -> {
                JsonNode mine = ours.get(section).get(entry.getKey());
                for (String field : List.of("resource_type", "name", "package_name", "fqn", "original_file_path",
                        "database", "schema", "alias", "relation_name", "identifier")) {
                    JsonNode expected = entry.getValue().path(field);
                    JsonNode actual = mine.path(field);
                    boolean bothAbsent = (expected.isNull() || expected.isMissingNode()) && (actual.isNull() || actual.isMissingNode());
                    if (entry.getValue().has(field) && !bothAbsent && !expected.equals(actual)) {
                        differences.add(entry.getKey() + "." + field + ": dbt " + entry.getValue().get(field)
                                + ", model " + mine.get(field));
                    }
                }
                JsonNode dbtParents = entry.getValue().at("/depends_on/nodes");
                if (!dbtParents.isMissingNode() && !sorted(dbtParents).equals(sorted(mine.at("/depends_on/nodes")))) {
                    differences.add(entry.getKey() + ".depends_on.nodes: dbt " + dbtParents + ", model "
                            + mine.at("/depends_on/nodes"));
                }
            });
        }
        dbt.get("parent_map").fields().forEachRemaining(entry -> {
            if (!sorted(entry.getValue()).equals(sorted(ours.at("/parent_map").get(entry.getKey())))) {
                differences.add("parent_map." + entry.getKey() + ": dbt " + entry.getValue() + ", model "
                        + ours.at("/parent_map").get(entry.getKey()));
            }
        });
        assertEquals(List.of(), differences, () -> String.join("\n", differences));
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        return names;
    }

    private static List<String> sorted(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(value -> values.add(value.asText()));
        }
        values.sort(null);
        return values;
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
