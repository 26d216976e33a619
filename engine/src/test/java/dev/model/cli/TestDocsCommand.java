package dev.model.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TestDocsCommand {

    private static final Pattern DATA = Pattern.compile(
            "<script type=\"application/json\" id=\"docs-data\">(.*?)</script>", Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void generateWritesTheSiteTheCatalogFromTheWarehouseAndTheManifest() throws Exception {
        TestingProject project = TestingDocsProject.withExposures(TestingDocsProject.create(dir));
        TestingDocsProject.buildWarehouse(dir);

        TestingCli.Outcome outcome = TestingCli.inProject(dir, "docs", "generate");

        assertEquals(0, outcome.exitCode(), outcome::toString);
        assertTrue(outcome.out().contains("Docs of 12 nodes written to " + dir.resolve("target/index.html")),
                outcome.out());
        assertTrue(outcome.out().contains("2 relations do not exist in the warehouse yet"), outcome.out());
        assertTrue(project.exists("target/manifest.json"));

        JsonNode catalog = JSON.readTree(dir.resolve("target/catalog.json").toFile());
        assertEquals("https://schemas.getdbt.com/dbt/catalog/v1.json",
                catalog.path("metadata").path("dbt_schema_version").asText());
        assertEquals(List.of("model.shop.fct_orders", "model.shop.stg_customers", "model.shop.stg_orders",
                "seed.shop.raw_customers", "seed.shop.raw_orders"), sorted(catalog.get("nodes").fieldNames()));
        assertEquals(0, catalog.get("sources").size(), "the source table was never loaded");
        JsonNode fct = catalog.path("nodes").path("model.shop.fct_orders");
        assertEquals("BASE TABLE", fct.path("metadata").path("type").asText());
        assertEquals("main", fct.path("metadata").path("schema").asText());
        assertEquals("fct_orders", fct.path("metadata").path("name").asText());
        assertEquals("warehouse", fct.path("metadata").path("database").asText());
        assertTrue(fct.path("metadata").has("comment") && fct.path("metadata").has("owner"));
        JsonNode amount = fct.path("columns").path("amount");
        assertEquals("DOUBLE", amount.path("type").asText());
        assertEquals(2, amount.path("index").asInt());
        assertEquals("amount", amount.path("name").asText());
        assertTrue(amount.has("comment"));
        assertTrue(fct.path("stats").path("has_stats").path("value").asBoolean());
        assertEquals(1, fct.path("stats").path("row_count").path("value").asLong(), "DuckDB's estimate");
        JsonNode view = catalog.path("nodes").path("model.shop.stg_orders").path("stats");
        assertFalse(view.path("has_stats").path("value").asBoolean(), "views have no row count");
        assertEquals("VIEW", catalog.path("nodes").path("model.shop.stg_orders").path("metadata").path("type").asText());

        JsonNode data = pageData(project.read("target/index.html"));
        assertEquals("shop", data.path("project").asText());
        assertEquals(12, data.path("nodes").size());
        JsonNode exposure = node(data, "exposure.shop.weekly_revenue");
        assertEquals("exposure", exposure.path("type").asText());
        assertEquals("https://bi.example.com/dashboards/7", exposure.path("url").asText());
        assertEquals("fct_orders", data.path("nodes").get(exposure.path("parents").get(0).asInt()).path("name").asText());
        assertEquals(3, exposure.path("layer").asInt(), "right of its model");
        assertTrue(outcome.out().contains("Exposure 'churn_notebook' depends on ref('no_such_model'), which the project"
                + " does not have"), outcome.out());
        JsonNode page = node(data, "model.shop.fct_orders");
        assertEquals("#d9480f", page.path("color").asText(), "docs.node_color");
        assertEquals("table", page.path("materialized").asText());
        assertTrue(page.path("description").asText().contains("&lt;script&gt;window.__injected = 1&lt;/script&gt;"),
                page.path("description").asText());
        assertTrue(page.path("description").asText().contains("One row per <code>order</code>."),
                "the doc() block is resolved and rendered: " + page.path("description").asText());
        assertTrue(page.path("compiled").asText().contains("\"warehouse\".\"main\".\"stg_orders\""));
        assertEquals(2, page.path("layer").asInt(), "seeds at 0, staging at 1, the mart at 2");
        JsonNode customerName = page.path("lineage").path("customer_name");
        assertEquals("stg_customers", data.path("nodes").get(customerName.get(0).get(0).asInt()).path("name").asText());
        assertEquals("customer_name", customerName.get(0).get(1).asText());
    }

    @Test
    void anUnreachableWarehouseStillGivesThePageAndSaysSo() throws Exception {
        TestingProject project = TestingDocsProject.create(dir);
        project.file("profiles.yml", """
                shop:
                  target: dev
                  outputs:
                    dev:
                      type: duckdb
                      path: no/such/dir/warehouse.duckdb
                """);

        TestingCli.Outcome outcome = TestingCli.inProject(dir, "docs", "generate");

        assertEquals(0, outcome.exitCode(), outcome::toString);
        assertTrue(outcome.out().contains("Could not read the catalog from the warehouse: "), outcome.out());
        JsonNode data = pageData(project.read("target/index.html"));
        assertTrue(data.path("notes").get(0).asText().startsWith("Could not read the catalog from the warehouse"));
        JsonNode catalog = JSON.readTree(dir.resolve("target/catalog.json").toFile());
        assertEquals(0, catalog.path("nodes").size());
        assertTrue(catalog.path("errors").get(0).asText().contains("column types are missing"));
        JsonNode columns = node(data, "model.shop.stg_orders").path("columns");
        assertEquals("order_id", columns.get(0).path("name").asText(), "columns from the select list");
        assertFalse(columns.get(0).has("type"));
    }

    @Test
    void unparseableSqlIsNotedOnItsPage() throws Exception {
        TestingProject project = TestingProject.create(dir)
                .file("models/odd.sql", "select 1 as id from some_table match_recognize (partition by x)\n")
                .file("models/fine.sql", "select id from {{ ref('odd') }}\n");

        TestingCli.Outcome outcome = TestingCli.inProject(dir, "docs", "generate");

        assertEquals(0, outcome.exitCode(), outcome::toString);
        JsonNode data = pageData(project.read("target/index.html"));
        assertTrue(node(data, "model.shop.odd").path("lineageNote").asText()
                .startsWith("Column lineage skipped: the compiled SQL could not be parsed"), data.toString());
        assertEquals("odd", data.path("nodes").get(node(data, "model.shop.fine").path("lineage").path("id").get(0).get(0)
                .asInt()).path("name").asText());
    }

    @Test
    void aBrokenModelFailsWithItsFileAndLine() {
        TestingProject.create(dir).file("models/a.sql", "select 1 as id\n{% if true %}\nfrom x\n");

        TestingCli.Outcome outcome = TestingCli.inProject(dir, "docs", "generate");

        assertEquals(2, outcome.exitCode(), outcome::toString);
        assertEquals(1, outcome.errorLines().size(), outcome::toString);
        assertTrue(outcome.errorLines().get(0).contains("models/a.sql:"), outcome::toString);
    }

    @Test
    void serveWithoutGeneratedDocsSaysWhatToRun() {
        TestingProject.create(dir);

        TestingCli.Outcome outcome = TestingCli.inProject(dir, "docs", "serve", "--port", "0");

        assertEquals(2, outcome.exitCode(), outcome::toString);
        assertEquals(List.of("Error: No docs to serve: " + dir.resolve("target/index.html")
                + " does not exist; run 'model docs generate' first"), outcome.errorLines());
    }

    @Test
    void docsAloneListsItsSubcommands() {
        TestingCli.Outcome outcome = TestingCli.run(dir, java.util.Map.of(), "docs");

        assertEquals(0, outcome.exitCode(), outcome::toString);
        assertTrue(outcome.out().contains("generate") && outcome.out().contains("serve"), outcome.out());
    }

    @Test
    void helpNamesTheOptions() {
        TestingCli.Outcome generate = TestingCli.run(dir, java.util.Map.of(), "docs", "generate", "--help");
        assertEquals(0, generate.exitCode(), generate::toString);
        assertTrue(generate.out().contains("--project-dir") && generate.out().contains("--target"), generate.out());
        TestingCli.Outcome serve = TestingCli.run(dir, java.util.Map.of(), "docs", "serve", "--help");
        assertEquals(0, serve.exitCode(), serve::toString);
        assertTrue(serve.out().contains("--port=PORT") && serve.out().contains("default: 8080")
                && serve.out().contains("--host=HOST") && serve.out().contains("default: 127.0.0.1"), serve.out());
    }

    static JsonNode pageData(String html) throws Exception {
        Matcher matcher = DATA.matcher(html);
        assertTrue(matcher.find(), "the page embeds its data");
        return JSON.readTree(matcher.group(1));
    }

    static JsonNode node(JsonNode data, String id) {
        for (JsonNode node : data.path("nodes")) {
            if (node.path("id").asText().equals(id)) {
                return node;
            }
        }
        throw new AssertionError("no node " + id);
    }

    private static List<String> sorted(java.util.Iterator<String> names) {
        List<String> out = new ArrayList<>();
        names.forEachRemaining(out::add);
        out.sort(null);
        assertNotNull(out);
        return out;
    }
}
