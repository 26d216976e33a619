package dev.model.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class TestColumnLineage {

    private static final Map<String, String> TABLES = Map.of(
            "db.main.orders", "seed.shop.orders",
            "main.orders", "seed.shop.orders",
            "db.main.customers", "model.shop.customers",
            "__dbt__cte__totals", "model.shop.totals");
    private static final Map<String, ColumnLineage.Known> COLUMNS = Map.of(
            "seed.shop.orders", new ColumnLineage.Known(List.of("order_id", "customer_id", "amount", "ordered_at"), true),
            "model.shop.customers", new ColumnLineage.Known(List.of("customer_id", "name"), false));

    private final ColumnLineage lineage = new ColumnLineage(name -> Optional.ofNullable(TABLES.get(name)),
            id -> COLUMNS.getOrDefault(id, ColumnLineage.Known.NONE));

    @AfterEach
    void close() {
        lineage.close();
    }

    private static ColumnLineage.ColumnRef ref(String node, String column) {
        return new ColumnLineage.ColumnRef(node, column);
    }

    @Test
    void resolvesSelectItemsThroughCtesJoinsAndFunctions() {
        ColumnLineage.Result result = lineage.analyze("""


                with o as (select * from "db"."main"."orders"),
                c as (select customer_id, name as customer_name from db.main.customers)

                select
                    o.order_id,
                    cast(date_trunc('day', o.ordered_at) as date) as order_date,
                    c.customer_name,
                    o.amount * 2 + coalesce(o.amount, 0) as doubled,
                    count(*) as n,
                    'EUR' as currency
                from o
                left join c on o.customer_id = c.customer_id
                group by 1, 2, 3, 4
                """);
        assertEquals(Optional.empty(), result.note());
        assertEquals(List.of("order_id", "order_date", "customer_name", "doubled", "n", "currency"),
                List.copyOf(result.columns().keySet()));
        assertEquals(List.of(ref("seed.shop.orders", "order_id")), result.columns().get("order_id"));
        assertEquals(List.of(ref("seed.shop.orders", "ordered_at")), result.columns().get("order_date"));
        assertEquals(List.of(ref("model.shop.customers", "name")), result.columns().get("customer_name"));
        assertEquals(List.of(ref("seed.shop.orders", "amount")), result.columns().get("doubled"));
        assertEquals(List.of(), result.columns().get("n"));
        assertEquals(List.of(), result.columns().get("currency"));
    }

    @Test
    void expandsStarWhereUpstreamColumnsAreKnownAndFollowsSubqueriesAndUnions() {
        ColumnLineage.Result result = lineage.analyze("""
                select * from (select order_id, amount from main.orders where amount > 0) as paid
                union all
                select order_id, ordered_at from main.orders
                """);
        assertEquals(Optional.empty(), result.note());
        assertEquals(List.of(ref("seed.shop.orders", "order_id")), result.columns().get("order_id"));
        assertEquals(List.of(ref("seed.shop.orders", "amount"), ref("seed.shop.orders", "ordered_at")),
                result.columns().get("amount"));
    }

    @Test
    void unqualifiedColumnsOfARelationWithUndeclaredColumnsStillResolve() {
        ColumnLineage.Result result = lineage.analyze("select customer_id, email from db.main.customers");
        assertEquals(List.of(ref("model.shop.customers", "email")), result.columns().get("email"));
    }

    @Test
    void ephemeralCtesCountAsTheirNode() {
        ColumnLineage.Result result = lineage.analyze("""
                with __dbt__cte__totals as (select order_id, sum(amount) as total from main.orders group by 1)
                select t.total from __dbt__cte__totals as t
                """);
        assertEquals(List.of(ref("model.shop.totals", "total")), result.columns().get("total"));
    }

    @Test
    void starOverUnknownColumnsSaysSo() {
        ColumnLineage.Result result = lineage.analyze("select * from db.main.customers");
        assertEquals(List.of("customer_id", "name"), List.copyOf(result.columns().keySet()));
        assertTrue(result.note().orElseThrow().contains("select *"), result.note().toString());
    }

    @Test
    void unparseableSqlIsSkippedWithANote() {
        ColumnLineage.Result result = lineage.analyze("select from where (((");
        assertTrue(result.columns().isEmpty());
        assertTrue(result.note().orElseThrow().startsWith("Column lineage skipped: the compiled SQL could not be parsed"),
                result.note().toString());
    }

    @Test
    void aStatementOtherThanSelectIsSkipped() {
        ColumnLineage.Result result = lineage.analyze("delete from main.orders");
        assertEquals(Optional.of("Column lineage skipped: the compiled SQL is not a SELECT"), result.note());
    }
}
