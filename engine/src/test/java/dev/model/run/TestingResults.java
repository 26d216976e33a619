package dev.model.run;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small run with one result of every kind, shared by the artifact and report tests. */
public final class TestingResults {

    public static final Instant STARTED = Instant.parse("2026-03-01T09:15:00.250Z");

    private TestingResults() {
    }

    public static NodeResult modelSuccess() {
        return NodeResult.builder("model.shop.stg_orders", NodeStatus.SUCCESS)
                .timing(List.of(
                        new TimingInfo(TimingInfo.COMPILE, STARTED, STARTED.plusMillis(10)),
                        new TimingInfo(TimingInfo.EXECUTE, STARTED.plusMillis(10), STARTED.plusMillis(60))))
                .threadId("Thread-1 (worker)")
                .executionTime(0.05)
                .adapterResponse(orderedMap("_message", "OK", "rows_affected", 10))
                .message("OK")
                .compiled(true)
                .compiledCode("select * from raw.orders")
                .relationName("\"shop\".\"analytics\".\"stg_orders\"")
                .compiledPath("target/compiled/shop/models/staging/stg_orders.sql")
                .build();
    }

    public static NodeResult modelError() {
        return NodeResult.builder("model.shop.orders", NodeStatus.ERROR)
                .threadId("Thread-2 (worker)")
                .executionTime(0.1)
                .message("Catalog Error: Table with name \"raw_orderz\" does not exist!")
                .compiled(true)
                .compiledPath("target/compiled/shop/models/marts/orders.sql")
                .build();
    }

    public static NodeResult skippedDownstream() {
        return NodeResult.skipped("model.shop.revenue", "Skipping because of failed upstream 'model.shop.orders'")
                .toBuilder().threadId("Thread-2 (worker)").build();
    }

    public static NodeResult testFailure() {
        return NodeResult.builder("test.shop.unique_stg_orders_order_id.1a2b3c", NodeStatus.FAIL)
                .threadId("Thread-1 (worker)")
                .executionTime(0.02)
                .message("Got 3 results, configured to fail if != 0")
                .failures(3)
                .compiled(true)
                .compiledPath("target/compiled/shop/models/staging/schema.yml/unique_stg_orders_order_id.sql")
                .failureDetails("order_id | n_records\n7 | 2")
                .build();
    }

    public static NodeResult testWarning() {
        return NodeResult.builder("test.shop.not_null_stg_orders_status.4d5e6f", NodeStatus.WARN)
                .threadId("Thread-1 (worker)")
                .executionTime(0.015)
                .message("Got 1 result, configured to warn if != 0")
                .failures(1)
                .build();
    }

    public static NodeResult testPass() {
        return NodeResult.builder("test.shop.not_null_stg_orders_order_id.7a8b9c", NodeStatus.PASS)
                .threadId("Thread-1 (worker)")
                .executionTime(0.02)
                .failures(0)
                .build();
    }

    public static RunResults run(List<NodeResult> results) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("which", "build");
        args.put("select", List.of("stg_orders+"));
        args.put("exclude", List.of());
        args.put("threads", 4);
        return new RunResults("5f0c1b2a-0000-4000-8000-000000000001", STARTED, STARTED.plusMillis(1230),
                results, 1.23, args, false);
    }

    public static RunResults mixedRun() {
        return run(List.of(modelSuccess(), modelError(), skippedDownstream(), testFailure(), testWarning(), testPass()));
    }

    private static Map<String, Object> orderedMap(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
