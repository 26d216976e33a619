package dev.model.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.model.adapter.Adapters;
import dev.model.adapter.Quoting;
import dev.model.adapter.Relation;
import dev.model.adapter.WarehouseAdapter;
import dev.model.log.Log;
import dev.model.parse.ColumnInfo;
import dev.model.parse.Dependencies;
import dev.model.parse.ModelNode;
import dev.model.parse.Node;
import dev.model.parse.NodeConfig;
import dev.model.project.Target;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog from a real in-process H2, whose unquoted names fold to upper case. */
final class TestCatalogReader {

    @TempDir
    Path dir;

    private static ModelNode model(String name, String materialized) {
        return new ModelNode("model.shop." + name, name, "shop", "models/" + name + ".sql", Path.of(name + ".sql"),
                "select 1", new NodeConfig(Map.of("materialized", materialized)), List.of("shop", name), "",
                Map.<String, ColumnInfo>of(), Dependencies.NONE, null);
    }

    @Test
    void readsTablesAndViewsWithColumnsInOrderAndLeavesOutWhatIsNotBuilt() {
        Target target = new Target("shop", "dev", "h2", null, null, 1, Map.of());
        try (WarehouseAdapter adapter = Adapters.discover().open(target, dir, Log.silent())) {
            adapter.execute("create schema if not exists analytics");
            adapter.execute("create table analytics.orders (order_id integer, amount decimal(10, 2), note varchar(20))");
            adapter.execute("insert into analytics.orders values (1, 9.50, 'a'), (2, 3.00, 'b')");
            adapter.execute("create view analytics.big_orders as select order_id from analytics.orders where amount > 5");
            List<Node> nodes = List.of(model("orders", "table"), model("big_orders", "view"), model("missing", "table"),
                    model("inline", "ephemeral"));
            // Created unquoted, so H2 stores them in upper case; the project names them unquoted, in lower case.
            Map<String, Relation> relations = Map.of(
                    "model.shop.orders", Relation.of(adapter.database(), "analytics", "orders", Quoting.NONE),
                    "model.shop.big_orders", Relation.of(adapter.database(), "analytics", "big_orders", Quoting.NONE),
                    "model.shop.missing", Relation.of(adapter.database(), "analytics", "missing", Quoting.NONE),
                    "model.shop.inline", Relation.cte("__dbt__cte__inline"));

            Catalog catalog = new CatalogReader(adapter).read(nodes, relations);

            assertEquals(List.of("model.shop.orders", "model.shop.big_orders"), List.copyOf(catalog.nodes().keySet()));
            Catalog.Table orders = catalog.nodes().get("model.shop.orders");
            assertEquals("BASE TABLE", orders.type());
            assertEquals("ANALYTICS", orders.schema());
            assertEquals("ORDERS", orders.name());
            assertEquals(List.of("ORDER_ID", "AMOUNT", "NOTE"), orders.columns().stream().map(Catalog.CatalogColumn::name).toList());
            assertEquals(List.of(1, 2, 3), orders.columns().stream().map(Catalog.CatalogColumn::index).toList());
            assertTrue(orders.columns().get(1).type().startsWith("DECIMAL") || orders.columns().get(1).type().startsWith("NUMERIC"),
                    orders.columns().get(1).type());
            assertEquals(2L, orders.rowCount());
            Catalog.Table view = catalog.nodes().get("model.shop.big_orders");
            assertEquals("VIEW", view.type());
            assertNull(view.rowCount());
            assertEquals(List.of("1 relation does not exist in the warehouse yet; run 'model run' (or 'model build')"
                    + " for column types"), catalog.notes());
        }
    }
}
