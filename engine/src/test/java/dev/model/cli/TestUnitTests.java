package dev.model.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class TestUnitTests {

    @TempDir
    Path dir;

    private static final String MODEL = """
            select o.customer_id, c.name, sum(o.amount) as total, count(*) as orders
            from {{ ref('orders') }} o
            join {{ source('crm', 'customers') }} c on c.id = o.customer_id
            group by o.customer_id, c.name
            """;

    private TestingWarehouseProject project(TestingWarehouseProject.Warehouse warehouse, String unitTests) {
        return TestingWarehouseProject.create(dir, warehouse)
                .file("models/orders.sql", "select 1 as id, 1 as customer_id, 5 as amount")
                .file("models/customer_totals.sql", MODEL)
                .file("models/schema.yml", """
                        version: 2
                        sources:
                          - name: crm
                            tables:
                              - name: customers
                        unit_tests:
                        """ + unitTests);
    }

    private static final String PASSING = """
              - name: sums_per_customer
                model: customer_totals
                given:
                  - input: ref('orders')
                    rows:
                      - {id: 1, customer_id: 1, amount: 5}
                      - {id: 2, customer_id: 1, amount: 2.5}
                      - {id: 3, customer_id: 2, amount: 4}
                  - input: source('crm', 'customers')
                    format: csv
                    rows: |
                      id,name
                      1,ann
                      2,bob
                expect:
                  rows:
                    - {customer_id: 2, total: 4, name: bob}
                    - {customer_id: 1, total: 7.5, name: ann}
            """;

    @ParameterizedTest
    @EnumSource(TestingWarehouseProject.Warehouse.class)
    void passingUnitTestRunsWithoutUpstreamData(TestingWarehouseProject.Warehouse warehouse) throws IOException {
        TestingWarehouseProject project = project(warehouse, PASSING);
        TestingCli.Outcome outcome = project.run("test", "-s", "customer_totals");
        assertEquals(0, outcome.exitCode(), outcome.toString());
        Map<String, String> statuses = TestDataTests.statuses(project.root());
        assertEquals(Map.of("unit_test.shop.customer_totals.sums_per_customer", "pass"), statuses);
        assertTrue(outcome.out().contains("PASS sums_per_customer"), outcome.out());

        TestingCli.Outcome byName = project.run("test", "-s", "sums_per_customer");
        assertEquals(0, byName.exitCode(), byName.toString());
        assertTrue(!byName.toString().contains("does not match") && !byName.toString().contains("Nothing to do"),
                byName.toString());
        assertEquals(Map.of("unit_test.shop.customer_totals.sums_per_customer", "pass"), TestDataTests.statuses(project.root()));
        TestingCli.Outcome dataOnly = project.run("test", "-s", "customer_totals", "--exclude", "test_type:unit");
        assertEquals(0, dataOnly.exitCode(), dataOnly.toString());
        assertEquals(Map.of(), TestDataTests.statuses(project.root()));
    }

    @Test
    void mismatchFailsWithADiffAndBuildSkipsTheModel() throws IOException {
        TestingWarehouseProject project = project(TestingWarehouseProject.Warehouse.DUCKDB,
                PASSING.replace("{customer_id: 2, total: 4, name: bob}", "{customer_id: 2, total: 40, name: bob}"));
        project.execute("create schema crm");
        project.execute("create table crm.customers (id integer, name varchar)");
        TestingCli.Outcome outcome = project.run("build");
        assertEquals(1, outcome.exitCode(), outcome.toString());
        Map<String, String> statuses = TestDataTests.statuses(project.root());
        assertEquals("fail", statuses.get("unit_test.shop.customer_totals.sums_per_customer"), statuses.toString());
        assertEquals("skipped", statuses.get("model.shop.customer_totals"), statuses.toString());
        assertEquals("success", statuses.get("model.shop.orders"), statuses.toString());
        String out = outcome.out();
        assertTrue(out.contains("| +/- | customer_id | total | name |"), out);
        assertTrue(out.contains("| -   | 2           | 40    | bob  |"), out);
        assertTrue(out.contains("| +   | 2           | 4     | bob  |"), out);
        assertTrue(out.contains("|     | 1           | 7.5   | ann  |"), out);
        String junit = java.nio.file.Files.readString(project.root().resolve("target/junit.xml"));
        assertTrue(junit.contains("unit_test.shop.customer_totals.sums_per_customer"), junit);
        assertTrue(junit.contains("| -   | 2           | 40    | bob  |"), junit);
    }

    @Test
    void selectedByTestTypeAndIsIncrementalOverride() throws IOException {
        TestingWarehouseProject project = TestingWarehouseProject.create(dir, TestingWarehouseProject.Warehouse.DUCKDB)
                .file("models/events.sql", "select 1 as id")
                .file("models/new_events.sql", """
                        {{ config(materialized='incremental') }}
                        select id from {{ ref('events') }}
                        {% if is_incremental() %} where id > (select max(id) from {{ this }}) {% endif %}
                        """)
                .file("models/schema.yml", """
                        version: 2
                        unit_tests:
                          - name: only_new_rows
                            model: new_events
                            overrides:
                              macros:
                                is_incremental: true
                            given:
                              - input: ref('events')
                                rows: [{id: 1}, {id: 2}, {id: 3}]
                              - input: this
                                rows: [{id: 2}]
                            expect:
                              rows: [{id: 3}]
                        """);
        TestingCli.Outcome outcome = project.run("test", "-s", "test_type:unit");
        assertEquals(0, outcome.exitCode(), outcome.toString());
        assertEquals(Map.of("unit_test.shop.new_events.only_new_rows", "pass"), TestDataTests.statuses(project.root()));
    }

    @Test
    void aGivenInputTheModelDoesNotUseStopsNamingFileAndTest() {
        TestingWarehouseProject project = project(TestingWarehouseProject.Warehouse.DUCKDB, """
                  - name: wrong_input
                    model: customer_totals
                    given:
                      - input: ref('payments')
                        rows: [{id: 1}]
                    expect:
                      rows: []
                """);
        TestingCli.Outcome outcome = project.run("test");
        assertEquals(2, outcome.exitCode(), outcome.toString());
        assertTrue(outcome.err().contains("models/schema.yml:10: Unit test 'wrong_input': given input ref('payments') is not used by model 'customer_totals'"),
                outcome.toString());
    }

    @Test
    void aMalformedCsvFixtureStopsNamingFileAndTest() {
        TestingWarehouseProject project = project(TestingWarehouseProject.Warehouse.DUCKDB, """
                  - name: bad_csv
                    model: customer_totals
                    given:
                      - input: ref('orders')
                        format: csv
                        rows: |
                          id,customer_id,amount
                          1,1
                    expect:
                      rows: []
                """);
        TestingCli.Outcome outcome = project.run("build");
        assertEquals(2, outcome.exitCode(), outcome.toString());
        assertTrue(outcome.err().contains("models/schema.yml:"), outcome.toString());
        assertTrue(outcome.err().contains("Unit test 'bad_csv': line 2 of the CSV rows of given input ref('orders') has 2 values, the header has 3"),
                outcome.toString());
    }

    @Test
    void aMissingInputIsAnErrorNamingIt() throws IOException {
        TestingWarehouseProject project = project(TestingWarehouseProject.Warehouse.DUCKDB, """
                  - name: half_given
                    model: customer_totals
                    given:
                      - input: ref('orders')
                        rows: [{id: 1, customer_id: 1, amount: 5}]
                    expect:
                      rows: []
                """);
        TestingCli.Outcome outcome = project.run("test");
        assertEquals(1, outcome.exitCode(), outcome.toString());
        String message = TestDataTests.result(project.root(), "unit_test.shop.customer_totals.half_given").get("message").asText();
        assertTrue(message.contains("unit test 'half_given' (models/schema.yml): model 'customer_totals' reads source('crm', 'customers'), which is not among the given inputs"),
                message);
    }

    @ParameterizedTest
    @EnumSource(TestingWarehouseProject.Warehouse.class)
    void varAndEnvVarOverrides(TestingWarehouseProject.Warehouse warehouse) throws IOException {
        TestingWarehouseProject project = TestingWarehouseProject.create(dir, warehouse)
                .file("models/events.sql", "select 1 as id, 5 as size")
                .file("models/big_events.sql", """
                        select id, '{{ env_var("REGION", "eu") }}' as region
                        from {{ ref('events') }} where size >= {{ var('min_size', 100) }}
                        """)
                .file("models/schema.yml", """
                        version: 2
                        unit_tests:
                          - name: threshold_from_override
                            model: big_events
                            overrides:
                              vars: {min_size: 10}
                              env_vars: {REGION: us}
                            given:
                              - input: ref('events')
                                format: csv
                                rows: |
                                  id,size
                                  1,5
                                  2,10
                                  3,50
                            expect:
                              format: csv
                              rows: |
                                id,region
                                3,us
                                2,us
                        """);
        TestingCli.Outcome outcome = project.run("test");
        assertEquals(0, outcome.exitCode(), outcome.toString());
        assertEquals(Map.of("unit_test.shop.big_events.threshold_from_override", "pass"), TestDataTests.statuses(project.root()));
    }
}
