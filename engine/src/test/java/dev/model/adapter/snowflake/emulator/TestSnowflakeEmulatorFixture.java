package dev.model.adapter.snowflake.emulator;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Snowflake protocol emulator as a fixture: options, profile text, independence of instances, parallel sessions. */
final class TestSnowflakeEmulatorFixture {

    @Test
    @SuppressWarnings("unchecked")
    void profileYamlPointsAtTheEmulatorOverPlainHttp() {
        try (TestingSnowflakeEmulator emulator = TestingSnowflakeEmulator.start()) {
            Map<String, Object> profiles = new Yaml().load(emulator.profileYaml("shop", "dev", "DBT_TEST", 4));
            Map<String, Object> profile = (Map<String, Object>) profiles.get("shop");
            assertEquals("dev", profile.get("target"));
            Map<String, Object> target = (Map<String, Object>) ((Map<String, Object>) profile.get("outputs")).get("dev");
            assertEquals("snowflake", target.get("type"));
            assertEquals("emulator", target.get("account"));
            assertEquals("127.0.0.1", target.get("host"));
            assertEquals(emulator.port(), target.get("port"));
            assertEquals("http", target.get("protocol"));
            assertEquals("model_user", target.get("user"));
            assertEquals("model_password", target.get("password"));
            assertEquals("TRANSFORMER", target.get("role"));
            assertEquals("TRANSFORMING", target.get("warehouse"));
            assertEquals("ANALYTICS", target.get("database"));
            assertEquals("DBT_TEST", target.get("schema"));
            assertEquals(4, target.get("threads"));
            assertEquals("jdbc:snowflake://127.0.0.1:" + emulator.port() + "/", emulator.jdbcUrl());
        }
    }

    @Test
    void optionsDefineUsersRolesWarehousesAndDatabases() throws SQLException {
        TestingSnowflakeEmulator.Options options = TestingSnowflakeEmulator.Options.defaults()
                .withUsers(Map.of("loader", "secret"))
                .withRoles(List.of("loader_role"))
                .withWarehouses(List.of("loading"))
                .withDatabases(List.of("landing"));
        try (TestingSnowflakeEmulator emulator = TestingSnowflakeEmulator.start(options);
             Connection connection = DriverManager.getConnection(emulator.jdbcUrl(), emulator.connectionProperties());
             Statement statement = connection.createStatement()) {
            assertEquals("LANDING", connection.getCatalog());
            try (ResultSet rows = statement.executeQuery("select current_role()")) {
                assertTrue(rows.next());
                assertEquals("LOADER_ROLE", rows.getString(1));
            }
            statement.execute("create or replace table t as (select 1 as id)");
            assertEquals(1L, ((Number) emulator.queryValue("select count(*) from LANDING.PUBLIC.t")).longValue());
            assertThrows(SQLException.class, () -> DriverManager.getConnection(emulator.jdbcUrl(),
                    emulator.connectionProperties("model_user", "model_password")).close());
        }
    }

    @Test
    void twoEmulatorsShareNothing() throws SQLException {
        try (TestingSnowflakeEmulator first = TestingSnowflakeEmulator.start();
             TestingSnowflakeEmulator second = TestingSnowflakeEmulator.start();
             Connection a = DriverManager.getConnection(first.jdbcUrl(), first.connectionProperties());
             Connection b = DriverManager.getConnection(second.jdbcUrl(), second.connectionProperties());
             Statement sa = a.createStatement(); Statement sb = b.createStatement()) {
            sa.execute("create or replace table analytics.public.only_first as (select 1 as id)");
            sa.execute("grant select on table analytics.public.only_first to role public");
            assertThrows(SQLException.class, () -> sb.executeQuery("select * from analytics.public.only_first"));
            assertTrue(second.grants().isEmpty());
            assertFalse(second.statements().stream().anyMatch(s -> s.sqlText().startsWith("create")));
        }
    }

    @Test
    void parallelSessionsBuildRelationsInOneSchema() throws Exception {
        try (TestingSnowflakeEmulator emulator = TestingSnowflakeEmulator.start()) {
            try (Connection connection = DriverManager.getConnection(emulator.jdbcUrl(), emulator.connectionProperties());
                 Statement statement = connection.createStatement()) {
                statement.execute("create schema if not exists analytics.parallel");
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Long>> results = new ArrayList<>();
                for (int worker = 0; worker < 4; worker++) {
                    int w = worker;
                    results.add(pool.submit(() -> {
                        try (Connection connection = DriverManager.getConnection(emulator.jdbcUrl(), emulator.connectionProperties());
                             Statement statement = connection.createStatement()) {
                            long total = 0;
                            for (int i = 0; i < 5; i++) {
                                String table = "analytics.parallel.t_" + w + "_" + i;
                                statement.execute("create or replace transient table " + table + " as (select range as id from range(" + (i + 1) + "))");
                                statement.execute("create or replace view " + table + "_v as (select * from " + table + ")");
                                try (ResultSet rows = statement.executeQuery("select count(*) from " + table + "_v")) {
                                    rows.next();
                                    total += rows.getLong(1);
                                }
                            }
                            return total;
                        }
                    }));
                }
                for (Future<Long> result : results) {
                    assertEquals(15L, result.get());
                }
            } finally {
                pool.shutdownNow();
            }
            try (Connection connection = DriverManager.getConnection(emulator.jdbcUrl(), emulator.connectionProperties());
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("show terse objects in schema analytics.parallel")) {
                int count = 0;
                while (rows.next()) {
                    count++;
                }
                assertEquals(40, count);
            }
        }
    }
}
