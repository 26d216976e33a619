package dev.model.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import dev.model.error.SourceLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class TestGraphErrors {

    private static ModelException failure(TestingProjects project) {
        ModelException error = assertThrows(ModelException.class, project::graph);
        assertEquals(ErrorCategory.PROJECT, error.category());
        assertEquals(2, error.exitCode());
        return error;
    }

    @Test
    void reportsTheFirstMissingRefInFileOrderWithItsLine() {
        ModelException error = failure(TestingProjects.project("shop")
                .model("models/staging/stg_orders.sql")
                .model("models/staging/stg_customers.sql")
                .model("models/marts/orders.sql", "stg_customers", "int_x", "stg_ordrs"));
        assertEquals("Model 'model.shop.orders' (models/marts/orders.sql:2) depends on a node named 'int_x' "
                + "which was not found.", error.getMessage());
        assertEquals(SourceLocation.of(Path.of("models/marts/orders.sql"), 2), error.location().orElseThrow());
    }

    @Test
    void missingRefMessageMatchesDbtWithASuggestion() {
        ModelException error = failure(TestingProjects.project("shop")
                .model("models/staging/stg_orders.sql")
                .model("models/marts/orders.sql", "stg_ordrs"));
        assertEquals("Model 'model.shop.orders' (models/marts/orders.sql:1) depends on a node named 'stg_ordrs' "
                + "which was not found. Did you mean 'stg_orders'?", error.getMessage());
    }

    @Test
    void suggestsUpToThreeCloseNamesClosestFirst() {
        ModelException error = failure(TestingProjects.project("shop")
                .model("models/stg_order.sql").model("models/stg_orders.sql").model("models/stg_orderz.sql")
                .model("models/stg_orders_v2.sql").model("models/customers.sql")
                .model("models/marts.sql", "stg_ordrs"));
        assertEquals("Model 'model.shop.marts' (models/marts.sql:1) depends on a node named 'stg_ordrs' "
                + "which was not found. Did you mean 'stg_orders', 'stg_order' or 'stg_orderz'?", error.getMessage());
    }

    @Test
    void aTestNameIsNotRefable() {
        ModelException error = failure(TestingProjects.project("shop")
                .model("models/a.sql")
                .singularTest("tests/check_a.sql", "a")
                .model("models/b.sql", "check_a"));
        assertEquals("Model 'model.shop.b' (models/b.sql:1) depends on a node named 'check_a' which was not found.",
                error.getMessage());
    }

    @Test
    void aRefToADisabledModelSaysSo() {
        ModelException error = failure(TestingProjects.project("shop")
                .disabledModel("models/old.sql")
                .model("models/b.sql", "old"));
        assertEquals("Model 'model.shop.b' (models/b.sql:1) depends on a node named 'old' which is disabled.",
                error.getMessage());
    }

    @Test
    void aRefIntoAMissingPackageNamesThePackage() {
        ModelException error = failure(TestingProjects.project("shop")
                .model("models/a.sql")
                .model("models/b.sql", "utils/a"));
        assertEquals("Model 'model.shop.b' (models/b.sql:1) depends on a node named 'a' in package 'utils' "
                + "which was not found.", error.getMessage());
    }

    @Test
    void aTestOnAMissingModelFailsToo() {
        ModelException error = failure(TestingProjects.project("shop")
                .model("models/orders.sql")
                .genericTest("unique", "unique_order_id", "models/schema.yml", "order"));
        assertEquals("Test 'test.shop.unique_order_id' (models/schema.yml:1) depends on a node named 'order' "
                + "which was not found. Did you mean 'orders'?", error.getMessage());
    }

    @Test
    void missingSourceTableSuggestsTablesOfThatSource() {
        ModelException error = failure(TestingProjects.project("shop")
                .source("shop", "orders", "models/sources.yml")
                .source("shop", "customers", "models/sources.yml")
                .model("models/stg_orders.sql", "source:shop.ordrs"));
        assertEquals("Model 'model.shop.stg_orders' (models/stg_orders.sql:1) depends on a source named "
                + "'shop.ordrs' which was not found. Did you mean 'shop.orders'?", error.getMessage());
    }

    @Test
    void missingSourceNameSuggestsCloseSources() {
        ModelException error = failure(TestingProjects.project("shop")
                .source("shop", "orders", "models/sources.yml")
                .source("shop", "order_items", "models/sources.yml")
                .source("stripe", "payments", "models/sources.yml")
                .model("models/stg_orders.sql", "source:shopp.orders"));
        assertEquals("Model 'model.shop.stg_orders' (models/stg_orders.sql:1) depends on a source named "
                + "'shopp.orders' which was not found. Did you mean 'shop.orders'?", error.getMessage());
    }

    @Test
    void missingSourceWithNothingCloseGivesNoHint() {
        ModelException error = failure(TestingProjects.project("shop")
                .source("stripe", "payments", "models/sources.yml")
                .model("models/stg_orders.sql", "source:shop.orders"));
        assertEquals("Model 'model.shop.stg_orders' (models/stg_orders.sql:1) depends on a source named "
                + "'shop.orders' which was not found.", error.getMessage());
    }

    @Test
    void aDisabledSourceSaysSo() {
        ModelException error = failure(TestingProjects.project("shop")
                .source("shop", "orders", "models/sources.yml", Map.of("enabled", false))
                .model("models/stg_orders.sql", "source:shop.orders"));
        assertEquals("Model 'model.shop.stg_orders' (models/stg_orders.sql:1) depends on a source named "
                + "'shop.orders' which is disabled.", error.getMessage());
    }

    @Test
    void cycleNamesTheWholeCycleWithFilesFromTheSmallestId() {
        ModelException error = failure(TestingProjects.project("shop")
                .model("models/b.sql", "a")
                .model("models/a.sql", "b"));
        assertEquals("Found a cycle: model.shop.a (models/a.sql) -> model.shop.b (models/b.sql) -> "
                + "model.shop.a (models/a.sql)", error.getMessage());
        assertEquals(TestingProjects.ROOT.resolve("models/a.sql"), error.location().orElseThrow().file());
    }

    @Test
    void longerCycleIsReportedInEdgeOrder() {
        // edges: c -> b -> d -> c (d refs b, c refs d, b refs c), plus a harmless x -> b
        ModelException error = failure(TestingProjects.project("shop")
                .model("models/x.sql")
                .model("models/b.sql", "c", "x")
                .model("models/c.sql", "d")
                .model("models/d.sql", "b"));
        assertEquals("Found a cycle: model.shop.b (models/b.sql) -> model.shop.d (models/d.sql) -> "
                + "model.shop.c (models/c.sql) -> model.shop.b (models/b.sql)", error.getMessage());
    }

    @Test
    void aModelReferencingItselfIsACycle() {
        ModelException error = failure(TestingProjects.project("shop").model("models/a.sql", "a"));
        assertEquals("Found a cycle: model.shop.a (models/a.sql) -> model.shop.a (models/a.sql)", error.getMessage());
    }

    @Test
    void duplicateNamesAcrossModelsAndSeedsNameBothFiles() {
        ModelException error = failure(TestingProjects.project("shop")
                .model("models/orders.sql")
                .seed("seeds/orders.csv", Map.of()));
        assertEquals("Found two resources named 'orders' in package 'shop': model.shop.orders (models/orders.sql) "
                + "and seed.shop.orders (seeds/orders.csv). ref('orders') would be ambiguous: rename one of them.",
                error.getMessage());
    }

    @Test
    void aDisabledDuplicateIsFine() {
        ProjectGraph graph = TestingProjects.project("shop")
                .model("models/orders.sql")
                .model("models/legacy/orders_v.sql")
                .add(new dev.model.parse.SeedNode("seed.shop.orders", "orders", "shop", "seeds/orders.csv",
                        Path.of("seeds/orders.csv"), new dev.model.parse.NodeConfig(Map.of("enabled", false)),
                        List.of("shop", "orders"), "", Map.of(), null))
                .graph();
        assertEquals(2, graph.size());
    }

    @Test
    void findsACycleThroughThousandsOfNodesWithoutDeepRecursion() {
        int length = 5_000;
        TestingProjects project = TestingProjects.project("shop").model("models/m0.sql", "m" + (length - 1));
        for (int i = 1; i < length; i++) {
            project.model("models/m" + i + ".sql", "m" + (i - 1));
        }
        String message = failure(project).getMessage();
        assertEquals("Found a cycle: model.shop.m0 (models/m0.sql) -> model.shop.m1 (models/m1.sql) -> ",
                message.substring(0, "Found a cycle: model.shop.m0 (models/m0.sql) -> model.shop.m1 (models/m1.sql) -> ".length()));
        assertEquals(length + 1, message.split(" -> ").length);
        assertTrue(message.endsWith("-> model.shop.m" + (length - 1) + " (models/m" + (length - 1)
                + ".sql) -> model.shop.m0 (models/m0.sql)"));
    }
}
