package dev.model.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import dev.model.error.SourceLocation;
import dev.model.parse.Node;
import dev.model.parse.RefCall;
import dev.model.parse.SourceCall;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class TestProjectGraph {

    private final ProjectGraph shop = TestingProjects.shop();

    @Test
    void holdsEveryEnabledNodeIncludingSourcesAndTests() {
        assertEquals(14, shop.size());
        assertTrue(shop.contains("source.shop.shop.orders"));
        assertTrue(shop.contains("test.shop.assert_positive_totals"));
        assertEquals("orders", shop.node("model.shop.orders").name());
    }

    @Test
    void linksRefsSourcesAndTestsToTheirParents() {
        assertEquals(List.of("model.shop.stg_customers", "model.shop.stg_orders", "seed.shop.country_codes"),
                shop.parents("model.shop.int_orders_enriched"));
        assertEquals(List.of("source.shop.shop.orders"), shop.parents("model.shop.stg_orders"));
        assertEquals(List.of("model.shop.customers", "model.shop.orders"),
                shop.parents("test.shop.relationships_orders_customer_id"));
        assertEquals(List.of("model.shop.customers", "test.shop.assert_positive_totals",
                        "test.shop.not_null_orders_order_id", "test.shop.relationships_orders_customer_id"),
                shop.children("model.shop.orders"));
        assertEquals(List.of(), shop.parents("source.shop.shop.orders"));
    }

    @Test
    void walksAncestorsAndDescendantsWithOptionalDepth() {
        assertEquals(Set.of("model.shop.int_orders_enriched", "model.shop.stg_orders", "model.shop.stg_customers",
                        "seed.shop.country_codes", "source.shop.shop.orders", "source.shop.shop.customers"),
                shop.ancestors("model.shop.orders"));
        assertEquals(Set.of("model.shop.int_orders_enriched"), shop.ancestors("model.shop.orders", 1));
        assertEquals(Set.of("model.shop.int_orders_enriched", "model.shop.stg_orders", "model.shop.stg_customers",
                "seed.shop.country_codes"), shop.ancestors("model.shop.orders", 2));
        assertEquals(Set.of("model.shop.stg_orders", "test.shop.source_not_null_shop_orders_id"),
                shop.descendants("source.shop.shop.orders", 1));
        assertEquals(10, shop.descendants("source.shop.shop.orders").size());
        assertFalse(shop.descendants("model.shop.orders").contains("model.shop.orders"));
    }

    @Test
    void ordersTopologicallyBreakingTiesByUniqueId() {
        assertEquals(List.of(
                "seed.shop.country_codes",
                "source.shop.shop.customers",
                "model.shop.stg_customers",
                "source.shop.shop.orders",
                "model.shop.stg_orders",
                "model.shop.int_orders_enriched",
                "model.shop.orders",
                "model.shop.customers",
                "snapshot.shop.orders_snapshot",
                "test.shop.assert_positive_totals",
                "test.shop.not_null_orders_order_id",
                "test.shop.relationships_orders_customer_id",
                "test.shop.source_not_null_shop_orders_id",
                "test.shop.unique_stg_orders_order_id"), shop.topologicalOrder());
    }

    @Test
    void topologicalOrderPutsEveryParentFirst() {
        Map<String, Integer> position = new HashMap<>();
        List<String> order = shop.topologicalOrder();
        for (int i = 0; i < order.size(); i++) {
            position.put(order.get(i), i);
        }
        shop.parentMap().forEach((child, parents) -> parents.forEach(parent ->
                assertTrue(position.get(parent) < position.get(child), parent + " before " + child)));
    }

    @Test
    void parentAndChildMapsCoverEveryNodeSorted() {
        assertEquals(shop.nodes().keySet(), shop.parentMap().keySet());
        assertEquals(shop.nodes().keySet(), shop.childMap().keySet());
        assertEquals(List.of(), shop.parentMap().get("seed.shop.country_codes"));
        assertEquals(List.of("model.shop.stg_orders", "test.shop.source_not_null_shop_orders_id"),
                shop.childMap().get("source.shop.shop.orders"));
        assertEquals(new ArrayList<>(shop.parentMap().keySet()).stream().sorted().toList(),
                new ArrayList<>(shop.parentMap().keySet()));
    }

    @Test
    void longestPathBelowCountsTheLongestChainOfDescendants() {
        // source.orders -> stg_orders -> int -> orders -> customers -> relationships test
        assertEquals(5, shop.longestPathBelow("source.shop.shop.orders"));
        assertEquals(4, shop.longestPathBelow("seed.shop.country_codes"));
        assertEquals(1, shop.longestPathBelow("model.shop.customers"));
        assertEquals(0, shop.longestPathBelow("test.shop.assert_positive_totals"));
    }

    @Test
    void resolvesRefsAndSourcesForTheCompiler() {
        Node from = shop.node("model.shop.orders");
        RefCall ref = new RefCall(null, "int_orders_enriched", null, SourceLocation.of(Path.of("x.sql"), 1));
        assertEquals("model.shop.int_orders_enriched", shop.resolveRef(ref, from).uniqueId());
        RefCall qualified = new RefCall("shop", "country_codes", null, null);
        assertEquals("seed.shop.country_codes", shop.resolveRef(qualified, from).uniqueId());
        assertEquals("source.shop.shop.customers",
                shop.resolveSource(new SourceCall("shop", "customers", null), from).uniqueId());
    }

    @Test
    void refsPreferTheCallersPackageThenTheRootProject() {
        ProjectGraph graph = TestingProjects.project("shop")
                .model("models/dim_dates.sql")
                .model("models/uses_dates.sql", "dim_dates")
                .model("models/uses_package_dates.sql", "utils/dim_dates")
                .add(new dev.model.parse.ModelNode("model.utils.dim_dates", "dim_dates", "utils",
                        "models/dim_dates.sql", Path.of("dbt_packages/utils/models/dim_dates.sql"), "select 1",
                        dev.model.parse.NodeConfig.EMPTY, List.of("utils", "dim_dates"), "", Map.of(),
                        dev.model.parse.Dependencies.NONE, null))
                .add(new dev.model.parse.ModelNode("model.utils.helper", "helper", "utils",
                        "models/helper.sql", Path.of("dbt_packages/utils/models/helper.sql"), "select 1",
                        dev.model.parse.NodeConfig.EMPTY, List.of("utils", "helper"), "", Map.of(),
                        TestingProjects.dependencies("models/helper.sql", "dim_dates"), null))
                .graph();
        assertEquals(List.of("model.shop.dim_dates"), graph.parents("model.shop.uses_dates"));
        assertEquals(List.of("model.utils.dim_dates"), graph.parents("model.shop.uses_package_dates"));
        assertEquals(List.of("model.utils.dim_dates"), graph.parents("model.utils.helper"));
    }

    @Test
    void leavesOutDisabledNodesAndTestsOfDisabledNodes() {
        ProjectGraph graph = TestingProjects.project("shop")
                .model("models/a.sql")
                .disabledModel("models/old.sql", "a")
                .genericTest("unique", "unique_old_id", "models/schema.yml", "old")
                .genericTest("unique", "unique_a_id", "models/schema.yml", "a")
                .graph();
        assertEquals(Set.of("model.shop.a", "test.shop.unique_a_id"), graph.nodes().keySet());
        assertEquals(List.of("test.shop.unique_old_id"), graph.droppedTests());
        assertEquals(List.of("test.shop.unique_a_id"), graph.children("model.shop.a"));
    }

    @Test
    void repeatedRefsMakeOneEdge() {
        ProjectGraph graph = TestingProjects.project("shop").model("models/a.sql").model("models/b.sql", "a", "a").graph();
        assertEquals(List.of("model.shop.a"), graph.parents("model.shop.b"));
    }

    @Test
    void unknownIdsAreABugOfTheCaller() {
        ModelException error = assertThrows(ModelException.class, () -> shop.parents("model.shop.nope"));
        assertEquals(ErrorCategory.INTERNAL, error.category());
        assertEquals("No node with unique id 'model.shop.nope' in the graph", error.getMessage());
    }

    @Test
    void handlesLongChainsWithoutDeepRecursion() {
        TestingProjects project = TestingProjects.project("shop").model("models/m0.sql");
        int length = 20_000;
        for (int i = 1; i < length; i++) {
            project.model("models/m" + i + ".sql", "m" + (i - 1));
        }
        ProjectGraph graph = project.graph();
        assertEquals(length - 1, graph.longestPathBelow("model.shop.m0"));
        assertEquals(length - 1, graph.ancestors("model.shop.m" + (length - 1)).size());
        assertEquals("model.shop.m0", graph.topologicalOrder().get(0));
    }
}
