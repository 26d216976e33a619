package dev.model.adapter.snowflake.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The metadata statements the Snowflake adapter sends, answered by the Snowflake protocol emulator, through the real driver. */
final class TestSnowflakeEmulatorMetadata {

    private static TestingSnowflakeEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = TestingSnowflakeEmulator.start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(emulator.jdbcUrl(), emulator.connectionProperties("model_user", "model_password"));
    }

    private static List<List<String>> rows(Statement statement, String sql, String... columns) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (String column : columns) {
                    row.add(result.getString(column));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void showTerseObjectsListsTablesAndViewsWithUpperCaseNames() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create schema if not exists analytics.objects_test");
            statement.execute("create or replace table analytics.objects_test.orders (id number)");
            statement.execute("create or replace view analytics.objects_test.recent_orders as (select * from analytics.objects_test.orders)");
            statement.execute("create or replace transient table analytics.objects_test.\"Quoted\" (id number)");
            assertEquals(List.of(
                            List.of("ORDERS", "TABLE", "ANALYTICS", "OBJECTS_TEST"),
                            List.of("QUOTED", "TABLE", "ANALYTICS", "OBJECTS_TEST"),
                            List.of("RECENT_ORDERS", "VIEW", "ANALYTICS", "OBJECTS_TEST")),
                    rows(statement, "show terse objects in schema ANALYTICS.OBJECTS_TEST", "name", "kind", "database_name", "schema_name"));
            try (ResultSet result = statement.executeQuery("show terse objects in schema ANALYTICS.OBJECTS_TEST")) {
                assertTrue(result.next());
                assertTrue(result.getTimestamp("created_on").getTime() > 0, "created_on is when the relation was created");
            }
        }
    }

    @Test
    void showObjectsPagesWithLimitAndFromInNameOrder() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create schema if not exists analytics.paging_test");
            for (String name : List.of("delta", "alpha", "echo", "charlie", "bravo")) {
                statement.execute("create or replace table analytics.paging_test." + name + " (id number)");
            }
            String show = "show terse objects in schema analytics.paging_test";
            assertEquals(List.of(List.of("ALPHA"), List.of("BRAVO")), rows(statement, show + " limit 2", "name"));
            assertEquals(List.of(List.of("CHARLIE"), List.of("DELTA")), rows(statement, show + " limit 2 from 'BRAVO'", "name"));
            assertEquals(List.of(List.of("ECHO")), rows(statement, show + " limit 2 from 'DELTA'", "name"));
            assertEquals(List.of(), rows(statement, show + " limit 2 from 'ECHO'", "name"));
            // A name that is not there: the rows after where it would be.
            assertEquals(List.of(List.of("CHARLIE")), rows(statement, show + " limit 1 from 'BZ'", "name"));
            assertEquals(5, rows(statement, show + " limit 10", "name").size());
        }
    }

    @Test
    void showObjectsLikeIsCaseInsensitiveWithPercentAndUnderscoreWildcards() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create schema if not exists analytics.like_test");
            for (String name : List.of("orders", "order_items", "orderxitems", "customers")) {
                statement.execute("create or replace table analytics.like_test." + name + " (id number)");
            }
            String in = " in schema analytics.like_test";
            assertEquals(List.of(List.of("ORDERS")), rows(statement, "show terse objects like 'Orders'" + in, "name"));
            // In name order, by character code: '_' sorts after the letters.
            assertEquals(List.of(List.of("ORDERS"), List.of("ORDERXITEMS"), List.of("ORDER_ITEMS")),
                    rows(statement, "show terse objects like 'order%'" + in, "name"));
            assertEquals(List.of(List.of("ORDERXITEMS"), List.of("ORDER_ITEMS")),
                    rows(statement, "show terse objects like 'order_items'" + in, "name"));
            assertEquals(List.of(List.of("ORDERXITEMS")),
                    rows(statement, "show terse objects like 'ORDER%'" + in + " limit 1 from 'ORDERS'", "name"));
            assertEquals(List.of(), rows(statement, "show terse objects like 'nothing%'" + in, "name"));
        }
    }

    @Test
    void showTerseObjectsOfAMissingSchemaIsSnowflakesSchemaError() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            SQLException error = assertThrows(SQLException.class, () -> statement.executeQuery("show terse objects in schema ANALYTICS.NOPE"));
            assertEquals(2003, error.getErrorCode());
            assertEquals("02000", error.getSQLState());
            assertTrue(error.getMessage().contains("Schema 'ANALYTICS.NOPE' does not exist or not authorized."), error.getMessage());
        }
    }

    @Test
    void describeTableReportsSnowflakeTypesNullabilityAndComments() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create schema if not exists analytics.describe_test");
            statement.execute("create or replace table analytics.describe_test.t (id number(38,0) not null, name varchar, amount number(10,2),"
                    + " ratio float, active boolean, day date, created_at timestamp_ntz, payload variant)");
            statement.execute("alter table analytics.describe_test.t alter \"NAME\" comment $$the customer's name$$");
            assertEquals(List.of(
                            List.of("ID", "NUMBER(38,0)", "COLUMN", "N"),
                            List.of("NAME", "VARCHAR(16777216)", "COLUMN", "Y"),
                            List.of("AMOUNT", "NUMBER(10,2)", "COLUMN", "Y"),
                            List.of("RATIO", "FLOAT", "COLUMN", "Y"),
                            List.of("ACTIVE", "BOOLEAN", "COLUMN", "Y"),
                            List.of("DAY", "DATE", "COLUMN", "Y"),
                            List.of("CREATED_AT", "TIMESTAMP_NTZ(9)", "COLUMN", "Y"),
                            List.of("PAYLOAD", "VARIANT", "COLUMN", "Y")),
                    rows(statement, "describe table analytics.describe_test.t", "name", "type", "kind", "null?"));
            List<List<String>> comments = rows(statement, "describe table ANALYTICS.DESCRIBE_TEST.T", "name", "comment");
            assertEquals(List.of("NAME", "the customer's name"), comments.get(1));
            statement.execute("create or replace view analytics.describe_test.v as (select id, name from analytics.describe_test.t)");
            assertEquals(List.of(List.of("ID", "NUMBER(38,0)"), List.of("NAME", "VARCHAR(16777216)")),
                    rows(statement, "describe table analytics.describe_test.v", "name", "type"));
        }
    }

    @Test
    void describeOfAMissingTableSaysItDoesNotExist() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            SQLException error = assertThrows(SQLException.class, () -> statement.executeQuery("describe table ANALYTICS.PUBLIC.MISSING"));
            assertEquals(2003, error.getErrorCode());
            assertTrue(error.getMessage().contains("Table 'ANALYTICS.PUBLIC.MISSING' does not exist or not authorized."), error.getMessage());
        }
    }

    @Test
    void queryTagIsSetShownRecordedAndUnset() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            assertEquals(List.of(List.of("QUERY_TAG", "", "")),
                    rows(statement, "show parameters like 'QUERY_TAG' in session", "key", "value", "level"));
            statement.execute("alter session set query_tag = 'model run 7'");
            assertEquals(List.of(List.of("QUERY_TAG", "model run 7", "", "SESSION", "STRING")),
                    rows(statement, "show parameters like 'QUERY_TAG' in session", "key", "value", "default", "level", "type"));
            emulator.clearStatements();
            statement.executeQuery("select 'tagged' as marker").close();
            statement.execute("alter session unset query_tag");
            statement.executeQuery("select 'untagged' as marker").close();
            List<ReceivedStatement> received = emulator.statements();
            assertEquals("model run 7", received.stream().filter(s -> s.sqlText().contains("'tagged'")).findFirst().orElseThrow().queryTag());
            assertNull(received.stream().filter(s -> s.sqlText().contains("'untagged'")).findFirst().orElseThrow().queryTag());
            assertEquals(List.of(List.of("QUERY_TAG", "")), rows(statement, "show parameters like 'query_tag' in session", "key", "value"));
        }
    }

    @Test
    void grantsAreKeptPerRelationShownAndRevoked() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create schema if not exists analytics.grants_test");
            statement.execute("create or replace table analytics.grants_test.t as (select 1 as id)");
            statement.execute("grant select on table analytics.grants_test.t to role sysadmin");
            statement.execute("grant select, insert on table analytics.grants_test.t to role public");
            assertEquals(Set.of(new Grant("SELECT", "SYSADMIN"), new Grant("SELECT", "PUBLIC"), new Grant("INSERT", "PUBLIC")),
                    emulator.grants().get("ANALYTICS.GRANTS_TEST.T"));
            assertEquals(List.of(
                            List.of("OWNERSHIP", "TABLE", "ANALYTICS.GRANTS_TEST.T", "ROLE", "TRANSFORMER"),
                            List.of("SELECT", "TABLE", "ANALYTICS.GRANTS_TEST.T", "ROLE", "SYSADMIN"),
                            List.of("SELECT", "TABLE", "ANALYTICS.GRANTS_TEST.T", "ROLE", "PUBLIC"),
                            List.of("INSERT", "TABLE", "ANALYTICS.GRANTS_TEST.T", "ROLE", "PUBLIC")),
                    rows(statement, "show grants on table analytics.grants_test.t", "privilege", "granted_on", "name", "granted_to", "grantee_name"));
            statement.execute("revoke insert on table analytics.grants_test.t from role public");
            assertEquals(Set.of(new Grant("SELECT", "SYSADMIN"), new Grant("SELECT", "PUBLIC")), emulator.grants().get("ANALYTICS.GRANTS_TEST.T"));

            statement.execute("create or replace table analytics.grants_test.t copy grants as (select 2 as id)");
            assertEquals(2, emulator.grants().get("ANALYTICS.GRANTS_TEST.T").size(), "copy grants keeps them");
            statement.execute("create or replace table analytics.grants_test.t as (select 3 as id)");
            assertFalse(emulator.grants().containsKey("ANALYTICS.GRANTS_TEST.T"), "replacing without copy grants drops them");

            SQLException unknownRole = assertThrows(SQLException.class,
                    () -> statement.execute("grant select on table analytics.grants_test.t to role nobody"));
            assertEquals(2003, unknownRole.getErrorCode());
            SQLException missing = assertThrows(SQLException.class,
                    () -> statement.execute("grant select on table analytics.grants_test.missing to role public"));
            assertEquals(2003, missing.getErrorCode());
        }
    }

    @Test
    void useChangesTheSessionsDatabaseSchemaRoleAndWarehouse() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("use database raw");
            assertEquals("RAW", connection.getCatalog());
            assertEquals("PUBLIC", connection.getSchema());
            statement.execute("create schema if not exists raw.events");
            statement.execute("use schema raw.events");
            statement.execute("create or replace table unqualified (id number)");
            assertEquals(List.of(List.of("UNQUALIFIED")), rows(statement, "show terse objects in schema RAW.EVENTS", "name"));
            statement.execute("use role sysadmin");
            assertEquals(List.of(List.of("SYSADMIN")), rows(statement, "select current_role()", "CURRENT_ROLE()"));
            SQLException error = assertThrows(SQLException.class, () -> statement.execute("use warehouse nope"));
            assertEquals(2043, error.getErrorCode());
        }
    }

    @Test
    void renameToAFullyQualifiedNameAndDropCascade() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create schema if not exists analytics.rename_test");
            statement.execute("create or replace table analytics.rename_test.t__dbt_tmp as (select 1 as id)");
            statement.execute("grant select on table analytics.rename_test.t__dbt_tmp to role public");
            statement.execute("alter table analytics.rename_test.t__dbt_tmp rename to ANALYTICS.RENAME_TEST.T");
            assertEquals(List.of(List.of("T")), rows(statement, "show terse objects in schema analytics.rename_test", "name"));
            assertEquals(Set.of(new Grant("SELECT", "PUBLIC")), emulator.grants().get("ANALYTICS.RENAME_TEST.T"));
            statement.execute("drop table if exists analytics.rename_test.t cascade");
            statement.execute("drop view if exists analytics.rename_test.never_created cascade");
            assertEquals(List.of(), rows(statement, "show terse objects in schema analytics.rename_test", "name"));
            assertFalse(emulator.grants().containsKey("ANALYTICS.RENAME_TEST.T"));
        }
    }

    @Test
    void viewsRenameWithAlterTableAsDbtSnowflakeSendsIt() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create schema if not exists analytics.view_rename");
            statement.execute("create or replace view analytics.view_rename.v__dbt_tmp as (select 1 as id)");
            statement.execute("alter table analytics.view_rename.v__dbt_tmp rename to ANALYTICS.VIEW_RENAME.V");
            assertEquals(List.of(List.of("V", "VIEW")), rows(statement, "show terse objects in schema analytics.view_rename", "name", "kind"));
        }
    }

    @Test
    void droppingASchemaForgetsItsGrants() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create schema if not exists analytics.dropped_schema");
            statement.execute("create or replace table analytics.dropped_schema.t as (select 1 as id)");
            statement.execute("grant select on table analytics.dropped_schema.t to role public");
            assertTrue(emulator.grants().containsKey("ANALYTICS.DROPPED_SCHEMA.T"));
            statement.execute("drop schema if exists analytics.dropped_schema cascade");
            assertFalse(emulator.grants().containsKey("ANALYTICS.DROPPED_SCHEMA.T"));
            SQLException error = assertThrows(SQLException.class, () -> statement.executeQuery("show terse objects in schema analytics.dropped_schema"));
            assertEquals(2003, error.getErrorCode());
        }
    }

    @Test
    void showSchemasAndDatabases() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create schema if not exists raw.listed");
            List<List<String>> schemas = rows(statement, "show terse schemas in database raw", "name", "database_name");
            assertTrue(schemas.contains(List.of("LISTED", "RAW")), schemas.toString());
            assertTrue(schemas.contains(List.of("PUBLIC", "RAW")), schemas.toString());
            List<List<String>> databases = rows(statement, "show databases", "name");
            assertTrue(databases.containsAll(List.of(List.of("ANALYTICS"), List.of("RAW"))), databases.toString());
        }
    }

    @Test
    void createDatabaseAddsACatalog() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create database if not exists scratch");
            statement.execute("create or replace table scratch.public.t as (select 1 as id)");
            assertEquals(List.of(List.of("T")), rows(statement, "show terse objects in scratch.public", "name"));
            statement.execute("drop database scratch");
            SQLException error = assertThrows(SQLException.class, () -> statement.executeQuery("show terse objects in schema SCRATCH.PUBLIC"));
            assertEquals(2003, error.getErrorCode());
        }
    }
}
