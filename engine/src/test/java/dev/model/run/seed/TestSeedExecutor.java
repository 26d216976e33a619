package dev.model.run.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.model.adapter.Relation;
import dev.model.run.NodeResult;
import dev.model.run.NodeStatus;
import dev.model.run.TestingExecution;
import dev.model.run.TestingExecution.Warehouse;
import dev.model.run.execute.RunFlags;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class TestSeedExecutor {

    private static final String ORDERS = """
            id,amount,ordered_on,shipped_at,paid,note
            1,10.5,2024-01-31,2024-02-01 10:00:00,true,first
            2,3,2024-02-01,2024-02-02 11:30:00,False,
            3,,2024-02-02,,true,"with, comma"
            """;

    @TempDir
    Path dir;

    private TestingExecution project(Warehouse warehouse) {
        return new TestingExecution(dir, warehouse);
    }

    private static String table(TestingExecution project, String name) {
        return project.adapter().relation(null, project.adapter().schema(), name).render();
    }

    private static List<String> types(TestingExecution project, String name) {
        return project.adapter().getColumns(project.adapter().relation(null, project.adapter().schema(), name)).stream()
                .map(c -> (c.name() + " " + c.dataType()).toLowerCase(Locale.ROOT)).toList();
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void loadsRowsWithInferredTypesAndReportsInsertCount(Warehouse warehouse) {
        try (TestingExecution project = project(warehouse)) {
            project.file("seeds/orders.csv", ORDERS);
            NodeResult result = project.execute(new SeedExecutor(), "seed.shop.orders");

            assertEquals(NodeStatus.SUCCESS, result.status(), result.message());
            assertEquals("INSERT 3", result.message());
            assertEquals(3L, result.adapterResponse().get("rows_affected"));
            assertEquals("INSERT", result.adapterResponse().get("code"));
            assertEquals(List.of("execute"), result.timing().stream().map(t -> t.name()).filter("execute"::equals).toList());
            List<String> types = types(project, "orders");
            assertEquals(6, types.size());
            assertTrue(types.get(0).matches("id (integer|bigint)"), types.toString());
            assertTrue(types.get(1).matches("amount (double|double precision)"), types.toString());
            assertEquals("ordered_on date", types.get(2));
            assertTrue(types.get(3).startsWith("shipped_at timestamp"), types.toString());
            assertEquals("paid boolean", types.get(4));
            assertTrue(types.get(5).matches("note (varchar|character varying)"), types.toString());

            List<List<Object>> rows = project.rows("select id, amount, ordered_on, shipped_at, paid, note from "
                    + table(project, "orders") + " order by id");
            assertEquals(List.of(1L, 10.5, LocalDate.of(2024, 1, 31), LocalDateTime.of(2024, 2, 1, 10, 0), true, "first"),
                    normalise(rows.get(0)));
            assertEquals(Arrays.asList(2L, 3.0, LocalDate.of(2024, 2, 1), LocalDateTime.of(2024, 2, 2, 11, 30), false, null),
                    normalise(rows.get(1)));
            assertEquals(Arrays.asList(3L, null, LocalDate.of(2024, 2, 2), null, true, "with, comma"), normalise(rows.get(2)));
        }
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void columnTypesOverrideInferenceAndKeepLeadingZeros(Warehouse warehouse) {
        try (TestingExecution project = project(warehouse)) {
            project.file("seeds/zips.csv", "zip,city\n01234,Springfield\n99501,Anchorage\n");
            project.file("seeds/zips.yml", """
                    version: 2
                    seeds:
                      - name: zips
                        config:
                          column_types:
                            zip: varchar(10)
                    """);
            NodeResult result = project.execute(new SeedExecutor(), "seed.shop.zips");

            assertEquals(NodeStatus.SUCCESS, result.status(), result.message());
            assertEquals(List.of(List.of("01234"), List.of("99501")),
                    project.rows("select zip from " + table(project, "zips") + " order by zip"));
            assertTrue(types(project, "zips").get(0).startsWith("zip "), types(project, "zips").toString());
            assertTrue(types(project, "zips").get(0).contains("varchar") || types(project, "zips").get(0).contains("character varying"));
        }
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void secondRunReplacesRowsAndChangedColumnsRecreateTheTable(Warehouse warehouse) {
        try (TestingExecution project = project(warehouse)) {
            project.file("seeds/orders.csv", ORDERS);
            assertEquals(NodeStatus.SUCCESS, project.execute(new SeedExecutor(), "seed.shop.orders").status());

            project.file("seeds/orders.csv", "id,amount,ordered_on,shipped_at,paid,note\n7,1.5,2024-03-01,2024-03-01 00:00:00,true,x\n");
            NodeResult same = project.execute(new SeedExecutor(), "seed.shop.orders");
            assertEquals("INSERT 1", same.message());
            assertEquals(List.of(List.of(7L)), normaliseAll(project.rows("select id from " + table(project, "orders"))));

            project.file("seeds/orders.csv", "id,customer\n8,ann\n9,bob\n");
            NodeResult changed = project.execute(new SeedExecutor(), "seed.shop.orders");
            assertEquals("INSERT 2", changed.message());
            assertEquals(2, types(project, "orders").size());

            NodeResult refreshed = project.execute(new SeedExecutor(), "seed.shop.orders", new RunFlags(true, false, 1, false));
            assertEquals(NodeStatus.SUCCESS, refreshed.status(), refreshed.message());
            assertEquals(List.of(List.of(8L, "ann"), List.of(9L, "bob")),
                    normaliseAll(project.rows("select id, customer from " + table(project, "orders") + " order by id")));
            assertTrue(project.adapter().getRelation(project.adapter().relation(null, project.adapter().schema(),
                    "orders__dbt_tmp")).isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void raggedRowNamesFileAndLineAndKeepsThePreviousTable(Warehouse warehouse) {
        try (TestingExecution project = project(warehouse)) {
            project.file("seeds/orders.csv", ORDERS);
            assertEquals(NodeStatus.SUCCESS, project.execute(new SeedExecutor(), "seed.shop.orders").status());

            project.file("seeds/orders.csv", """
                    id,amount,ordered_on,shipped_at,paid
                    1,10.5,2024-01-31,2024-02-01 10:00:00,true
                    2,"multi
                    line",2024-01-31,2024-02-01 10:00:00,true
                    3,4,2024-01-31,true
                    """);
            NodeResult result = project.execute(new SeedExecutor(), "seed.shop.orders");

            assertEquals(NodeStatus.ERROR, result.status());
            assertEquals("seeds/orders.csv:5: expected 5 columns, found 4", result.message());
            assertEquals(3, project.rows("select * from " + table(project, "orders")).size());
            assertEquals(6, types(project, "orders").size());
            assertTrue(project.adapter().getRelation(project.adapter().relation(null, project.adapter().schema(),
                    "orders__dbt_tmp")).isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void valueNotFittingColumnTypesNamesLineAndColumn(Warehouse warehouse) {
        try (TestingExecution project = project(warehouse)) {
            project.file("dbt_project.yml", """
                    name: shop
                    version: '1.0'
                    config-version: 2
                    profile: shop
                    seeds:
                      shop:
                        +column_types:
                          qty: integer
                    """);
            project.file("seeds/items.csv", "sku,qty\na,1\nb,2\nc,lots\n");
            NodeResult result = project.execute(new SeedExecutor(), "seed.shop.items");

            assertEquals(NodeStatus.ERROR, result.status());
            assertEquals("seeds/items.csv:4: value 'lots' in column 'qty' is not a whole number as column_types"
                    + " 'integer' requires", result.message());
            assertTrue(project.adapter().getRelation(project.adapter().relation(null, project.adapter().schema(),
                    "items")).isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void seedFileDeletedAfterParsingIsAClearError(Warehouse warehouse) throws Exception {
        try (TestingExecution project = project(warehouse)) {
            project.file("seeds/orders.csv", ORDERS);
            var loaded = project.load();
            Files.delete(project.root().resolve("seeds/orders.csv"));
            var context = new dev.model.run.execute.ExecutionContext(loaded.parsed(), loaded.graph(), loaded.jinja(),
                    dev.model.task.CompileTask.compiler(loaded), project.adapter(), RunFlags.defaults(1), project.root(),
                    dev.model.log.Log.silent());
            NodeResult result;
            try (var session = project.adapter().openSession("seed")) {
                result = new SeedExecutor().execute(loaded.graph().node("seed.shop.orders"), context, session,
                        new dev.model.run.schedule.CancellationToken());
            }
            assertEquals(NodeStatus.ERROR, result.status());
            assertEquals("seeds/orders.csv: Seed file seeds/orders.csv does not exist (was it deleted after parsing?)",
                    result.message());
        }
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void delimiterConfigAndUnquotedColumns(Warehouse warehouse) {
        try (TestingExecution project = project(warehouse)) {
            project.file("seeds/prices.csv", "sku;price\na;1.25\nb;2\n");
            project.file("seeds/prices.yml", """
                    version: 2
                    seeds:
                      - name: prices
                        config:
                          delimiter: ";"
                    """);
            NodeResult result = project.execute(new SeedExecutor(), "seed.shop.prices");
            assertEquals(NodeStatus.SUCCESS, result.status(), result.message());
            assertEquals(List.of(List.of("a", 1.25), List.of("b", 2.0)),
                    normaliseAll(project.rows("select sku, price from " + table(project, "prices") + " order by sku")));
        }
    }

    @org.junit.jupiter.api.Test
    void duckDbRereadsTheWholeFileWhenALateValueBreaksTheSniffedType() {
        try (TestingExecution project = project(Warehouse.DUCKDB)) {
            StringBuilder csv = new StringBuilder("id,code\n");
            for (int i = 1; i <= 30_000; i++) {
                csv.append(i).append(',').append(i).append('\n');
            }
            csv.append("30001,A-17\n");
            project.file("seeds/codes.csv", csv.toString());
            NodeResult result = project.execute(new SeedExecutor(), "seed.shop.codes");

            assertEquals(NodeStatus.SUCCESS, result.status(), result.message());
            assertEquals("INSERT 30001", result.message());
            assertEquals("code varchar", types(project, "codes").get(1));
            assertEquals(List.of(List.of("A-17")), project.rows("select code from " + table(project, "codes") + " where id = 30001"));
        }
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void schemaAndAliasConfigsNameTheTableAndAByteOrderMarkIsDropped(Warehouse warehouse) {
        try (TestingExecution project = project(warehouse)) {
            project.file("seeds/country_codes.csv", "\uFEFFcode,name\nDE,Germany\n");
            project.file("seeds/props.yml", """
                    version: 2
                    seeds:
                      - name: country_codes
                        config:
                          schema: reference
                          alias: countries
                    """);
            NodeResult result = project.execute(new SeedExecutor(), "seed.shop.country_codes");
            assertEquals(NodeStatus.SUCCESS, result.status(), result.message());
            String schema = project.adapter().schema() + "_reference";
            Relation expected = project.adapter().relation(null, schema, "countries");
            assertEquals(expected.render(), result.relationName());
            assertEquals(List.of("code", "name"), project.adapter().getColumns(expected).stream()
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
        }
    }

    private static List<List<Object>> normaliseAll(List<List<Object>> rows) {
        return rows.stream().map(TestSeedExecutor::normalise).toList();
    }

    /** Warehouses differ in the Java class of numbers; compare integers as long and decimals as double. */
    private static List<Object> normalise(List<Object> row) {
        return row.stream().map(value -> {
            if (value instanceof Integer || value instanceof Short || value instanceof java.math.BigInteger) {
                return (Object) ((Number) value).longValue();
            }
            if (value instanceof BigDecimal decimal) {
                return decimal.scale() <= 0 ? (Object) decimal.longValueExact() : (Object) decimal.doubleValue();
            }
            if (value instanceof Float f) {
                return (Object) f.doubleValue();
            }
            return value;
        }).toList();
    }

}
