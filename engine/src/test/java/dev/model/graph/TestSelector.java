package dev.model.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Selection over the shop project of {@link TestingProjects#shop()}:
 * <pre>
 * source shop.orders    -> stg_orders    -> int_orders_enriched -> orders -> customers
 * source shop.customers -> stg_customers -> int_orders_enriched, customers
 * seed country_codes    -> int_orders_enriched;   stg_orders -> orders_snapshot
 * tests: unique(stg_orders), not_null(orders), relationships(orders, customers),
 *        source not_null(shop.orders), singular assert_positive_totals(orders)
 * </pre>
 * Expected sets use short names; sources are {@code src.<table>}.
 */
final class TestSelector {

    private static final ProjectGraph SHOP = TestingProjects.shop();

    private static final Map<String, String> IDS = Map.ofEntries(
            Map.entry("country_codes", "seed.shop.country_codes"),
            Map.entry("src.orders", "source.shop.shop.orders"),
            Map.entry("src.customers", "source.shop.shop.customers"),
            Map.entry("stg_orders", "model.shop.stg_orders"),
            Map.entry("stg_customers", "model.shop.stg_customers"),
            Map.entry("int", "model.shop.int_orders_enriched"),
            Map.entry("orders", "model.shop.orders"),
            Map.entry("customers", "model.shop.customers"),
            Map.entry("snapshot", "snapshot.shop.orders_snapshot"),
            Map.entry("unique_stg", "test.shop.unique_stg_orders_order_id"),
            Map.entry("not_null_orders", "test.shop.not_null_orders_order_id"),
            Map.entry("relationships", "test.shop.relationships_orders_customer_id"),
            Map.entry("source_not_null", "test.shop.source_not_null_shop_orders_id"),
            Map.entry("assert", "test.shop.assert_positive_totals"));

    private static final String ORDERS_TESTS = "not_null_orders relationships assert";
    private static final String ALL = String.join(" ", IDS.keySet());

    private static String allBut(String... excluded) {
        Set<String> names = new TreeSet<>(IDS.keySet());
        Arrays.asList(excluded).forEach(names::remove);
        return String.join(" ", names);
    }

    static Stream<Arguments> selections() {
        return Stream.of(
                // select (one string per CLI argument, '|' separates arguments), exclude, mode, expected
                row("orders", "", "eager", "orders " + ORDERS_TESTS),
                row("stg_orders", "", "eager", "stg_orders unique_stg"),
                row("+orders", "", "eager", allBut("customers", "snapshot")),
                row("orders+", "", "eager", "orders customers " + ORDERS_TESTS),
                row("1+orders", "", "eager", "orders int " + ORDERS_TESTS),
                row("stg_orders+1", "", "eager", "stg_orders int snapshot unique_stg"),
                row("stg_orders+2", "", "eager", "stg_orders int snapshot unique_stg orders " + ORDERS_TESTS),
                row("2+customers", "", "eager",
                        "customers stg_customers orders src.customers int " + ORDERS_TESTS),
                row("+orders+", "", "eager", allBut("snapshot")),
                row("@int_orders_enriched", "", "eager", allBut("snapshot")),
                row("@stg_customers", "", "eager", allBut("snapshot")),
                row("@snapshot.shop.orders_snapshot", "", "eager", "nothing"),
                row("@orders_snapshot", "", "eager", "snapshot stg_orders src.orders unique_stg source_not_null"),
                row("tag:staging", "", "eager", "stg_orders stg_customers unique_stg"),
                row("tag:marts", "", "eager", "orders customers " + ORDERS_TESTS),
                row("tag:fin*", "", "eager", "orders " + ORDERS_TESTS),
                row("+tag:marts", "", "eager", allBut("snapshot")),
                row("path:models/staging", "", "eager",
                        "stg_orders stg_customers src.orders src.customers unique_stg source_not_null"),
                row("models/marts", "", "eager", "orders customers " + ORDERS_TESTS),
                row("path:models/marts/", "", "eager", "orders customers " + ORDERS_TESTS),
                row("path:models/marts/orders.sql", "", "eager", "orders " + ORDERS_TESTS),
                row("path:models/*/stg_*.sql", "", "eager", "stg_orders stg_customers unique_stg"),
                row("path:/projects/shop/seeds", "", "eager", "country_codes"),
                row("orders.sql", "", "eager", "orders " + ORDERS_TESTS),
                row("file:orders", "", "eager", "orders " + ORDERS_TESTS),
                row("shop.staging.*", "", "eager", "stg_orders stg_customers unique_stg source_not_null"),
                row("shop.marts.orders", "", "eager", "orders " + ORDERS_TESTS),
                row("shop", "", "eager", allBut("src.orders", "src.customers")),
                row("stg_*", "", "eager", "stg_orders stg_customers unique_stg"),
                row("stg_?ustomers", "", "eager", "stg_customers"),
                row("config.materialized:table", "", "eager", "orders customers " + ORDERS_TESTS),
                row("config.materialized:ephemeral", "", "eager", "int"),
                row("config.materialized:view", "", "eager", "stg_orders stg_customers unique_stg"),
                row("config.meta.owner:ana", "", "eager", "orders " + ORDERS_TESTS),
                row("config.tags:finance", "", "eager", "orders " + ORDERS_TESTS),
                row("resource_type:seed", "", "eager", "country_codes"),
                row("resource_type:snapshot", "", "eager", "snapshot"),
                row("resource_type:test", "", "eager",
                        "unique_stg not_null_orders relationships source_not_null assert"),
                row("resource_type:source", "", "eager", "src.orders src.customers source_not_null"),
                row("source:shop", "", "eager", "src.orders src.customers source_not_null"),
                row("source:shop.customers", "", "eager", "src.customers"),
                row("source:shop.orders+", "", "eager", allBut("src.customers", "stg_customers", "country_codes")),
                row("source:shop.cust*+1", "", "eager", "src.customers stg_customers"),
                row("test_type:generic", "", "eager", "unique_stg not_null_orders relationships source_not_null"),
                row("test_type:singular", "", "eager", "assert"),
                row("test_type:data", "", "eager", "assert"),
                row("test_type:unit", "", "eager", ""),
                row("test_name:unique", "", "eager", "unique_stg"),
                row("test_name:not_null", "", "eager", "not_null_orders source_not_null"),
                row("fqn:shop.marts.*", "", "eager", "orders customers not_null_orders relationships"
                        + " assert"),
                row("package:shop", "", "eager", ALL),
                row("package:this", "", "eager", ALL),
                row("package:other", "", "eager", ""),
                row("tag:marts,config.materialized:table", "", "eager", "orders customers " + ORDERS_TESTS),
                row("tag:marts,orders+", "", "eager", "orders customers " + ORDERS_TESTS),
                row("+customers,tag:staging", "", "eager", "stg_customers stg_orders unique_stg"),
                row("tag:staging tag:marts", "", "eager",
                        "stg_orders stg_customers unique_stg orders customers " + ORDERS_TESTS),
                row("tag:staging|seeds/country_codes.csv", "", "eager",
                        "stg_orders stg_customers unique_stg country_codes"),
                row("nonexistent", "", "eager", ""),
                row("", "", "eager", ALL),
                // --exclude, applied last, takes the excluded nodes' tests too
                row("+orders", "stg_orders", "eager", allBut("customers", "snapshot", "stg_orders", "unique_stg")),
                row("orders+", "customers", "eager", "orders not_null_orders assert"),
                row("", "tag:marts", "eager", allBut("orders", "customers", "not_null_orders", "relationships",
                        "assert")),
                row("orders", "orders", "eager", ""),
                row("tag:staging", "resource_type:test", "eager", "stg_orders stg_customers"),
                row("resource_type:model", "tag:marts tag:staging", "eager", "int"),
                row("source:shop+", "orders+|int_orders_enriched", "eager", "src.orders src.customers source_not_null "
                        + "stg_orders stg_customers unique_stg snapshot"),
                // indirect selection modes
                row("orders", "", "cautious", "orders not_null_orders assert"),
                row("orders customers", "", "cautious", "orders customers " + ORDERS_TESTS),
                row("orders|customers", "", "cautious", "orders customers " + ORDERS_TESTS),
                row("customers", "", "cautious", "customers"),
                row("orders", "", "empty", "orders"),
                row("customers", "", "buildable", "customers relationships"),
                row("customers", "", "eager", "customers relationships"),
                // as in dbt, a cautious exclude only removes tests it selected itself: the relationships
                // test of the excluded customers was picked directly by +customers and stays
                row("+customers", "customers", "cautious", allBut("customers", "snapshot")),
                row("+customers", "customers", "eager", allBut("customers", "snapshot", "relationships")));
    }

    private static Arguments row(String select, String exclude, String mode, String expected) {
        return Arguments.of(select, exclude, mode, expected);
    }

    @ParameterizedTest(name = "--select {0} --exclude {1} ({2})")
    @MethodSource("selections")
    void selects(String select, String exclude, String mode, String expected) {
        Set<String> selected = new Selector(SHOP).select(arguments(select), arguments(exclude),
                IndirectSelection.fromDbtName(mode));
        assertEquals(ids(expected), selected);
    }

    private static List<String> arguments(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split("\\|"));
    }

    private static Set<String> ids(String names) {
        if (names.equals("nothing")) {
            return Set.of();
        }
        return Arrays.stream(names.split(" ")).filter(name -> !name.isEmpty()).map(name -> {
            String id = IDS.get(name);
            if (id == null) {
                throw new IllegalArgumentException("no short name " + name);
            }
            return id;
        }).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void unknownMethodIsAUsageError() {
        ModelException error = assertThrows(ModelException.class,
                () -> new Selector(SHOP).select(List.of("foo:bar"), List.of(), IndirectSelection.EAGER));
        assertEquals(ErrorCategory.USAGE, error.category());
        assertEquals("Invalid selector 'foo:bar': 'foo' is not a valid method name. Valid methods: fqn, tag, path, "
                + "file, config, resource_type, source, test_type, test_name, package, group, access", error.getMessage());
    }

    @Test
    void knownButUnsupportedMethodSaysSo() {
        ModelException error = assertThrows(ModelException.class,
                () -> new Selector(SHOP).select(List.of("state:modified+"), List.of(), IndirectSelection.EAGER));
        assertEquals(ErrorCategory.USAGE, error.category());
        assertEquals("Invalid selector 'state:modified+': the 'state' method is not supported yet", error.getMessage());
    }

    @Test
    void atAndPlusCannotBeCombined() {
        ModelException error = assertThrows(ModelException.class, () -> SelectionCriterion.parse("@orders+"));
        assertEquals("Invalid selector '@orders+': the @ and + operators cannot be combined", error.getMessage());
    }

    @Test
    void badValuesOfTypedMethodsAreUsageErrors() {
        Selector selector = new Selector(SHOP);
        ModelException type = assertThrows(ModelException.class,
                () -> selector.select(List.of("resource_type:table"), List.of(), IndirectSelection.EAGER));
        assertEquals("Invalid selector 'resource_type:table': 'table' is not a resource type "
                + "(model, seed, snapshot, test, source, ...)", type.getMessage());
        ModelException test = assertThrows(ModelException.class,
                () -> selector.select(List.of("test_type:schemaa"), List.of(), IndirectSelection.EAGER));
        assertEquals("Invalid selector 'test_type:schemaa': 'schemaa' is not a test type (generic, singular, unit)",
                test.getMessage());
        ModelException config = assertThrows(ModelException.class, () -> SelectionCriterion.parse("config:table"));
        assertEquals("Invalid selector 'config:table': name the config key, as in config.materialized:table",
                config.getMessage());
        ModelException arguments = assertThrows(ModelException.class, () -> SelectionCriterion.parse("tag.x:y"));
        assertEquals("Invalid selector 'tag.x:y': the 'tag' method takes no arguments", arguments.getMessage());
        ModelException empty = assertThrows(ModelException.class, () -> SelectionCriterion.parse("tag:"));
        assertEquals("Invalid selector 'tag:': expected [@][N+][method:]value[+N]", empty.getMessage());
    }

    @Test
    void indirectSelectionModeMustBeKnown() {
        ModelException error = assertThrows(ModelException.class, () -> IndirectSelection.fromDbtName("lazy"));
        assertEquals("Invalid --indirect-selection 'lazy': expected one of eager, cautious, buildable, empty",
                error.getMessage());
    }

    @Test
    void parsesOperatorsAndDepths() {
        SelectionCriterion criterion = SelectionCriterion.parse("2+config.meta.owner:ana+3");
        assertEquals(SelectionMethod.CONFIG, criterion.method());
        assertEquals(List.of("meta", "owner"), criterion.methodArguments());
        assertEquals("ana", criterion.value());
        assertEquals(2, criterion.parentsDepth());
        assertEquals(3, criterion.childrenDepth());
        SelectionCriterion unlimited = SelectionCriterion.parse("+orders+");
        assertEquals(ProjectGraph.UNLIMITED, unlimited.parentsDepth());
        assertEquals(SelectionMethod.FQN, unlimited.method());
        assertEquals(SelectionMethod.PATH, SelectionCriterion.parse("models/staging").method());
        assertEquals(SelectionMethod.FILE, SelectionCriterion.parse("orders.sql").method());
    }

    @Test
    void oneGraphServesManyThreadsAtOnce() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Set<String>>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String select = i % 2 == 0 ? "+orders" : "source:shop+";
                results.add(pool.submit(() -> new Selector(SHOP).select(List.of(select), List.of(), IndirectSelection.EAGER)));
            }
            for (int i = 0; i < results.size(); i++) {
                Set<String> expected = ids(i % 2 == 0 ? allBut("customers", "snapshot") : allBut("country_codes"));
                assertEquals(expected, results.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void namesTheSelectorsThatMatchNothingSoTheCallerCanWarn() {
        SelectionSpec spec = SelectionSpec.parse(List.of("orders stg_ordrs", "tag:nope,orders"), List.of("+missing"));
        assertEquals(List.of("stg_ordrs", "tag:nope", "+missing"), new Selector(SHOP).unmatched(spec));
        assertEquals(List.of(), new Selector(SHOP).unmatched(SelectionSpec.parse(List.of(), List.of())));
    }
}
