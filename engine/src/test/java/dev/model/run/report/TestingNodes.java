package dev.model.run.report;

import dev.model.parse.ResourceType;
import java.util.List;

/** Descriptions matching the results of {@link dev.model.run.TestingResults}. */
final class TestingNodes {

    static final NodeDescription STG_ORDERS = new NodeDescription("model.shop.stg_orders", ResourceType.MODEL,
            "stg_orders", "sql", "view", "analytics.stg_orders", "models/staging/stg_orders.sql");
    static final NodeDescription ORDERS = new NodeDescription("model.shop.orders", ResourceType.MODEL,
            "orders", "sql", "table", "analytics.orders", "models/marts/orders.sql");
    static final NodeDescription REVENUE = new NodeDescription("model.shop.revenue", ResourceType.MODEL,
            "revenue", "sql", "table", "analytics.revenue", "models/marts/revenue.sql");
    static final NodeDescription UNIQUE = new NodeDescription("test.shop.unique_stg_orders_order_id.1a2b3c",
            ResourceType.TEST, "unique_stg_orders_order_id", "sql", "test", null, "models/staging/schema.yml");
    static final NodeDescription NOT_NULL_STATUS = new NodeDescription("test.shop.not_null_stg_orders_status.4d5e6f",
            ResourceType.TEST, "not_null_stg_orders_status", "sql", "test", null, "models/staging/schema.yml");
    static final NodeDescription NOT_NULL_ID = new NodeDescription("test.shop.not_null_stg_orders_order_id.7a8b9c",
            ResourceType.TEST, "not_null_stg_orders_order_id", "sql", "test", null, "models/staging/schema.yml");

    static final List<NodeDescription> ALL = List.of(STG_ORDERS, ORDERS, REVENUE, UNIQUE, NOT_NULL_STATUS, NOT_NULL_ID);

    private TestingNodes() {
    }
}
