package dev.model.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import dev.model.error.SourceLocation;
import dev.model.run.NodeStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TestRunResultsReader {

    private final RunResultsReader reader = new RunResultsReader();

    @Test
    void readsARunResultsFileWrittenByDbt(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("run_results.json"), """
                {"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/run-results/v5.json",
                              "invocation_id": "abc"},
                 "results": [
                   {"status": "success", "unique_id": "model.shop.a", "timing": [], "execution_time": 2.5},
                   {"status": "runtime error", "unique_id": "source.shop.raw.orders"},
                   {"status": "warn", "unique_id": "test.shop.t1"},
                   {"status": "pass", "unique_id": "test.shop.t2"}
                 ],
                 "elapsed_time": 1.5,
                 "args": {"which": "run", "threads": 8}}
                """);
        PreviousRun previous = reader.read(file);
        assertEquals(NodeStatus.WARN, previous.statuses().get("test.shop.t1"));
        assertEquals(Set.of("source.shop.raw.orders"), previous.retryIds());
        assertEquals("run", previous.command());
        assertEquals(Map.of("model.shop.a", 2.5), previous.executionTimes());
        assertEquals(8, previous.args().get("threads"));
    }

    @Test
    void aMissingFileSaysToRunFirst(@TempDir Path dir) {
        ModelException error = assertThrows(ModelException.class, () -> reader.readFromTarget(dir));
        assertEquals(ErrorCategory.USAGE, error.category());
        assertEquals("Could not find a previous run: " + dir.resolve("run_results.json")
                + " does not exist; run a command such as 'model run' or 'model build' first", error.getMessage());
    }

    @Test
    void invalidJsonNamesTheLine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("run_results.json"), "{\n  \"results\": [\n    {\"status\": }\n]}");
        ModelException error = assertThrows(ModelException.class, () -> reader.read(file));
        assertEquals(ErrorCategory.PROJECT, error.category());
        assertEquals(3, error.location().orElseThrow().line());
        assertEquals(file, error.location().orElseThrow().file());
        assertEquals(true, error.getMessage().startsWith("run_results.json is not valid JSON: Unexpected character ('}'"));
    }

    @Test
    void aFileWithoutResultsIsRejected(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("run_results.json"), "{\"metadata\": {}}");
        ModelException error = assertThrows(ModelException.class, () -> reader.read(file));
        assertEquals("run_results.json has no 'results' list", error.getMessage());
        assertEquals(Optional.of(SourceLocation.of(file)), error.location());
    }

    @Test
    void anUnknownStatusIsRejected(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("run_results.json"),
                "{\"results\": [{\"status\": \"exploded\", \"unique_id\": \"model.shop.a\"}]}");
        ModelException error = assertThrows(ModelException.class, () -> reader.read(file));
        assertEquals("run_results.json gives 'model.shop.a' the unknown status 'exploded'", error.getMessage());
    }

    @Test
    void aResultWithoutUniqueIdIsRejected(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("run_results.json"), "{\"results\": [{\"status\": \"error\"}]}");
        ModelException error = assertThrows(ModelException.class, () -> reader.read(file));
        assertEquals("run_results.json has a result without a 'unique_id'", error.getMessage());
        assertEquals(Map.of(), reader.read(Files.writeString(dir.resolve("ok.json"), "{\"results\": []}")).args());
    }
}
