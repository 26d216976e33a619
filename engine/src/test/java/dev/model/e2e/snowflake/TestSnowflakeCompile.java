package dev.model.e2e.snowflake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code model compile --target snowflake} on the example project, on a machine without a
 * Snowflake account: compiling does not connect, and the SQL has dbt-snowflake's shapes
 * (relations unquoted, as written: database.schema.identifier; VARIANT paths; lateral flatten).
 */
final class TestSnowflakeCompile {

    @TempDir
    Path dir;

    @Test
    void compilesWithoutAnAccountToSnowflakeSql() throws IOException {
        TestingExampleProject project = TestingExampleProject.copyInto(dir);

        // No SNOWFLAKE_* variable: the profile's defaults, an account that does not exist.
        TestingExampleProject.Outcome outcome = project.run(Map.of(), "compile", "--target", "snowflake");

        assertEquals(0, outcome.exitCode(), outcome::toString);
        String created = project.compiled("models/staging/stream/stg_stream__order_created.sql");
        assertTrue(created.contains("select * from ANALYTICS.raw.shop_orders where event_type = 'order_created'"), created);
        assertTrue(created.contains("events.payload:occurred_at::timestamp as occurred_at"), created);
        assertTrue(created.contains("events.payload:customer.id::varchar as customer_id"), created);
        assertTrue(created.contains("upper(events.payload:currency::varchar) as currency"), created);

        String lines = project.compiled("models/staging/stream/stg_stream__order_lines.sql");
        assertTrue(lines.contains("select events.*, elements.value as element, elements.index as element_index"
                + " from events, lateral flatten(input => events.payload:lines) as elements"), lines);
        assertTrue(lines.contains("cast(round(lines.element:unit_price::decimal(18, 2) * 100) as integer)"), lines);

        String date = project.compiled("models/marts/dim_date.sql");
        assertTrue(date.contains("from table(generator(rowcount => 7305))"), date);
        assertTrue(date.contains("dateadd(day, row_number() over (order by seq4()) - 1, cast(cast('2025-01-01' as date) as date))"), date);
        assertTrue(date.contains("cast(convert_timezone('UTC', current_timestamp()) as date)"), date);
        assertTrue(date.contains("dayofweekiso(date_day) as iso_day_of_week"), date);
        assertTrue(date.contains("from ANALYTICS.SHOP.stg_orders as orders"), date);

        String attribution = project.compiled("models/intermediate/stream/int_stream__order_attribution.sql");
        assertTrue(attribution.contains("sessions.started_at >= dateadd( day, -7, orders.ordered_at )"), attribution);
        String lifetime = project.compiled("models/marts/customer_lifetime_value.sql");
        assertTrue(lifetime.contains("datediff( day, per_customer.first_order_at, per_customer.last_order_at )"), lifetime);
        String revenue = project.compiled("models/marts/fct_daily_revenue.sql");
        assertTrue(revenue.contains("(daily.revenue - previous_week.revenue) / nullif(previous_week.revenue, 0) as revenue_growth_wow"), revenue);
        assertTrue(revenue.contains("from ANALYTICS.SHOP.fct_orders"), revenue);

        JsonNode manifest = new ObjectMapper().readTree(project.root().resolve("target/manifest.json").toFile());
        assertEquals("snowflake", manifest.at("/metadata/adapter_type").asText());
        assertEquals("ANALYTICS.SHOP.stg_orders", manifest.at("/nodes/model.shop.stg_orders/relation_name").asText());
        assertEquals("ANALYTICS.snapshots.customers_snapshot",
                manifest.at("/nodes/snapshot.shop.customers_snapshot/relation_name").asText());
        assertEquals("ANALYTICS.raw.shop_orders", manifest.at("/sources/source.shop.raw.orders/relation_name").asText());
        assertNoDuckDbSyntax(project.root().resolve("target/compiled"));
    }

    @Test
    void theEnvironmentNamesTheDatabaseAndSchemaAndNoSecretIsWritten() throws IOException {
        TestingExampleProject project = TestingExampleProject.copyInto(dir);
        Map<String, String> env = Map.of(
                "SNOWFLAKE_ACCOUNT", "xy12345.eu-central-1",
                "SNOWFLAKE_USER", "CI_USER",
                "SNOWFLAKE_PASSWORD", "pw-never-shown-7f3a",
                "SNOWFLAKE_DATABASE", "ANALYTICS_CI",
                "SNOWFLAKE_SCHEMA", "PR_42");

        TestingExampleProject.Outcome outcome = project.run(env, "compile", "--target", "snowflake",
                "--select", "stg_orders", "fct_orders");

        assertEquals(0, outcome.exitCode(), outcome::toString);
        String orders = project.compiled("models/marts/fct_orders.sql");
        assertTrue(orders.contains("from ANALYTICS_CI.PR_42.int_stream__orders as orders"), orders);
        assertFalse(outcome.toString().contains("pw-never-shown-7f3a"), outcome::toString);
        try (Stream<Path> files = Files.walk(project.root().resolve("target"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(file).contains("pw-never-shown-7f3a"), file::toString);
            }
        }
    }

    /** What only DuckDB reads: the JSON arrow, json_each, interval literals, generate_series. */
    private static void assertNoDuckDbSyntax(Path compiled) throws IOException {
        try (Stream<Path> files = Files.walk(compiled)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                String sql = Files.readString(file);
                for (String duckdbOnly : new String[] {"->>", "json_each", "interval 1", "generate_series", "::timestamp ))"}) {
                    assertFalse(sql.contains(duckdbOnly), file + " contains " + duckdbOnly + ":\n" + sql);
                }
            }
        }
    }
}
