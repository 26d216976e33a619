package dev.model.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code model show} on an in-process DuckDB, as a user runs it. */
final class TestShowCommand {

    @TempDir
    Path dir;

    /** The shop project on a DuckDB file in which {@code orders} was already built. */
    private TestingProject shop() {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("shop.duckdb"));
             Statement statement = db.createStatement()) {
            statement.execute("create table orders as select * from (values (1, 'Ana', 10.5), (2, 'Ben', 20.25),"
                    + " (3, null, 7.0)) as t(order_id, customer, amount)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return TestingProject.create(dir)
                .file("profiles.yml", """
                        shop:
                          target: dev
                          outputs:
                            dev:
                              type: duckdb
                              path: shop.duckdb
                              threads: 1
                        """)
                .file("models/orders.sql", """
                        select * from (values
                            (1, 'Ana', 10.5), (2, 'Ben', 20.25), (3, null, 7.0), (4, 'Cy', 1.0),
                            (5, 'Di', 2.0), (6, 'Ed', 3.0), (7, 'Flo', 4.0)
                        ) as t(order_id, customer, amount)
                        order by order_id
                        """)
                .file("models/big_orders.sql", """
                        {{ config(materialized='ephemeral') }}
                        select * from {{ ref('orders') }} where amount > 10
                        """)
                .file("models/order_totals.sql", "select count(*) as orders from {{ ref('big_orders') }}\n")
                .file("models/schema.yml", """
                        version: 2
                        models:
                          - name: orders
                            columns:
                              - name: order_id
                                tests: [unique, not_null]
                        """);
    }

    private List<String> tableLines(TestingCli.Outcome outcome) {
        return outcome.out().lines().filter(line -> line.startsWith("|")).toList();
    }

    @Test
    void previewsTheFirstRowsOfTheSelectedModelAsATable() {
        shop();

        TestingCli.Outcome outcome = TestingCli.inProject(dir, "show", "--select", "orders", "--limit", "3");

        assertEquals(0, outcome.exitCode(), outcome::toString);
        assertTrue(outcome.out().startsWith("Previewing node 'orders':\n"), outcome::toString);
        assertEquals(List.of(
                "| order_id | customer | amount |",
                "| -------- | -------- | ------ |",
                "|        1 | Ana      |  10.50 |",
                "|        2 | Ben      |  20.25 |",
                "|        3 |          |   7.00 |"), tableLines(outcome), outcome::toString);
    }

    @Test
    void showsFiveRowsByDefaultAndEveryRowWithANegativeLimit() {
        shop();

        TestingCli.Outcome five = TestingCli.inProject(dir, "show", "-s", "orders");
        TestingCli.Outcome all = TestingCli.inProject(dir, "show", "-s", "orders", "--limit", "-1");

        assertEquals(0, five.exitCode(), five::toString);
        assertEquals(2 + 5, tableLines(five).size(), five::toString);
        assertEquals(0, all.exitCode(), all::toString);
        assertEquals(2 + 7, tableLines(all).size(), all::toString);
    }

    @Test
    void inlineSqlRendersRefsIncludingEphemeralModels() {
        shop();

        TestingCli.Outcome outcome = TestingCli.inProject(dir, "show", "--inline",
                "select count(*) as n from {{ ref('big_orders') }} where customer <> '{{ var('skip', 'x') }}'");

        assertEquals(0, outcome.exitCode(), outcome::toString);
        assertTrue(outcome.out().startsWith("Previewing inline node:\n"), outcome::toString);
        assertEquals(List.of("| n |", "| - |", "| 2 |"), tableLines(outcome), outcome::toString);
    }

    @Test
    void aModelReadingAnEphemeralModelIsPreviewedWithItsCte() {
        shop();

        TestingCli.Outcome outcome = TestingCli.inProject(dir, "show", "-s", "order_totals");

        assertEquals(0, outcome.exitCode(), outcome::toString);
        assertEquals(List.of("| orders |", "| ------ |", "|      2 |"), tableLines(outcome), outcome::toString);
    }

    @Test
    void jsonOutputHoldsTheNodeNameAndTheRows() throws Exception {
        shop();

        TestingCli.Outcome outcome = TestingCli.inProject(dir, "show", "-s", "orders", "--limit", "2",
                "--output", "json");

        assertEquals(0, outcome.exitCode(), outcome::toString);
        JsonNode json = new ObjectMapper().readTree(outcome.out());
        assertEquals("orders", json.get("node").asText());
        assertEquals(2, json.get("show").size());
        assertEquals("Ben", json.at("/show/1/customer").asText());
        assertEquals(20.25, json.at("/show/1/amount").asDouble());
        assertEquals(2, json.at("/show/1/order_id").asInt());
    }

    @Test
    void aSelectorMatchingNothingIsAnError() {
        shop();

        TestingCli.Outcome outcome = TestingCli.inProject(dir, "show", "-s", "ordres");

        assertEquals(2, outcome.exitCode(), outcome::toString);
        assertEquals(List.of("Error: Nothing to show: the selection matches no enabled node"
                + " (check the name, or use --inline to preview a query)"), outcome.errorLines());
        assertTrue(outcome.err().contains("The selection criterion 'ordres' does not match any enabled nodes"),
                outcome::toString);
        assertFalse(outcome.out().contains("Previewing"), outcome::toString);
    }

    @Test
    void aSelectionOfSeveralNodesIsAnErrorNamingThem() {
        shop();

        TestingCli.Outcome outcome = TestingCli.inProject(dir, "show", "-s", "orders", "order_totals");

        assertEquals(2, outcome.exitCode(), outcome::toString);
        assertEquals(List.of("Error: model show previews one node, but the selection matches 2:"
                + " model.shop.order_totals, model.shop.orders; select a single node"), outcome.errorLines());
    }

    @Test
    void graphOperatorsStillPreviewTheNamedNodeAsDbtDoes() {
        shop();

        TestingCli.Outcome outcome = TestingCli.inProject(dir, "show", "-s", "+order_totals");

        assertEquals(0, outcome.exitCode(), outcome::toString);
        assertTrue(outcome.out().startsWith("Previewing node 'order_totals':\n"), outcome::toString);
    }

    @Test
    void aModelWithASqlErrorFailsNamingTheModelAndItsFile() {
        shop().file("models/broken.sql", "select no_such_column from (select 1 as id) as t\n");

        TestingCli.Outcome outcome = TestingCli.inProject(dir, "show", "-s", "broken");

        assertEquals(2, outcome.exitCode(), outcome::toString);
        assertEquals(1, outcome.errorLines().size(), outcome::toString);
        String error = outcome.errorLines().get(0);
        assertTrue(error.startsWith("Error: " + dir.resolve("models/broken.sql")), error);
        assertTrue(error.contains("Previewing model broken (models/broken.sql) failed: Database error (duckdb): "), error);
        assertTrue(error.contains("no_such_column"), error);
    }

    @Test
    void inlineSqlWithAMissingRefFailsNamingTheRef() {
        shop();

        TestingCli.Outcome outcome = TestingCli.inProject(dir, "show", "--inline", "select * from {{ ref('nope') }}");

        assertEquals(2, outcome.exitCode(), outcome::toString);
        assertEquals(1, outcome.errorLines().size(), outcome::toString);
        assertTrue(outcome.errorLines().get(0).contains("depends on a node named 'nope' which was not found"),
                outcome::toString);
    }

    @Test
    void neitherSelectNorInlineIsAnError() {
        shop();

        TestingCli.Outcome outcome = TestingCli.inProject(dir, "show");

        assertEquals(2, outcome.exitCode(), outcome::toString);
        assertEquals(List.of("Error: Either --select or --inline must be passed to show"), outcome.errorLines());
    }

    @Test
    void aSeedCannotBeShown() {
        shop().file("seeds/customers.csv", "id\n1\n");

        TestingCli.Outcome outcome = TestingCli.inProject(dir, "show", "-s", "customers");

        assertEquals(2, outcome.exitCode(), outcome::toString);
        assertEquals(List.of("Error: model show previews models, snapshots and tests;"
                + " seed.shop.customers is a seed and has no SQL to run"), outcome.errorLines());
    }

    @Test
    void previewsOnH2Too() {
        TestingWarehouseProject project = TestingWarehouseProject.create(dir, TestingWarehouseProject.Warehouse.H2)
                .file("models/people.sql", "select 1 as id, 'Ana' as name union all select 2, 'Ben' order by 1");

        TestingCli.Outcome outcome = project.run("show", "-s", "people", "--limit", "1");

        assertEquals(0, outcome.exitCode(), outcome::toString);
        assertEquals(List.of("| ID | NAME |", "| -- | ---- |", "|  1 | Ana  |"), tableLines(outcome), outcome::toString);
    }
}
