package dev.model.e2e.snowflake;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The example project end to end on Snowflake, against the same project built on DuckDB: both
 * builds must pass, and every mart must hold the same rows (counts and key aggregates).
 *
 * <p>RAW is what makes the streamed half: the DuckDB build loads the project's deterministic RAW
 * fixture (DuckDB SQL), then this test plays the ingest and copies those very rows into
 * Snowflake's RAW tables (payload as VARIANT, with {@code parse_json} in a bound batch, the
 * ingest's shape). On Snowflake the project runs unchanged: its on-run-start hook leaves RAW alone.
 *
 * <p>Subclasses say where Snowflake is: the Snowflake protocol emulator (every build) or a real
 * account (the opt-in live suite). The tests are the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class TestingExampleProjectOnSnowflake {

    /** The RAW tables of the project's default vars, with the topics the fixture puts in each. */
    private static final List<String> RAW_TABLES = List.of("shop_orders", "shop_web");

    /**
     * Per mart, queries both warehouses answer alike (no cast shorthand, no dialect function);
     * {name} is the relation of a model, {customers_snapshot} that of the snapshot. Rates and
     * quotients are rounded, as DuckDB divides in double and Snowflake in fixed point.
     */
    private static final Map<String, String> FIGURES = figures();

    private Path workspace;
    private TestingExampleProject onDuckDb;
    private TestingExampleProject onSnowflake;
    private SnowflakeUnderTest snowflake;
    private TestingExampleProject.Outcome duckDbBuild;
    private TestingExampleProject.Outcome snowflakeBuild;
    private int rawRowsLoaded;

    /** Starts (or reaches) the Snowflake this class runs on. */
    protected abstract SnowflakeUnderTest openSnowflake(Path workspace) throws Exception;

    /** Stops or cleans what {@link #openSnowflake(Path)} started or created. */
    protected abstract void closeSnowflake() throws Exception;

    @BeforeAll
    void buildOnDuckDbThenOnSnowflake() throws Exception {
        workspace = Files.createTempDirectory("model-e2e-snowflake");
        snowflake = openSnowflake(workspace);
        onDuckDb = TestingExampleProject.copyInto(workspace.resolve("duckdb"));
        duckDbBuild = onDuckDb.run(Map.of(), "build", "--vars", "{load_raw_fixture: true}");
        assertEquals(0, duckDbBuild.exitCode(), () -> "the DuckDB reference build failed:\n" + duckDbBuild);

        try (Connection duckdb = openDuckDb(); Connection target = snowflake.connect()) {
            rawRowsLoaded = copyRaw(duckdb, target);
        }
        onSnowflake = TestingExampleProject.copyInto(workspace.resolve("snowflake"));
        snowflakeBuild = build(onSnowflake);
    }

    @AfterAll
    void close() throws Exception {
        try {
            if (snowflake != null) {
                closeSnowflake();
            }
        } finally {
            deleteRecursively(workspace);
        }
    }

    @Test
    @Order(1)
    void theBuildPassesAsOnDuckDb() {
        assertEquals(0, snowflakeBuild.exitCode(), () -> "the build on " + snowflake.description() + " failed:\n"
                + snowflakeBuild);
        // the same nodes, with the same outcome: every model, seed, snapshot and test
        assertEquals(summary(duckDbBuild), summary(snowflakeBuild), snowflakeBuild::toString);
        assertTrue(rawRowsLoaded > 1000, "RAW rows copied: " + rawRowsLoaded);
    }

    @Test
    @Order(2)
    void everyMartHoldsWhatItHoldsOnDuckDb() throws SQLException {
        assertEquals(0, snowflakeBuild.exitCode(), snowflakeBuild::toString);
        Map<String, List<String>> expected = figures(openDuckDb(), this::duckDbRelation);
        Map<String, List<String>> actual = figures(snowflake.connect(), this::snowflakeRelation);
        assertAll(FIGURES.keySet().stream().map(figure -> () ->
                assertEquals(expected.get(figure), actual.get(figure), figure + " on " + snowflake.description())));
        // and the figures are not vacuous: the streamed half is there
        assertEquals(List.of("history|130", "stream|120"), actual.get("orders by source"));
    }

    @Test
    @Order(3)
    void aSecondBuildMergesIncrementallyAndChangesNothing() throws SQLException {
        assertEquals(0, snowflakeBuild.exitCode(), snowflakeBuild::toString);
        Map<String, List<String>> before = figures(snowflake.connect(), this::snowflakeRelation);

        TestingExampleProject.Outcome again = build(onSnowflake);

        assertEquals(0, again.exitCode(), again::toString);
        assertEquals(before, figures(snowflake.connect(), this::snowflakeRelation));
        try (Connection target = snowflake.connect()) {
            assertEquals(List.of("250|250"), rows(target, "select count(*), count(distinct order_id) from "
                    + snowflakeRelation("fct_orders")));
            assertEquals(List.of("460|460"), rows(target, "select count(*), count(distinct order_line_id) from "
                    + snowflakeRelation("fct_order_lines")));
        }
    }

    SnowflakeUnderTest snowflake() {
        return snowflake;
    }

    private TestingExampleProject.Outcome build(TestingExampleProject project) {
        List<String> args = new ArrayList<>(snowflake.cliArguments());
        if (snowflake.vars() != null) {
            args.add("--vars");
            args.add(snowflake.vars());
        }
        return project.run(snowflake.environment(), "build", args.toArray(String[]::new));
    }

    private Connection openDuckDb() throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:" + onDuckDb.root().resolve("target").resolve("shop.duckdb"));
    }

    private String duckDbRelation(String name) {
        return name.equals("customers_snapshot") ? "snapshots.customers_snapshot" : "main." + name;
    }

    private String snowflakeRelation(String name) {
        return name.equals("customers_snapshot")
                ? snowflake.relation(snowflake.snapshotSchema(), name)
                : snowflake.relation(snowflake.schema(), name);
    }

    /**
     * Creates the RAW tables on Snowflake as the ingest does (payload VARIANT) and copies the rows
     * of the DuckDB build's RAW into them, in bound batches.
     */
    private int copyRaw(Connection duckdb, Connection target) throws SQLException {
        try (Statement ddl = target.createStatement()) {
            ddl.execute("create schema if not exists " + snowflake.database() + "." + snowflake.rawSchema());
        }
        int copied = 0;
        for (String table : RAW_TABLES) {
            String relation = snowflake.relation(snowflake.rawSchema(), table);
            try (Statement ddl = target.createStatement()) {
                ddl.execute("create or replace table " + relation + " (event_id varchar, event_type varchar,"
                        + " payload variant, kafka_topic varchar, kafka_partition integer, kafka_offset bigint,"
                        + " kafka_timestamp timestamp_ntz, kafka_key varchar, ingested_at timestamp_ntz)");
            }
            String insert = "insert into " + relation + " (event_id, event_type, payload, kafka_topic, kafka_partition,"
                    + " kafka_offset, kafka_timestamp, kafka_key, ingested_at)"
                    + " select column1, column2, parse_json(column3), column4, column5, column6, column7, column8, column9"
                    + " from values (?, ?, ?, ?, ?, ?, ?, ?, ?)";
            String read = "select event_id, event_type, cast(payload as varchar), kafka_topic, kafka_partition, kafka_offset,"
                    + " strftime(kafka_timestamp, '%Y-%m-%d %H:%M:%S.%f'), kafka_key, strftime(ingested_at, '%Y-%m-%d %H:%M:%S.%f')"
                    + " from raw." + table + " order by kafka_topic, kafka_partition, kafka_offset";
            try (Statement source = duckdb.createStatement(); ResultSet rows = source.executeQuery(read);
                 PreparedStatement batch = target.prepareStatement(insert)) {
                int inBatch = 0;
                while (rows.next()) {
                    batch.setString(1, rows.getString(1));
                    batch.setString(2, rows.getString(2));
                    batch.setString(3, rows.getString(3));
                    batch.setString(4, rows.getString(4));
                    batch.setInt(5, rows.getInt(5));
                    batch.setLong(6, rows.getLong(6));
                    batch.setString(7, rows.getString(7));
                    batch.setString(8, rows.getString(8));
                    batch.setString(9, rows.getString(9));
                    batch.addBatch();
                    copied++;
                    if (++inBatch == 500) {
                        batch.executeBatch();
                        inBatch = 0;
                    }
                }
                if (inBatch > 0) {
                    batch.executeBatch();
                }
            }
        }
        return copied;
    }

    private static Map<String, List<String>> figures(Connection connection, UnaryOperator<String> relations)
            throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (connection) {
            for (Map.Entry<String, String> figure : FIGURES.entrySet()) {
                out.put(figure.getKey(), rows(connection, withRelations(figure.getValue(), relations)));
            }
        }
        return out;
    }

    private static String withRelations(String sql, UnaryOperator<String> relations) {
        Matcher names = Pattern.compile("\\{(\\w+)}").matcher(sql);
        StringBuilder out = new StringBuilder();
        while (names.find()) {
            names.appendReplacement(out, Matcher.quoteReplacement(relations.apply(names.group(1))));
        }
        names.appendTail(out);
        return out.toString();
    }

    /** Each row as its values joined by |, numbers without trailing zeros, dates as ISO dates. */
    static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(canonical(result.getObject(i)));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }

    private static String canonical(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            return canonical(BigDecimal.valueOf(((Number) value).doubleValue()));
        }
        if (value instanceof Number || value instanceof BigInteger) {
            return canonical(new BigDecimal(value.toString()));
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        return value.toString();
    }

    private static Map<String, String> figures() {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("orders by source", "select order_source, count(*) from {fct_orders} group by order_source order by 1");
        figures.put("fct_orders", "select order_source, status, count(*), count(distinct order_id), sum(order_total),"
                + " sum(captured_amount), sum(item_count), sum(shipping_amount),"
                + " sum(case when is_revenue then 1 else 0 end), sum(case when is_returned then 1 else 0 end),"
                + " count(distinct marketing_channel), min(order_date), max(order_date)"
                + " from {fct_orders} group by order_source, status order by 1, 2");
        figures.put("fct_orders: late and tied events", "select order_id, status, marketing_channel from {fct_orders}"
                + " where order_id in ('5006', '5007', '5013', '5021', '5114') order by 1");
        figures.put("fct_order_lines", "select order_source, count(*), count(distinct order_line_id), sum(quantity),"
                + " sum(net_cents), sum(net_amount), count(distinct product_id), count(distinct brand)"
                + " from {fct_order_lines} group by order_source order by 1");
        figures.put("dim_customers", "select customer_source, acquisition_channel, count(*), sum(order_count),"
                + " sum(paid_orders), sum(shipped_orders), sum(returned_orders), sum(cancelled_orders),"
                + " sum(case when has_ordered then 1 else 0 end), min(signup_date)"
                + " from {dim_customers} group by customer_source, acquisition_channel order by 1, 2");
        figures.put("dim_products", "select product_source, category, count(*), sum(list_price), count(sku),"
                + " sum(case when is_active then 1 else 0 end) from {dim_products} group by product_source, category order by 1, 2");
        figures.put("dim_date", "select count(*), min(date_day), sum(iso_day_of_week),"
                + " sum(case when is_weekend then 1 else 0 end), count(distinct week_start_date),"
                + " count(distinct month_start_date), sum(quarter_number)"
                + " from {dim_date} where date_day <= (select max(order_date) from {fct_orders})");
        figures.put("fct_daily_sales", "select marketing_channel, count(*), sum(order_count), sum(revenue_order_count),"
                + " sum(items_sold), sum(revenue), sum(average_order_value), sum(returned_order_count), sum(return_rate)"
                + " from {fct_daily_sales} group by marketing_channel order by 1");
        figures.put("fct_daily_revenue", "select count(*), sum(order_count), sum(revenue), count(revenue_previous_week),"
                + " round(sum(revenue_growth_wow), 4), min(revenue_date) from {fct_daily_revenue}");
        figures.put("customer_lifetime_value", "select acquisition_channel, count(*), sum(revenue_order_count),"
                + " sum(lifetime_revenue), round(sum(average_order_value), 4), sum(active_days),"
                + " sum(case when is_high_value then 1 else 0 end)"
                + " from {customer_lifetime_value} group by acquisition_channel order by 1");
        figures.put("fct_sessions", "select channel, count(*), count(customer_id), sum(page_views), sum(add_to_carts),"
                + " sum(attributed_order_count), sum(attributed_revenue), sum(case when is_converted then 1 else 0 end),"
                + " sum(case when has_added_to_cart then 1 else 0 end) from {fct_sessions} group by channel order by 1");
        figures.put("mkt_channel_performance", "select channel, count(*), sum(session_count), sum(known_visitor_count),"
                + " sum(cart_session_count), sum(converted_session_count), sum(attributed_order_count),"
                + " sum(attributed_revenue), sum(add_to_cart_rate), sum(conversion_rate)"
                + " from {mkt_channel_performance} group by channel order by 1");
        figures.put("customers_snapshot", "select count(*), count(dbt_valid_to), count(distinct customer_id)"
                + " from {customers_snapshot}");
        return figures;
    }

    /** The build's closing line: {@code Done. PASS=.. WARN=.. ERROR=.. SKIP=.. TOTAL=..}. */
    private static String summary(TestingExampleProject.Outcome build) {
        return build.out().lines().filter(line -> line.contains("Done. PASS=")).map(line -> line.substring(line.indexOf("Done.")))
                .findFirst().orElse("no summary line in:\n" + build.out());
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
