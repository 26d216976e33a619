package dev.model.run.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.model.run.NodeResult;
import dev.model.run.NodeStatus;
import dev.model.run.TestingExecution;
import dev.model.run.TestingExecution.Warehouse;
import dev.model.run.seed.SeedExecutor;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

final class TestSnapshotExecutor {

    private static final String TIMESTAMP_SNAPSHOT = """
            {% snapshot customers_snapshot %}
            {{ config(target_schema='snapshots', unique_key='id', strategy='timestamp', updated_at='updated_at',
                      invalidate_hard_deletes=True) }}
            select id, name, updated_at from raw_customers
            {% endsnapshot %}
            """;

    @TempDir
    Path dir;

    static Stream<Arguments> warehousesAndApplyModes() {
        return Stream.of(Warehouse.values()).flatMap(w -> Stream.of(
                Arguments.of(w, SnapshotExecutor.Apply.MERGE), Arguments.of(w, SnapshotExecutor.Apply.UPDATE_THEN_INSERT)));
    }

    private static String snapshotTable(TestingExecution project, String name) {
        return project.adapter().relation(null, "snapshots", name).render();
    }

    @ParameterizedTest
    @MethodSource("warehousesAndApplyModes")
    void timestampStrategyInsertsUpdatesAndInvalidatesDeletes(Warehouse warehouse, SnapshotExecutor.Apply apply) {
        try (TestingExecution project = new TestingExecution(dir, warehouse)) {
            SnapshotExecutor executor = new SnapshotExecutor(Clock.systemUTC(), apply);
            project.file("snapshots/customers.sql", TIMESTAMP_SNAPSHOT);
            project.adapter().execute("create table raw_customers (id integer, name varchar(20), updated_at timestamp)");
            project.adapter().execute("insert into raw_customers values (1, 'ann', timestamp '2024-01-01 00:00:00'),"
                    + " (2, 'bob', timestamp '2024-01-01 00:00:00')");
            String table = snapshotTable(project, "customers_snapshot");
            String query = "select id, name, dbt_valid_from, dbt_valid_to, dbt_updated_at, dbt_scd_id from " + table
                    + " order by id, dbt_valid_from";

            NodeResult first = project.execute(executor, "snapshot.shop.customers_snapshot");
            assertEquals(NodeStatus.SUCCESS, first.status(), first.message());
            assertEquals("SELECT 2", first.message());
            List<List<Object>> rows = project.rows(query);
            assertEquals(2, rows.size());
            LocalDateTime jan1 = LocalDateTime.of(2024, 1, 1, 0, 0);
            assertEquals(Arrays.asList(1, "ann", jan1, null, jan1, md5("1|2024-01-01 00:00:00")), ints(rows.get(0)));

            project.adapter().execute("update raw_customers set name = 'anna', updated_at = timestamp '2024-01-02 00:00:00'"
                    + " where id = 1");
            NodeResult second = project.execute(executor, "snapshot.shop.customers_snapshot");
            assertEquals(NodeStatus.SUCCESS, second.status(), second.message());
            LocalDateTime jan2 = LocalDateTime.of(2024, 1, 2, 0, 0);
            rows = project.rows(query);
            assertEquals(3, rows.size(), rows.toString());
            assertEquals(Arrays.asList(1, "ann", jan1, jan2, jan1, md5("1|2024-01-01 00:00:00")), ints(rows.get(0)));
            assertEquals(Arrays.asList(1, "anna", jan2, null, jan2, md5("1|2024-01-02 00:00:00")), ints(rows.get(1)));
            assertEquals(Arrays.asList(2, "bob", jan1, null, jan1, md5("2|2024-01-01 00:00:00")), ints(rows.get(2)));

            project.adapter().execute("delete from raw_customers where id = 2");
            NodeResult third = project.execute(executor, "snapshot.shop.customers_snapshot");
            assertEquals(NodeStatus.SUCCESS, third.status(), third.message());
            rows = project.rows(query);
            assertEquals(3, rows.size());
            assertNotNull(rows.get(2).get(3), "bob's row is closed when he leaves the source");
            assertTrue(((LocalDateTime) rows.get(2).get(3)).isAfter(jan2));
            assertNull(rows.get(1).get(3), "anna stays current");

            NodeResult unchanged = project.execute(executor, "snapshot.shop.customers_snapshot");
            assertEquals(NodeStatus.SUCCESS, unchanged.status(), unchanged.message());
            assertEquals("MERGE 0", unchanged.message());
            assertEquals(rows, project.rows(query));
            assertTrue(project.adapter().getRelation(project.adapter().relation(null, "snapshots",
                    "customers_snapshot__dbt_tmp")).isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void deletesAreIgnoredByDefault(Warehouse warehouse) {
        try (TestingExecution project = new TestingExecution(dir, warehouse)) {
            project.file("snapshots/customers.sql", TIMESTAMP_SNAPSHOT.replace(",\n          invalidate_hard_deletes=True", ""));
            project.adapter().execute("create table raw_customers (id integer, name varchar(20), updated_at timestamp)");
            project.adapter().execute("insert into raw_customers values (1, 'ann', timestamp '2024-01-01 00:00:00')");
            assertEquals(NodeStatus.SUCCESS, project.execute(new SnapshotExecutor(), "snapshot.shop.customers_snapshot").status());
            project.adapter().execute("delete from raw_customers");
            NodeResult result = project.execute(new SnapshotExecutor(), "snapshot.shop.customers_snapshot");
            assertEquals(NodeStatus.SUCCESS, result.status(), result.message());
            assertEquals(List.of(Arrays.asList((Object) null)),
                    project.rows("select dbt_valid_to from " + snapshotTable(project, "customers_snapshot")));
        }
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void checkStrategyVersionsOnlyRowsWhoseCheckedColumnsChange(Warehouse warehouse) {
        try (TestingExecution project = new TestingExecution(dir, warehouse)) {
            project.file("snapshots/customers.sql", """
                    {% snapshot customers_check %}
                    {{ config(target_schema='snapshots', unique_key='id', strategy='check', check_cols=['name']) }}
                    select id, name, email from raw_customers
                    {% endsnapshot %}
                    """);
            project.adapter().execute("create table raw_customers (id integer, name varchar(20), email varchar(40))");
            project.adapter().execute("insert into raw_customers values (1, 'ann', 'a@x'), (2, 'bob', 'b@x'), (3, null, 'c@x')");
            assertEquals(NodeStatus.SUCCESS, project.execute(new SnapshotExecutor(), "snapshot.shop.customers_check").status());

            project.adapter().execute("update raw_customers set name = 'anna' where id = 1");
            project.adapter().execute("update raw_customers set email = 'bob@x' where id = 2");
            project.adapter().execute("update raw_customers set name = 'cy' where id = 3");
            NodeResult second = project.execute(new SnapshotExecutor(), "snapshot.shop.customers_check");
            assertEquals(NodeStatus.SUCCESS, second.status(), second.message());

            String table = snapshotTable(project, "customers_check");
            List<List<Object>> current = project.rows("select id, name, email from " + table
                    + " where dbt_valid_to is null order by id");
            assertEquals(List.of(List.of(1, "anna", "a@x"), List.of(2, "bob", "b@x"), List.of(3, "cy", "c@x")),
                    current.stream().map(TestSnapshotExecutor::ints).toList());
            List<List<Object>> closed = project.rows("select id, name from " + table + " where dbt_valid_to is not null order by id");
            assertEquals(List.of(List.of(1, "ann"), Arrays.asList(3, null)), closed.stream().map(TestSnapshotExecutor::ints).toList());
        }
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void checkAllColumnsSeesEveryColumn(Warehouse warehouse) {
        try (TestingExecution project = new TestingExecution(dir, warehouse)) {
            project.file("snapshots/customers.sql", """
                    {% snapshot customers_all %}
                    {{ config(target_schema='snapshots', unique_key='id', strategy='check', check_cols='all') }}
                    select id, name, email from raw_customers
                    {% endsnapshot %}
                    """);
            project.adapter().execute("create table raw_customers (id integer, name varchar(20), email varchar(40))");
            project.adapter().execute("insert into raw_customers values (1, 'ann', 'a@x'), (2, 'bob', 'b@x')");
            assertEquals(NodeStatus.SUCCESS, project.execute(new SnapshotExecutor(), "snapshot.shop.customers_all").status());
            project.adapter().execute("update raw_customers set email = 'bob@x' where id = 2");
            NodeResult second = project.execute(new SnapshotExecutor(), "snapshot.shop.customers_all");
            assertEquals(NodeStatus.SUCCESS, second.status(), second.message());
            assertEquals(List.of(List.of(1, 1L), List.of(2, 2L)), project.rows("select id, count(*) from "
                    + snapshotTable(project, "customers_all") + " group by id order by id").stream()
                    .map(TestSnapshotExecutor::ints).map(r -> List.of(r.get(0), ((Number) r.get(1)).longValue())).toList());
        }
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void yamlSnapshotWithCompoundKeyOverASeed(Warehouse warehouse) {
        try (TestingExecution project = new TestingExecution(dir, warehouse)) {
            project.file("seeds/orders.csv", "region,id,status,updated_at\neu,1,new,2024-01-01 00:00:00\nus,1,new,2024-01-01 00:00:00\n");
            project.file("snapshots/orders.yml", """
                    version: 2
                    snapshots:
                      - name: orders_snapshot
                        relation: ref('orders')
                        config:
                          schema: snapshots
                          unique_key: [region, id]
                          strategy: timestamp
                          updated_at: updated_at
                    """);
            assertEquals(NodeStatus.SUCCESS, project.execute(new SeedExecutor(), "seed.shop.orders").status());
            NodeResult first = project.execute(new SnapshotExecutor(), "snapshot.shop.orders_snapshot");
            assertEquals(NodeStatus.SUCCESS, first.status(), first.message());
            String table = project.adapter().relation(null, first.relationName().contains("main_snapshots") ? "main_snapshots"
                    : "PUBLIC_snapshots", "orders_snapshot").render();
            assertEquals(table, first.relationName());
            assertEquals(List.of(List.of(md5("eu|1|2024-01-01 00:00:00")), List.of(md5("us|1|2024-01-01 00:00:00"))),
                    project.rows("select dbt_scd_id from " + table + " order by region"));

            project.file("seeds/orders.csv", "region,id,status,updated_at\neu,1,new,2024-01-01 00:00:00\nus,1,paid,2024-01-03 00:00:00\n");
            assertEquals(NodeStatus.SUCCESS, project.execute(new SeedExecutor(), "seed.shop.orders").status());
            NodeResult second = project.execute(new SnapshotExecutor(), "snapshot.shop.orders_snapshot");
            assertEquals(NodeStatus.SUCCESS, second.status(), second.message());
            assertEquals(List.of(List.of("eu", "new"), List.of("us", "new"), List.of("us", "paid")),
                    project.rows("select region, status from " + table + " order by region, dbt_valid_from"));
            assertEquals(List.of(List.of("eu", "new"), List.of("us", "paid")),
                    project.rows("select region, status from " + table + " where dbt_valid_to is null order by region"));
        }
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void hardDeletesNewRecordAddsADeletionRow(Warehouse warehouse) {
        try (TestingExecution project = new TestingExecution(dir, warehouse)) {
            project.file("snapshots/customers.sql", TIMESTAMP_SNAPSHOT.replace("invalidate_hard_deletes=True", "hard_deletes='new_record'"));
            project.adapter().execute("create table raw_customers (id integer, name varchar(20), updated_at timestamp)");
            project.adapter().execute("insert into raw_customers values (1, 'ann', timestamp '2024-01-01 00:00:00'),"
                    + " (2, 'bob', timestamp '2024-01-01 00:00:00')");
            assertEquals(NodeStatus.SUCCESS, project.execute(new SnapshotExecutor(), "snapshot.shop.customers_snapshot").status());
            project.adapter().execute("delete from raw_customers where id = 2");
            NodeResult second = project.execute(new SnapshotExecutor(), "snapshot.shop.customers_snapshot");
            assertEquals(NodeStatus.SUCCESS, second.status(), second.message());
            String table = snapshotTable(project, "customers_snapshot");
            assertEquals(List.of(List.of(2, "bob", "False", false), List.of(2, "bob", "True", true)),
                    project.rows("select id, name, dbt_is_deleted, dbt_valid_to is null from " + table
                            + " where id = 2 order by dbt_valid_from").stream().map(TestSnapshotExecutor::ints).toList());

            NodeResult third = project.execute(new SnapshotExecutor(), "snapshot.shop.customers_snapshot");
            assertEquals("MERGE 0", third.message(), "a deleted key is recorded once");
        }
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void validToCurrentMarksCurrentRowsAndCompiledSqlIsWritten(Warehouse warehouse) {
        try (TestingExecution project = new TestingExecution(dir, warehouse)) {
            project.file("snapshots/customers.sql", TIMESTAMP_SNAPSHOT.replace("invalidate_hard_deletes=True",
                    "dbt_valid_to_current=\"cast('9999-12-31 00:00:00' as timestamp)\""));
            project.adapter().execute("create table raw_customers (id integer, name varchar(20), updated_at timestamp)");
            project.adapter().execute("insert into raw_customers values (1, 'ann', timestamp '2024-01-01 00:00:00')");
            assertEquals(NodeStatus.SUCCESS, project.execute(new SnapshotExecutor(), "snapshot.shop.customers_snapshot").status());
            project.adapter().execute("update raw_customers set name = 'anna', updated_at = timestamp '2024-01-05 00:00:00'");
            NodeResult second = project.execute(new SnapshotExecutor(), "snapshot.shop.customers_snapshot");
            assertEquals(NodeStatus.SUCCESS, second.status(), second.message());
            LocalDateTime endOfTime = LocalDateTime.of(9999, 12, 31, 0, 0);
            assertEquals(List.of(List.of("ann", LocalDateTime.of(2024, 1, 5, 0, 0)), List.of("anna", endOfTime)),
                    project.rows("select name, dbt_valid_to from " + snapshotTable(project, "customers_snapshot")
                            + " order by dbt_valid_from"));
            assertTrue(java.nio.file.Files.readString(project.root().resolve(second.compiledPath()))
                    .contains("select id, name, updated_at from raw_customers"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void snapshotWithAnUnknownStrategyNamesTheFile(Warehouse warehouse) {
        try (TestingExecution project = new TestingExecution(dir, warehouse)) {
            project.file("snapshots/odd.sql", """
                    {% snapshot odd %}
                    {{ config(target_schema='snapshots', unique_key='id', strategy='latest') }}
                    select 1 as id
                    {% endsnapshot %}
                    """);
            NodeResult odd = project.execute(new SnapshotExecutor(), "snapshot.shop.odd");
            assertEquals(NodeStatus.ERROR, odd.status());
            assertEquals("snapshots/odd.sql: Snapshot 'odd' has an unknown strategy 'latest': use 'timestamp' or 'check'",
                    odd.message());
        }
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void unknownHardDeletesIsAClearError(Warehouse warehouse) {
        try (TestingExecution project = new TestingExecution(dir, warehouse)) {
            project.file("snapshots/bad.sql", """
                    {% snapshot odd_deletes %}
                    {{ config(target_schema='snapshots', unique_key='id', strategy='check', check_cols='all',
                              hard_deletes='purge') }}
                    select 1 as id
                    {% endsnapshot %}
                    """);
            assertEquals("snapshots/bad.sql: Snapshot 'odd_deletes' has an unknown hard_deletes 'purge': use 'ignore',"
                    + " 'invalidate' or 'new_record'", project.execute(new SnapshotExecutor(), "snapshot.shop.odd_deletes").message());
        }
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void aColumnAddedToTheQueryIsAddedToTheTableAndCheckAllVersionsEveryRow(Warehouse warehouse) {
        try (TestingExecution project = new TestingExecution(dir, warehouse)) {
            project.file("snapshots/customers.sql", """
                    {% snapshot customers_all %}
                    {{ config(target_schema='snapshots', unique_key='id', strategy='check', check_cols='all') }}
                    select * from raw_customers
                    {% endsnapshot %}
                    """);
            project.adapter().execute("create table raw_customers (id integer, name varchar(20))");
            project.adapter().execute("insert into raw_customers values (1, 'ann'), (2, 'bob')");
            assertEquals(NodeStatus.SUCCESS, project.execute(new SnapshotExecutor(), "snapshot.shop.customers_all").status());
            project.adapter().execute("alter table raw_customers add column tier varchar(10)");
            project.adapter().execute("update raw_customers set tier = 'gold' where id = 1");
            NodeResult second = project.execute(new SnapshotExecutor(), "snapshot.shop.customers_all");
            assertEquals(NodeStatus.SUCCESS, second.status(), second.message());
            String table = snapshotTable(project, "customers_all");
            assertTrue(project.adapter().getColumns(project.adapter().relation(null, "snapshots", "customers_all")).stream()
                    .anyMatch(c -> c.name().equalsIgnoreCase("tier")));
            assertEquals(List.of(Arrays.asList(1, "gold"), Arrays.asList(2, null)), project.rows(
                    "select id, tier from " + table + " where dbt_valid_to is null order by id").stream()
                    .map(TestSnapshotExecutor::ints).toList());
            assertEquals(4, project.rows("select * from " + table).size());
        }
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void anExistingTableThatIsNotASnapshotIsRefused(Warehouse warehouse) {
        try (TestingExecution project = new TestingExecution(dir, warehouse)) {
            project.file("snapshots/customers.sql", TIMESTAMP_SNAPSHOT);
            project.adapter().execute("create table raw_customers (id integer, name varchar(20), updated_at timestamp)");
            project.adapter().createSchemaIfMissing(null, "snapshots");
            String table = snapshotTable(project, "customers_snapshot");
            project.adapter().execute("create table " + table + " (id integer, dbt_scd_id varchar(32))");
            NodeResult result = project.execute(new SnapshotExecutor(), "snapshot.shop.customers_snapshot");
            assertEquals(NodeStatus.ERROR, result.status());
            assertEquals("Snapshot target " + table + " is not a snapshot table (missing \"dbt_valid_from\","
                    + " \"dbt_valid_to\"); drop it or choose another target", result.message());
        }
    }

    /** Integers come back as Integer or Long depending on the warehouse; compare them as Integer. */
    private static List<Object> ints(List<Object> row) {
        return row.stream().map(v -> v instanceof Long l ? (Object) l.intValue() : v).toList();
    }

    static String md5(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return String.format("%032x", new BigInteger(1, digest));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
