package dev.model.run.materialize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.model.adapter.snowflake.emulator.Grant;
import dev.model.adapter.snowflake.emulator.ReceivedStatement;
import dev.model.adapter.snowflake.emulator.TestingSnowflakeEmulator;
import dev.model.cli.CliEnvironment;
import dev.model.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code model build} through the unmodified Snowflake JDBC driver against the Snowflake protocol
 * emulator (a test fixture backed by DuckDB, not Snowflake): one small project with every
 * materialization, built twice with changed source rows, and the rows each one holds afterwards.
 */
final class TestSnowflakeEmulatorBuild {

    private static final String SCHEMA = "DEV";

    @TempDir
    Path dir;

    private TestingSnowflakeEmulator emulator;

    @BeforeEach
    void start() {
        emulator = TestingSnowflakeEmulator.start(TestingSnowflakeEmulator.Options.defaults()
                .withRoles(List.of("TRANSFORMER", "SYSADMIN", "PUBLIC", "REPORTER", "ANALYST")));
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private void file(String relativePath, String content) {
        Path file = dir.resolve(relativePath);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Outcome(int exitCode, String out) {
    }

    private Outcome model(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--project-dir", dir.toString(), "--profiles-dir", dir.toString()));
        CliEnvironment environment = new CliEnvironment(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8), Map.of(), dir, dir.resolve("home"), false);
        int exit = Main.run(all.toArray(String[]::new), environment);
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8));
    }

    private void project() {
        file("dbt_project.yml", """
                name: shop
                version: '1.0'
                config-version: 2
                profile: shop
                """);
        file("profiles.yml", emulator.profileYaml("shop", "dev", SCHEMA, 4));
        orders("""
                id,customer,amount,status,updated_at
                1,ann,10.5,placed,2024-01-01 00:00:00
                2,bob,20,placed,2024-01-01 00:00:00
                """);
        file("models/stg_orders.sql", """
                {{ config(materialized='view', secure=true) }}
                select id, customer, amount, status, updated_at from {{ ref('orders') }}
                """);
        file("models/orders_table.sql", """
                {{ config(materialized='table', cluster_by=['status'], copy_grants=true,
                          grants={'select': ['reporter']}, persist_docs={'relation': true, 'columns': true},
                          query_tag='shop_tables') }}
                select id, customer, amount, status from {{ ref('stg_orders') }}
                """);
        file("models/schema.yml", """
                version: 2
                models:
                  - name: orders_table
                    description: "One row per order; as of the last build"
                    columns:
                      - name: amount
                        description: "Total; the customer's, in $"
                """);
        file("models/orders_merge.sql", """
                {{ config(materialized='incremental', unique_key='id') }}
                select id, customer, amount, status, updated_at from {{ ref('stg_orders') }}
                {% if is_incremental() %}where updated_at > (select max(updated_at) from {{ this }}){% endif %}
                """);
        file("models/orders_delete_insert.sql", """
                {{ config(materialized='incremental', incremental_strategy='delete+insert', unique_key='id') }}
                select id, customer, amount, status, updated_at from {{ ref('stg_orders') }}
                {% if is_incremental() %}where updated_at > (select max(updated_at) from {{ this }}){% endif %}
                """);
        file("models/orders_append.sql", """
                {{ config(materialized='incremental', incremental_strategy='append') }}
                select id, status from {{ ref('stg_orders') }}
                {% if is_incremental() %}where id > (select max(id) from {{ this }}){% endif %}
                """);
        file("models/orders_overwrite.sql", """
                {{ config(materialized='incremental', incremental_strategy='insert_overwrite') }}
                select id, status from {{ ref('stg_orders') }}
                {% if is_incremental() %}where updated_at > '2024-01-01 00:00:00'{% endif %}
                """);
        file("models/orders_live.sql", """
                {{ config(materialized='dynamic_table', target_lag='1 minute', snowflake_warehouse='TRANSFORMING') }}
                select status, count(*) as orders from {{ ref('stg_orders') }} group by status
                """);
        file("snapshots/orders_snapshot.sql", """
                {% snapshot orders_snapshot %}
                {{ config(target_schema='DEV', unique_key='id', strategy='timestamp', updated_at='updated_at') }}
                select id, status, updated_at from {{ ref('orders') }}
                {% endsnapshot %}
                """);
    }

    private void orders(String csv) {
        file("seeds/orders.csv", csv);
    }

    private List<String> rows(String table, String columns) {
        return emulator.query("select " + columns + " from ANALYTICS." + SCHEMA + "." + table + " order by all").stream()
                .map(row -> row.stream().map(String::valueOf).collect(Collectors.joining("|"))).toList();
    }

    @Test
    void everyMaterializationBuildsAndRebuildsWithTheRightRows() {
        project();
        Outcome first = model("build");
        assertEquals(0, first.exitCode(), first.out());

        assertEquals(List.of("1|ann|10.5|placed", "2|bob|20.0|placed"), rows("orders_table", "id, customer, amount, status"));
        assertEquals(List.of("1|placed", "2|placed"), rows("orders_merge", "id, status"));
        assertEquals(List.of("placed|2"), rows("orders_live", "status, orders"));
        assertEquals(List.of("1|placed|null", "2|placed|null"), rows("orders_snapshot", "id, status, dbt_valid_to"));

        orders("""
                id,customer,amount,status,updated_at
                1,ann,10.5,shipped,2024-01-02 00:00:00
                2,bob,20,placed,2024-01-01 00:00:00
                3,cid,30,placed,2024-01-02 00:00:00
                """);
        emulator.clearStatements();
        Outcome second = model("build");
        assertEquals(0, second.exitCode(), second.out());

        assertEquals(List.of("1|ann|10.5|shipped", "2|bob|20.0|placed", "3|cid|30.0|placed"),
                rows("orders_table", "id, customer, amount, status"));
        assertEquals(List.of("1|shipped", "2|placed", "3|placed"), rows("orders_merge", "id, status"));
        assertEquals(List.of("1|shipped", "2|placed", "3|placed"), rows("orders_delete_insert", "id, status"));
        assertEquals(List.of("1|placed", "2|placed", "3|placed"), rows("orders_append", "id, status"),
                "append adds only the new id and leaves the changed one");
        assertEquals(List.of("1|shipped", "3|placed"), rows("orders_overwrite", "id, status"),
                "insert overwrite keeps only the latest rows");
        assertEquals(List.of("placed|2", "shipped|1"), rows("orders_live", "status, orders"), "refreshed");
        assertEquals(List.of("1|placed|false", "1|shipped|true", "2|placed|true", "3|placed|true"),
                rows("orders_snapshot", "id, status, dbt_valid_to is null"));

        // the Snowflake shapes the second build sent (as the driver sent them)
        List<String> sent = emulator.statements().stream().map(ReceivedStatement::sqlText).toList();
        assertTrue(sent.stream().anyMatch(s -> s.startsWith("create or replace transient table ANALYTICS.DEV.orders_table")
                || s.startsWith("create or replace transient table analytics.DEV.orders_table")), String.join("\n", sent));
        assertTrue(sent.stream().anyMatch(s -> s.startsWith("create or replace temporary view")
                && s.contains("orders_merge__dbt_tmp")), String.join("\n", sent));
        assertTrue(sent.stream().anyMatch(s -> s.startsWith("create or replace temporary table")
                && s.contains("orders_delete_insert__dbt_tmp")), String.join("\n", sent));
        assertTrue(sent.stream().anyMatch(s -> s.startsWith("insert overwrite into")), String.join("\n", sent));
        assertTrue(sent.stream().anyMatch(s -> s.startsWith("alter dynamic table") && s.endsWith("refresh")),
                String.join("\n", sent));
        assertTrue(sent.contains("begin") && sent.contains("commit"), "explicit transactions");
        assertFalse(sent.stream().anyMatch(s -> s.contains("__dbt_backup")), "no rename dance on Snowflake");

        // grants: copy_grants kept reporter's select, so nothing was granted again; tags around the node
        Map<String, Set<Grant>> grants = emulator.grants();
        assertEquals(Set.of(new Grant("SELECT", "REPORTER")), grants.get("ANALYTICS.DEV.ORDERS_TABLE"), grants.toString());
        assertTrue(sent.stream().anyMatch(s -> s.startsWith("show grants on table")), String.join("\n", sent));
        assertTrue(sent.stream().noneMatch(s -> s.startsWith("grant ")), "already granted: " + String.join("\n", sent));
        List<ReceivedStatement> tagged = emulator.statements().stream()
                .filter(s -> "shop_tables".equals(s.queryTag())).toList();
        assertTrue(tagged.stream().anyMatch(s -> s.sqlText().contains("orders_table")), tagged.toString());
        assertTrue(emulator.statements().stream().filter(s -> s.sqlText().contains("orders_merge"))
                .noneMatch(s -> "shop_tables".equals(s.queryTag())), "the tag is restored after the node");

        // persist_docs as comments ('$' written as '[$]', as dbt-snowflake does)
        assertEquals("One row per order; as of the last build", emulator.queryValue(
                "select comment from duckdb_tables() where table_name ilike 'orders_table'"));
        assertEquals("Total; the customer's, in [$]", emulator.queryValue("select comment from duckdb_columns()"
                + " where table_name ilike 'orders_table' and column_name ilike 'amount'"));
    }

    @Test
    void aDynamicTableWhoseQueryChangedIsRecreatedAndAnUnchangedOneRefreshed() {
        project();
        Outcome first = model("build", "--select", "+orders_live");
        assertEquals(0, first.exitCode(), first.out());
        file("models/orders_live.sql", """
                {{ config(materialized='dynamic_table', target_lag='1 minute', snowflake_warehouse='TRANSFORMING') }}
                select customer, sum(amount) as amount from {{ ref('stg_orders') }} group by customer
                """);
        emulator.clearStatements();
        Outcome second = model("run", "--select", "orders_live");
        assertEquals(0, second.exitCode(), second.out());
        assertEquals(List.of("ann|10.5", "bob|20.0"), rows("orders_live", "customer, amount"));
        List<String> sent = emulator.statements().stream().map(ReceivedStatement::sqlText).toList();
        assertTrue(sent.stream().anyMatch(s -> s.startsWith("create or replace dynamic table")), String.join("\n", sent));

        emulator.clearStatements();
        Outcome third = model("run", "--select", "orders_live");
        assertEquals(0, third.exitCode(), third.out());
        sent = emulator.statements().stream().map(ReceivedStatement::sqlText).toList();
        assertTrue(sent.stream().anyMatch(s -> s.startsWith("alter dynamic table") && s.endsWith("refresh")),
                String.join("\n", sent));
        assertTrue(sent.stream().noneMatch(s -> s.startsWith("create or replace dynamic table")), String.join("\n", sent));
    }

    @Test
    void aDynamicTableModelOnDuckDbIsAnErrorNotAWrongBuild() {
        project();
        file("profiles.yml", """
                shop:
                  target: dev
                  outputs:
                    dev:
                      type: duckdb
                      path: warehouse.duckdb
                      schema: main
                """);
        Outcome outcome = model("run", "--select", "orders_live");
        assertEquals(1, outcome.exitCode(), outcome.out());
        assertTrue(outcome.out().contains("No materialization 'dynamic_table' was found for adapter duckdb"), outcome.out());
    }
}
