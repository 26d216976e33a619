package dev.model.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code model retry} after real runs on DuckDB. */
final class TestRetryCommand {

    @TempDir
    Path dir;

    private TestingWarehouseProject project() {
        return TestingWarehouseProject.create(dir, TestingWarehouseProject.Warehouse.DUCKDB)
                .file("models/reads_raw.sql", "select id from raw_orders")
                .file("models/below.sql", "select id * 10 as id from {{ ref('reads_raw') }}")
                .file("models/fine.sql", "select 1 as one");
    }

    private static Map<String, String> statuses(TestingWarehouseProject project) throws Exception {
        JsonNode root = new ObjectMapper().readTree(project.project().read("target/run_results.json"));
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode result : root.get("results")) {
            out.put(result.get("unique_id").asText(), result.get("status").asText());
        }
        return out;
    }

    @Test
    void reRunsOnlyTheNodesThatErroredOrWereSkipped() throws Exception {
        TestingWarehouseProject project = project();
        TestingCli.Outcome first = project.run("run");
        assertEquals(1, first.exitCode(), first::toString);
        assertEquals(Map.of("model.shop.reads_raw", "error", "model.shop.below", "skipped", "model.shop.fine", "success"),
                statuses(project));
        project.execute("create table main.raw_orders as select 4 as id");
        project.execute("drop view main.fine");

        TestingCli.Outcome retry = project.run("retry");

        assertEquals(0, retry.exitCode(), retry::toString);
        assertTrue(retry.out().contains("Retrying 2 node(s) of the previous 'run'"), retry::toString);
        assertEquals(Map.of("model.shop.reads_raw", "success", "model.shop.below", "success"), statuses(project));
        assertEquals(List.of("40"), project.rows("select id from main.below"));
        assertNull(project.relationType("main", "fine"), "fine succeeded before and must not run again");
        JsonNode args = new ObjectMapper().readTree(project.project().read("target/run_results.json")).get("args");
        assertEquals("run", args.get("which").asText());
    }

    @Test
    void aRetryThatFailsAgainExitsOneAndCanBeRetriedAgain() throws Exception {
        TestingWarehouseProject project = project();
        assertEquals(1, project.run("run").exitCode());

        TestingCli.Outcome again = project.run("retry");

        assertEquals(1, again.exitCode(), again::toString);
        assertEquals(Map.of("model.shop.reads_raw", "error", "model.shop.below", "skipped"), statuses(project));
        project.execute("create table main.raw_orders as select 1 as id");
        TestingCli.Outcome third = project.run("retry");
        assertEquals(0, third.exitCode(), third::toString);
        assertEquals(List.of("10"), project.rows("select id from main.below"));
    }

    @Test
    void usesTheVarsOfThePreviousRun() throws Exception {
        TestingWarehouseProject project = project()
                .file("models/reads_raw.sql", "select id from {{ var('source_table') }}");
        TestingCli.Outcome first = project.run("run", "--vars", "{source_table: other_orders}");
        assertEquals(1, first.exitCode(), first::toString);
        project.execute("create table main.other_orders as select 2 as id");

        TestingCli.Outcome retry = project.run("retry");

        assertEquals(0, retry.exitCode(), retry::toString);
        assertEquals(List.of("20"), project.rows("select id from main.below"));
    }

    @Test
    void nothingToRetryWhenEverythingSucceeded() throws Exception {
        TestingWarehouseProject project = project().file("models/reads_raw.sql", "select 3 as id");
        assertEquals(0, project.run("run").exitCode());
        String before = project.project().read("target/run_results.json");

        TestingCli.Outcome retry = project.run("retry");

        assertEquals(0, retry.exitCode(), retry::toString);
        assertTrue(retry.out().contains("Nothing to retry: no node of the previous 'run' ended in error, fail or skipped"),
                retry::toString);
        assertEquals(before, project.project().read("target/run_results.json"));
    }

    @Test
    void withoutAPreviousRunItIsAnError() {
        project();

        TestingCli.Outcome retry = TestingCli.inProject(dir, "retry");

        assertEquals(2, retry.exitCode(), retry::toString);
        assertEquals(List.of("Error: no previous run to retry: target/run_results.json not found"), retry.errorLines());
    }

    @Test
    void aPreviousCommandRetryCannotRunIsAnError() {
        project().file("target/run_results.json", """
                {"metadata": {"invocation_id": "x"}, "args": {"which": "docs"},
                 "results": [{"unique_id": "model.shop.fine", "status": "error"}]}
                """);

        TestingCli.Outcome retry = TestingCli.inProject(dir, "retry");

        assertEquals(2, retry.exitCode(), retry::toString);
        assertEquals(List.of("Error: model retry cannot re-run 'docs' yet; it re-runs: run, seed, snapshot, compile, test, build"),
                retry.errorLines());
    }

    @Test
    void aCorruptRunResultsFileIsAnErrorWithItsLocation() {
        project().file("target/run_results.json", "{\"results\": [\n  {\"unique_id\": }\n]}\n");

        TestingCli.Outcome retry = TestingCli.inProject(dir, "retry");

        assertEquals(2, retry.exitCode(), retry::toString);
        assertEquals(1, retry.errorLines().size(), retry::toString);
        String error = retry.errorLines().get(0);
        assertTrue(error.startsWith("Error: " + dir.resolve("target/run_results.json") + ":2:"), error);
        assertTrue(error.contains("run_results.json is not valid JSON"), error);
    }

    @Test
    void nodesDeletedSinceThePreviousRunAreLeftOut() throws Exception {
        TestingWarehouseProject project = project();
        assertEquals(1, project.run("run").exitCode());
        project.file("models/below.sql", "").project();
        java.nio.file.Files.delete(dir.resolve("models/below.sql"));
        project.execute("create table main.raw_orders as select 5 as id");

        TestingCli.Outcome retry = project.run("retry");

        assertEquals(0, retry.exitCode(), retry::toString);
        assertTrue(retry.out().contains("Not retrying 1 node(s) of the previous run that are no longer in the project"),
                retry::toString);
        assertEquals(Map.of("model.shop.reads_raw", "success"), statuses(project));
    }

    @Test
    void reRunsTheSeedsOfAPreviousSeedCommand() throws Exception {
        TestingWarehouseProject project = project()
                .file("seeds/customers.csv", "id,name\n1,Ana\n2,Ben\n")
                .file("seeds/countries.csv", "code\nPT\n")
                .file("target/run_results.json", """
                        {"metadata": {"invocation_id": "x"}, "args": {"which": "seed"}, "results": [
                          {"unique_id": "seed.shop.customers", "status": "error"},
                          {"unique_id": "seed.shop.countries", "status": "success"}]}
                        """);

        TestingCli.Outcome retry = project.run("retry");

        assertEquals(0, retry.exitCode(), retry::toString);
        assertEquals(List.of("1|Ana", "2|Ben"), project.rows("select id, name from main.customers order by id"));
        assertNull(project.relationType("main", "countries"), "a seed that succeeded is not loaded again");
        assertEquals(Map.of("seed.shop.customers", "success"), statuses(project));
    }
}
