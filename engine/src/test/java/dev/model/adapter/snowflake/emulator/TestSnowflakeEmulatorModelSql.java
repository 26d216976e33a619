package dev.model.adapter.snowflake.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** dbt-snowflake's model SQL shapes and the project's expressions, run on the Snowflake protocol emulator through the real driver. */
final class TestSnowflakeEmulatorModelSql {

    private static TestingSnowflakeEmulator emulator;

    @BeforeAll
    static void start() throws SQLException {
        emulator = TestingSnowflakeEmulator.start();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create schema if not exists analytics.models");
            statement.execute("create schema if not exists raw.shop");
            statement.execute("create or replace table raw.shop.orders (id number, payload variant, ordered_on date, ordered_at timestamp_ntz)");
            statement.execute("insert into raw.shop.orders select 1, parse_json('{\"customer\": {\"name\": \"Ann\"},"
                    + " \"items\": [{\"sku\": \"A\", \"qty\": 2}, {\"sku\": \"B\", \"qty\": 3}]}'), '2024-01-07'::date, '2024-01-07 10:00:00'::timestamp_ntz");
            statement.execute("insert into raw.shop.orders select 2, parse_json('{\"customer\": {\"name\": \"Bo\"}, \"items\": []}'),"
                    + " '2024-01-08'::date, '2024-01-08 11:30:00'::timestamp_ntz");
        }
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(emulator.jdbcUrl(), emulator.connectionProperties("model_user", "model_password"));
    }

    private static List<String> column(Statement statement, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    @Test
    void tableAndViewMaterializationsInDbtSnowflakesShape() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create or replace transient table analytics.models.customers\n  cluster by (name)\n  copy grants\n as\n (\n"
                    + "select payload:customer.name::varchar as name from raw.shop.orders\n  );");
            statement.execute("alter table analytics.models.customers cluster by (name)");
            statement.execute("alter table analytics.models.customers resume recluster");
            statement.execute("create or replace secure view analytics.models.customer_names\n  copy grants\n  as (\n"
                    + "    select name from analytics.models.customers\n  );");
            statement.execute("comment on table analytics.models.customers is $$Customers, one row per name$$");
            statement.execute("comment on view analytics.models.customer_names is 'Names'");
            assertEquals(List.of("Ann", "Bo"), column(statement, "select name from analytics.models.customer_names order by name"));
            assertEquals("Customers, one row per name",
                    emulator.queryValue("select comment from duckdb_tables() where database_name = 'ANALYTICS' and table_name = 'customers'"));
        }
    }

    @Test
    void semiStructuredPathsAndLateralFlatten() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            assertEquals(List.of("Ann", "Bo"),
                    column(statement, "select payload:customer.name::varchar from raw.shop.orders order by id"));
            assertEquals(List.of("1:0:A:2", "1:1:B:3"), column(statement,
                    "select o.id || ':' || e.index || ':' || e.value:sku::varchar || ':' || e.value:qty::number"
                            + " from raw.shop.orders o, lateral flatten(input => o.payload:items) as e order by o.id, e.index"));
            assertEquals(List.of("3"), column(statement, "select payload:items[1].qty::number(10,0) from raw.shop.orders where id = 1"));
        }
    }

    @Test
    void projectFunctions() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("select iff(id > 1, 'late', 'early') as label, nvl(null, id) as n,"
                    + " dayofweekiso(ordered_on) as dow, datediff(day, '2024-01-01'::date, ordered_on) as days,"
                    + " dateadd(day, 7, ordered_on) as week_later, to_date('2024-05-06') as fixed_day, to_varchar(id) as id_text,"
                    + " convert_timezone('UTC', current_timestamp())::timestamp_ntz as loaded_at,"
                    + " row_number() over (order by id desc) as rn"
                    + " from raw.shop.orders order by id")) {
                assertTrue(rows.next());
                assertEquals("early", rows.getString("LABEL"));
                assertEquals(1, rows.getLong("N"));
                assertEquals(7, rows.getInt("DOW"));
                assertEquals(6, rows.getInt("DAYS"));
                assertEquals(LocalDate.of(2024, 1, 14), rows.getDate("WEEK_LATER").toLocalDate());
                assertEquals("DATE", rows.getMetaData().getColumnTypeName(rows.findColumn("WEEK_LATER")), "a date plus days is a date");
                assertEquals(LocalDate.of(2024, 5, 6), rows.getDate("FIXED_DAY").toLocalDate());
                assertEquals("1", rows.getString("ID_TEXT"));
                assertTrue(rows.getTimestamp("LOADED_AT") != null);
                assertEquals(2, rows.getInt("RN"));
                assertTrue(rows.next());
                assertEquals("late", rows.getString("LABEL"));
                assertFalse(rows.next());
            }
            assertEquals(List.of("0", "1", "2", "3"), column(statement, "select seq4() from table(generator(rowcount => 4))"));
            assertEquals(List.of("12.50"), column(statement, "select cast(12.5 as number(10,2))"));
        }
    }

    @Test
    void dateaddKeepsSnowflakesResultTypes() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select dateadd(month, 1, '2024-01-31'::date) as d, dateadd(hour, 1, '2024-01-31'::date) as h,"
                     + " dateadd(minute, 90, '2024-01-31 10:00:00'::timestamp_ntz) as m, dateadd(quarter, -1, '2024-05-15'::date) as q,"
                     + " dateadd(second, 1.5, '2024-01-31 10:00:00'::timestamp_ntz) as s, dateadd(year, 1, '2024-02-29'::date) as y")) {
            assertTrue(rows.next());
            assertEquals("DATE", rows.getMetaData().getColumnTypeName(1));
            assertEquals(LocalDate.of(2024, 2, 29), rows.getDate("D").toLocalDate());
            assertEquals("TIMESTAMPNTZ", rows.getMetaData().getColumnTypeName(2));
            assertEquals(java.time.LocalDateTime.of(2024, 1, 31, 1, 0), rows.getTimestamp("H").toLocalDateTime());
            assertEquals(java.time.LocalDateTime.of(2024, 1, 31, 11, 30), rows.getTimestamp("M").toLocalDateTime());
            assertEquals(LocalDate.of(2024, 2, 15), rows.getDate("Q").toLocalDate());
            assertEquals(java.time.LocalDateTime.of(2024, 1, 31, 10, 0, 1, 500_000_000), rows.getTimestamp("S").toLocalDateTime());
            assertEquals(LocalDate.of(2025, 2, 28), rows.getDate("Y").toLocalDate());
        }
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select dateadd(hour, -3, coalesce(max(ordered_at), cast('1900-01-01' as timestamp))) as since"
                     + " from raw.shop.orders")) {
            assertTrue(rows.next());
            assertEquals(java.time.LocalDateTime.of(2024, 1, 8, 8, 30), rows.getTimestamp("SINCE").toLocalDateTime());
        }
    }

    @Test
    void daySpineFromAGenerator() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create or replace view analytics.models.days as (select date_day from ("
                    + " select dateadd(day, row_number() over (order by seq4()) - 1, cast('2024-01-01' as date)) as date_day"
                    + " from table(generator(rowcount => 7305))) as days where date_day <= cast('2024-01-05' as date))");
            assertEquals(List.of("2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"),
                    column(statement, "select date_day from analytics.models.days order by 1"));
        }
        assertEquals(5L, ((Number) emulator.queryValue("select count(*) from ANALYTICS.MODELS.DAYS")).longValue(),
                "views using the session macros read from the backing DuckDB too");
    }

    @Test
    void dynamicTablesAreListedAndRefreshed() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create or replace table analytics.models.source_rows as (select 1 as id)");
            statement.execute("create or replace dynamic table analytics.models.rollup\n  target_lag = '5 minutes'\n  warehouse = transforming\n"
                    + "  refresh_mode = incremental\n  initialize = on_create\n  as (\n    select count(*) as n from analytics.models.source_rows\n  )");
            try (ResultSet rows = statement.executeQuery("show dynamic tables like 'ROLLUP' in schema analytics.models")) {
                assertTrue(rows.next());
                assertEquals("ROLLUP", rows.getString("name"));
                assertEquals("ANALYTICS", rows.getString("database_name"));
                assertEquals("MODELS", rows.getString("schema_name"));
                assertEquals("5 minutes", rows.getString("target_lag"));
                assertEquals("TRANSFORMING", rows.getString("warehouse"));
                assertEquals("INCREMENTAL", rows.getString("refresh_mode"));
                assertTrue(rows.getString("text").contains("select count(*) as n from analytics.models.source_rows"), rows.getString("text"));
                assertFalse(rows.next());
            }
            try (ResultSet rows = statement.executeQuery("show terse objects in schema analytics.models")) {
                boolean found = false;
                while (rows.next()) {
                    if (rows.getString("name").equals("ROLLUP")) {
                        assertEquals("TABLE", rows.getString("kind"));
                        found = true;
                    }
                }
                assertTrue(found);
            }
            assertEquals(List.of("1"), column(statement, "select n from analytics.models.rollup"));
            statement.execute("insert into analytics.models.source_rows values (2)");
            assertEquals(List.of("1"), column(statement, "select n from analytics.models.rollup"), "not refreshed yet");
            statement.execute("alter dynamic table analytics.models.rollup refresh");
            assertEquals(List.of("2"), column(statement, "select n from analytics.models.rollup"));
            statement.execute("drop dynamic table analytics.models.rollup");
            try (ResultSet rows = statement.executeQuery("show dynamic tables in schema analytics.models")) {
                assertFalse(rows.next());
            }
        }
    }

    @Test
    void seedShapedBatchIntoACreatedTable() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create table analytics.models.country_codes (\"COUNTRY_CODE\" varchar, \"NAME\" varchar, \"POPULATION\" number(38,0))");
            try (var insert = connection.prepareStatement("insert into analytics.models.country_codes (\"COUNTRY_CODE\", \"NAME\", \"POPULATION\") values (?, ?, ?)")) {
                String[][] rows = {{"NL", "Netherlands", "17900000"}, {"BE", "Belgium", null}};
                for (String[] row : rows) {
                    insert.setString(1, row[0]);
                    insert.setString(2, row[1]);
                    if (row[2] == null) {
                        insert.setNull(3, java.sql.Types.BIGINT);
                    } else {
                        insert.setLong(3, Long.parseLong(row[2]));
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            assertEquals(List.of("BE:null", "NL:17900000"),
                    column(statement, "select country_code || ':' || nvl(to_varchar(population), 'null') from analytics.models.country_codes order by 1"));
        }
    }
}
