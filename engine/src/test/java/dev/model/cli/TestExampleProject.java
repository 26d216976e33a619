package dev.model.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.model.project.TestingFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example project (project/ at the repository root) end to end: a copy is built on DuckDB with
 * the deterministic RAW fixture, as a user would run it, then built again incrementally.
 */
final class TestExampleProject {

    private static final String WITH_FIXTURE = "{load_raw_fixture: true}";

    @TempDir
    Path dir;

    @Test
    void buildsTheStarSchemaFromTheSeedsAndTheRawFixture() throws SQLException {
        Path project = TestingFiles.copyOfExampleProject(dir);

        TestingCli.Outcome outcome = TestingCli.inProject(project, "build", "--vars", WITH_FIXTURE);

        assertEquals(0, outcome.exitCode(), outcome.toString());
        assertTrue(outcome.out().contains("Completed successfully"), outcome.out());
        try (Connection db = open(project)) {
            // 130 back-office orders (seeds) and the fixture's 120 streamed orders, each once
            assertEquals(List.of("history 130", "stream 120"),
                    rows(db, "select order_source || ' ' || count(*) from main.fct_orders group by order_source order by 1"));
            assertEquals(List.of("history 220", "stream 240"),
                    rows(db, "select order_source || ' ' || count(*) from main.fct_order_lines group by order_source order by 1"));
            assertEquals(List.of("64"), rows(db, "select count(*) from main.dim_customers"));
            assertEquals(List.of("53"), rows(db, "select count(*) from main.dim_products"));
            assertEquals(List.of("240"), rows(db, "select count(*) from main.fct_sessions"));
            assertEquals(List.of("240"), rows(db, "select sum(session_count) from main.mkt_channel_performance"));
        }
    }

    @Test
    void redeliveredAndLateEventsDoNotChangeTheResult() throws SQLException {
        Path project = TestingFiles.copyOfExampleProject(dir);

        TestingCli.Outcome outcome = TestingCli.inProject(project, "build", "--vars", WITH_FIXTURE);

        assertEquals(0, outcome.exitCode(), outcome.toString());
        try (Connection db = open(project)) {
            // the fixture lands some events twice...
            assertEquals(List.of("366 336"),
                    rows(db, "select count(*) || ' ' || count(distinct event_id) from raw.shop_orders"
                            + " where kafka_topic = 'orders'"));
            // ...yet every order created in RAW is one row of fct_orders
            assertEquals(rows(db, "select count(distinct payload ->> '$.order_id') from raw.shop_orders"
                            + " where event_type = 'order_created'"),
                    rows(db, "select count(*) from main.fct_orders where order_source = 'stream'"));
            // 5013: shipped and delivered at the same instant, delivered at the higher offset;
            // 5021: its `paid` event lands a day late, after `shipped`
            assertEquals(List.of("5006 returned", "5007 cancelled", "5013 delivered", "5021 shipped"),
                    rows(db, "select order_id || ' ' || status from main.fct_orders"
                            + " where order_id in ('5006', '5007', '5013', '5021') order by order_id"));
            assertEquals(List.of("cancelled 12", "delivered 32", "paid 30", "placed 12", "returned 5", "shipped 29"),
                    rows(db, "select status || ' ' || count(*) from main.fct_orders"
                            + " where order_source = 'stream' group by status order by status"));
        }
    }

    @Test
    void aSecondBuildMergesIncrementallyWithoutDuplicates() throws SQLException {
        Path project = TestingFiles.copyOfExampleProject(dir);
        assertEquals(0, TestingCli.inProject(project, "build", "--vars", WITH_FIXTURE).exitCode());

        TestingCli.Outcome again = TestingCli.inProject(project, "build");

        assertEquals(0, again.exitCode(), again.toString());
        try (Connection db = open(project)) {
            assertEquals(List.of("250 250"),
                    rows(db, "select count(*) || ' ' || count(distinct order_id) from main.fct_orders"));
            assertEquals(List.of("460 460"),
                    rows(db, "select count(*) || ' ' || count(distinct order_line_id) from main.fct_order_lines"));
        }
    }

    @Test
    void withoutTheFixtureTheStreamedHalfIsEmpty() throws SQLException {
        Path project = TestingFiles.copyOfExampleProject(dir);

        TestingCli.Outcome outcome = TestingCli.inProject(project, "build");

        assertEquals(0, outcome.exitCode(), outcome.toString());
        try (Connection db = open(project)) {
            // orders and payments share raw.shop_orders, as the ingest writes them
            assertEquals(List.of("0 0"), rows(db, "select (select count(*) from raw.shop_orders) || ' '"
                    + " || (select count(*) from raw.shop_web)"));
            assertEquals(List.of("history 130"),
                    rows(db, "select order_source || ' ' || count(*) from main.fct_orders group by order_source"));
        }
    }

    private static Connection open(Path project) throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:" + project.resolve("target").resolve("shop.duckdb"));
    }

    private static List<String> rows(Connection db, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
