package dev.model.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class TestDataTests {

    @TempDir
    Path dir;

    /** customers and orders seeds, models on top, generic + singular tests, and a model below orders. */
    private TestingWarehouseProject shop(TestingWarehouseProject.Warehouse warehouse, String customers, String orders) {
        return TestingWarehouseProject.create(dir, warehouse)
                .file("seeds/raw_customers.csv", customers)
                .file("seeds/raw_orders.csv", orders)
                .file("models/customers.sql", "select id, name from {{ ref('raw_customers') }}")
                .file("models/orders.sql", "select id, customer_id, amount from {{ ref('raw_orders') }}")
                .file("models/order_totals.sql", "select customer_id, sum(amount) as total from {{ ref('orders') }} group by customer_id")
                .file("models/schema.yml", """
                        version: 2
                        models:
                          - name: customers
                            columns:
                              - name: id
                                data_tests: [unique, not_null]
                          - name: orders
                            columns:
                              - name: id
                                data_tests: [unique]
                              - name: customer_id
                                data_tests:
                                  - relationships:
                                      to: ref('customers')
                                      field: id
                        """)
                .file("tests/no_negative_amounts.sql", "select * from {{ ref('orders') }} where amount < 0");
    }

    private static final String CLEAN_CUSTOMERS = "id,name\n1,ann\n2,bob\n";
    private static final String CLEAN_ORDERS = "id,customer_id,amount\n10,1,5\n11,2,7\n";

    @ParameterizedTest
    @EnumSource(TestingWarehouseProject.Warehouse.class)
    void brokenDataFailsTheBuildWithStatusesAndJunit(TestingWarehouseProject.Warehouse warehouse) throws IOException {
        TestingWarehouseProject project = shop(warehouse, "id,name\n1,ann\n1,again\n2,bob\n",
                "id,customer_id,amount\n10,1,5\n11,9,7\n12,2,-3\n");
        TestingCli.Outcome outcome = project.run("build");
        assertEquals(1, outcome.exitCode(), outcome.toString());

        Map<String, String> statuses = statuses(project.root());
        assertEquals("fail", byName(statuses, "test.shop.unique_customers_id."), statuses.toString());
        assertEquals("pass", byName(statuses, "test.shop.not_null_customers_id."), statuses.toString());
        assertEquals("fail", byName(statuses, "test.shop.relationships_orders_customer_id__id__ref_customers_."),
                statuses.toString());
        assertEquals("fail", statuses.get("test.shop.no_negative_amounts"), statuses.toString());
        assertEquals("pass", byName(statuses, "test.shop.unique_orders_id."), statuses.toString());
        // order_totals is built on orders, whose tests failed: skipped, as in dbt build
        assertEquals("skipped", statuses.get("model.shop.order_totals"), statuses.toString());
        assertEquals("success", statuses.get("model.shop.orders"), statuses.toString());

        JsonNode unique = result(project.root(), "test.shop.unique_customers_id.");
        assertEquals(1, unique.get("failures").asInt());
        assertEquals("Got 1 result, configured to fail if != 0", unique.get("message").asText());

        String junit = Files.readString(project.root().resolve("target/junit.xml"));
        assertTrue(junit.contains("<testcase name=\"test.shop.unique_customers_id."), junit);
        assertTrue(junit.contains("message=\"Got 1 result, configured to fail if != 0\""), junit);
        assertTrue(junit.contains("Failing rows: 1"), junit);
        assertTrue(junit.contains("Compiled SQL: target/compiled/shop/models/schema.yml/unique_customers_id.sql"), junit);
        assertTrue(junit.contains("Compiled SQL: target/compiled/shop/tests/no_negative_amounts.sql"), junit);
        assertTrue(junit.contains("| -3 "), junit);
        assertTrue(junit.contains("<skipped"), junit);
        assertTrue(outcome.out().contains("FAIL 1 unique_customers_id"), outcome.out());
    }

    @ParameterizedTest
    @EnumSource(TestingWarehouseProject.Warehouse.class)
    void cleanDataPassesTheBuild(TestingWarehouseProject.Warehouse warehouse) throws IOException {
        TestingWarehouseProject project = shop(warehouse, CLEAN_CUSTOMERS, CLEAN_ORDERS);
        TestingCli.Outcome outcome = project.run("build");
        assertEquals(0, outcome.exitCode(), outcome.toString());
        Map<String, String> statuses = statuses(project.root());
        assertEquals(10, statuses.size(), statuses.toString());
        assertTrue(statuses.values().stream().allMatch(s -> s.equals("success") || s.equals("pass")), statuses.toString());
        String junit = Files.readString(project.root().resolve("target/junit.xml"));
        assertTrue(junit.contains("tests=\"10\" failures=\"0\""), junit);

        TestingCli.Outcome tested = project.run("test");
        assertEquals(0, tested.exitCode(), tested.toString());
        assertEquals(5, statuses(project.root()).size());
    }

    @Test
    void testCommandRunsOnlyTestsOfTheSelection() throws IOException {
        TestingWarehouseProject project = shop(TestingWarehouseProject.Warehouse.DUCKDB, "id,name\n1,ann\n1,again\n2,bob\n",
                CLEAN_ORDERS);
        assertEquals(1, project.run("build").exitCode());
        TestingCli.Outcome outcome = project.run("test", "-s", "orders");
        // orders' unique, its relationships to customers (eager) and the singular test: all pass
        assertEquals(0, outcome.exitCode(), outcome.toString());
        assertEquals(3, statuses(project.root()).size(), statuses(project.root()).toString());
        TestingCli.Outcome all = project.run("test");
        assertEquals(1, all.exitCode(), all.toString());
    }

    @Test
    void severityWarnWarnsAndWarnErrorFails() throws IOException {
        TestingWarehouseProject project = TestingWarehouseProject.create(dir, TestingWarehouseProject.Warehouse.DUCKDB)
                .file("models/things.sql", "select 1 as id union all select 1 union all select 2")
                .file("models/schema.yml", """
                        version: 2
                        models:
                          - name: things
                            columns:
                              - name: id
                                data_tests:
                                  - unique:
                                      config:
                                        severity: warn
                        """);
        TestingCli.Outcome warned = project.run("build");
        assertEquals(0, warned.exitCode(), warned.toString());
        assertEquals("warn", byName(statuses(project.root()), "test.shop.unique_things_id."));
        assertTrue(warned.out().contains("WARN 1 unique_things_id"), warned.out());

        TestingCli.Outcome failed = project.run("test", "--warn-error");
        assertEquals(1, failed.exitCode(), failed.toString());
        assertEquals("fail", byName(statuses(project.root()), "test.shop.unique_things_id."));
    }

    @Test
    void thresholdsFailCalcLimitAndStoredFailures() throws IOException {
        TestingWarehouseProject project = TestingWarehouseProject.create(dir, TestingWarehouseProject.Warehouse.DUCKDB)
                .file("models/things.sql", "select * from range(20) t(id)")
                .file("tests/small_ids.sql", """
                        {{ config(error_if='>= 10', warn_if='>= 3', store_failures=true) }}
                        select id from {{ ref('things') }} where id < 5
                        """)
                .file("tests/limited.sql", """
                        {{ config(limit=2, fail_calc='sum(id)') }}
                        select id from {{ ref('things') }} where id >= 18 order by id
                        """);
        TestingCli.Outcome outcome = project.run("build");
        assertEquals(1, outcome.exitCode(), outcome.toString());
        JsonNode small = result(project.root(), "test.shop.small_ids");
        assertEquals("warn", small.get("status").asText());
        assertEquals("Got 5 results, configured to warn if >= 3", small.get("message").asText());
        assertEquals(java.util.List.of("5"), project.rows("select count(*) from main_dbt_test__audit.small_ids"));
        JsonNode limited = result(project.root(), "test.shop.limited");
        assertEquals("fail", limited.get("status").asText());
        assertEquals(37, limited.get("failures").asInt());
    }

    @Test
    void aTestOnAMissingColumnIsAnErrorNamingTestAndFile() throws IOException {
        TestingWarehouseProject project = TestingWarehouseProject.create(dir, TestingWarehouseProject.Warehouse.DUCKDB)
                .file("models/things.sql", "select 1 as id")
                .file("models/schema.yml", """
                        version: 2
                        models:
                          - name: things
                            columns:
                              - name: idd
                                data_tests: [not_null]
                        """);
        TestingCli.Outcome outcome = project.run("build");
        assertEquals(1, outcome.exitCode(), outcome.toString());
        JsonNode test = result(project.root(), "test.shop.not_null_things_idd.");
        assertEquals("error", test.get("status").asText());
        String message = test.get("message").asText();
        assertTrue(message.startsWith("Database Error in test not_null_things_idd (models/schema.yml)"), message);
        assertTrue(message.contains("idd"), message);
        assertTrue(outcome.out().contains("Database Error in test not_null_things_idd (models/schema.yml)"), outcome.out());
    }

    static Map<String, String> statuses(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode result : new ObjectMapper().readTree(root.resolve("target/run_results.json").toFile()).get("results")) {
            out.put(result.get("unique_id").asText(), result.get("status").asText());
        }
        return out;
    }

    /** The status of the one node whose unique id starts with {@code prefix} (generic tests end in a hash). */
    static String byName(Map<String, String> statuses, String prefix) {
        return statuses.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).map(Map.Entry::getValue)
                .reduce((a, b) -> { throw new AssertionError("several nodes start with " + prefix); }).orElse(null);
    }

    /** The result of {@code id}, or of the one node whose unique id starts with it when it ends in a dot. */
    static JsonNode result(Path root, String id) throws IOException {
        for (JsonNode result : new ObjectMapper().readTree(root.resolve("target/run_results.json").toFile()).get("results")) {
            if (result.get("unique_id").asText().equals(id) || id.endsWith(".") && result.get("unique_id").asText().startsWith(id)) {
                return result;
            }
        }
        throw new AssertionError("no result for " + id);
    }

    @Test
    void acceptedValuesWithoutValuesStopsAtParseNamingFileAndTest() {
        TestingWarehouseProject project = TestingWarehouseProject.create(dir, TestingWarehouseProject.Warehouse.DUCKDB)
                .file("models/orders.sql", "select 'new' as status, 1 as customer_id")
                .file("models/schema.yml", """
                        version: 2
                        models:
                          - name: orders
                            columns:
                              - name: status
                                data_tests:
                                  - accepted_values:
                                      quote: true
                        """);
        TestingCli.Outcome outcome = project.run("build");
        assertEquals(2, outcome.exitCode(), outcome.toString());
        assertTrue(outcome.err().contains("models/schema.yml:7: Test 'accepted_values' on 'orders.status' needs the argument 'values'"),
                outcome.toString());
    }

    @Test
    void relationshipsWithoutToStopsAtParseNamingFileAndTest() {
        TestingWarehouseProject project = TestingWarehouseProject.create(dir, TestingWarehouseProject.Warehouse.DUCKDB)
                .file("models/orders.sql", "select 1 as customer_id")
                .file("models/schema.yml", """
                        version: 2
                        models:
                          - name: orders
                            columns:
                              - name: customer_id
                                data_tests:
                                  - relationships:
                                      field: id
                        """);
        TestingCli.Outcome outcome = project.run("test");
        assertEquals(2, outcome.exitCode(), outcome.toString());
        assertTrue(outcome.err().contains("models/schema.yml:7: Test 'relationships' on 'orders.customer_id' needs the argument 'to'"),
                outcome.toString());
    }

    @Test
    void customGenericModelLevelAndSourceTests() throws IOException {
        TestingWarehouseProject project = TestingWarehouseProject.create(dir, TestingWarehouseProject.Warehouse.DUCKDB)
                .file("seeds/amounts.csv", "id,amount\n1,5\n2,-1\n")
                .file("tests/generic/is_positive.sql", """
                        {% test is_positive(model, column_name) %}
                        select * from {{ model }} where {{ column_name }} <= 0
                        {% endtest %}
                        """)
                .file("macros/row_count.sql", """
                        {% test has_rows(model, at_least=1) %}
                        select 1 as too_few from (select count(*) as n from {{ model }}) c where n < {{ at_least }}
                        {% endtest %}
                        """)
                .file("seeds/schema.yml", """
                        version: 2
                        seeds:
                          - name: amounts
                            data_tests:
                              - has_rows: {at_least: 3}
                            columns:
                              - name: amount
                                data_tests: [is_positive]
                        sources:
                          - name: raw
                            schema: raw
                            tables:
                              - name: amounts
                                columns:
                                  - name: id
                                    data_tests: [unique]
                        """);
        project.execute("create schema raw");
        project.execute("create table raw.amounts as select 1 as id union all select 2");
        TestingCli.Outcome outcome = project.run("build");
        assertEquals(1, outcome.exitCode(), outcome.toString());
        Map<String, String> statuses = statuses(project.root());
        assertEquals("fail", byName(statuses, "test.shop.is_positive_amounts_amount."), statuses.toString());
        assertEquals("fail", byName(statuses, "test.shop.has_rows_amounts_3."), statuses.toString());
        assertEquals("pass", byName(statuses, "test.shop.source_unique_raw_amounts_id."), statuses.toString());
    }

    @Test
    void whereConfigStoreFailuresAsViewAndATestOnAParentDoNotCycle() throws IOException {
        TestingWarehouseProject project = TestingWarehouseProject.create(dir, TestingWarehouseProject.Warehouse.DUCKDB)
                .file("models/customers.sql", "select * from (values (1), (1), (2)) t(id)")
                .file("models/orders.sql", "select 10 as id, c.id as customer_id from {{ ref('customers') }} c where c.id = 2")
                .file("models/schema.yml", """
                        version: 2
                        models:
                          - name: customers
                            columns:
                              - name: id
                                data_tests:
                                  - unique:
                                      config:
                                        where: "id > 1"
                                        store_failures_as: view
                          - name: orders
                            columns:
                              - name: customer_id
                                data_tests:
                                  - relationships: {to: ref('customers'), field: id}
                        """);
        TestingCli.Outcome outcome = project.run("build");
        assertEquals(0, outcome.exitCode(), outcome.toString());
        Map<String, String> statuses = statuses(project.root());
        assertEquals("pass", byName(statuses, "test.shop.unique_customers_id."), statuses.toString());
        assertEquals("pass", byName(statuses, "test.shop.relationships_orders_customer_id__id__ref_customers_."),
                statuses.toString());
        assertEquals("VIEW", project.relationType("main_dbt_test__audit", "unique_customers_id"));
    }

    @Test
    void failFastStopsAtTheFirstFailingTest() throws IOException {
        TestingWarehouseProject project = shop(TestingWarehouseProject.Warehouse.DUCKDB, CLEAN_CUSTOMERS,
                "id,customer_id,amount\n10,1,5\n10,2,7\n");
        TestingCli.Outcome outcome = project.run("build", "--fail-fast", "--threads", "1");
        assertEquals(1, outcome.exitCode(), outcome.toString());
        Map<String, String> statuses = statuses(project.root());
        assertEquals("fail", byName(statuses, "test.shop.unique_orders_id."), statuses.toString());
        long done = statuses.values().stream().filter(s -> s.equals("pass") || s.equals("success")).count();
        assertTrue(done < 9, statuses.toString());
        assertTrue(!"success".equals(statuses.get("model.shop.order_totals")), statuses.toString());
    }

    @Test
    void storedFailuresAndThresholdsOnH2() throws IOException {
        TestingWarehouseProject project = TestingWarehouseProject.create(dir, TestingWarehouseProject.Warehouse.H2)
                .file("models/things.sql", "select 1 as id union all select 1 union all select 2 union all select 2")
                .file("models/schema.yml", """
                        version: 2
                        models:
                          - name: things
                            columns:
                              - name: id
                                data_tests:
                                  - unique:
                                      config:
                                        store_failures: true
                                        warn_if: ">= 1"
                                        error_if: ">= 3"
                        """);
        TestingCli.Outcome outcome = project.run("build");
        assertEquals(0, outcome.exitCode(), outcome.toString());
        JsonNode test = result(project.root(), "test.shop.unique_things_id.");
        assertEquals("warn", test.get("status").asText());
        assertEquals("Got 2 results, configured to warn if >= 1", test.get("message").asText());
        assertEquals(java.util.List.of("2"), project.rows("select count(*) from \"PUBLIC_dbt_test__audit\".\"unique_things_id\""));
    }

    @Test
    void retryReRunsTheFailedTestsAndWhatTheySkipped() throws IOException {
        TestingWarehouseProject project = shop(TestingWarehouseProject.Warehouse.DUCKDB, CLEAN_CUSTOMERS,
                "id,customer_id,amount\n10,1,5\n10,2,7\n");
        assertEquals(1, project.run("build").exitCode());
        assertEquals("skipped", statuses(project.root()).get("model.shop.order_totals"));
        project.execute("delete from main.raw_orders where customer_id = 2");
        TestingCli.Outcome retried = project.run("retry");
        assertEquals(0, retried.exitCode(), retried.toString());
        Map<String, String> statuses = statuses(project.root());
        assertEquals("pass", byName(statuses, "test.shop.unique_orders_id."), statuses.toString());
        assertEquals("success", statuses.get("model.shop.order_totals"), statuses.toString());
        assertEquals(2, statuses.size(), statuses.toString());
    }
}
