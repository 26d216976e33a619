package dev.model.run.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.model.parse.ResourceType;
import dev.model.run.NodeResult;
import dev.model.run.NodeStatus;
import dev.model.run.RunResults;
import dev.model.run.TestingResults;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

final class TestTextRunReporter {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T09:15:00Z"), ZoneOffset.UTC);
    private static final String ESC = "\u001b[";

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

    private List<String> lines() {
        return List.of(buffer.toString(StandardCharsets.UTF_8).split("\\R"));
    }

    /** Replays the mixed run: the skipped node gets no START line, as the scheduler does. */
    private static void replay(RunReporter reporter, RunResults run) {
        reporter.runStarted(4, "dev");
        for (int i = 0; i < run.results().size(); i++) {
            NodeResult result = run.results().get(i);
            if (result.status() != NodeStatus.SKIPPED) {
                reporter.nodeStarted(TestingNodes.ALL.get(i), i + 1, run.results().size());
            }
            reporter.nodeFinished(TestingNodes.ALL.get(i), result, i + 1, run.results().size());
        }
        reporter.runFinished(run, TestingNodes.ALL);
    }

    @Test
    void printsDbtsLinesWithoutColour() {
        replay(new TextRunReporter(out, false, CLOCK), TestingResults.mixedRun());
        assertEquals(List.of(
                "09:15:00  Concurrency: 4 threads (target='dev')",
                "09:15:00",
                "09:15:00  1 of 6 START sql view model analytics.stg_orders ............................... [RUN]",
                "09:15:00  1 of 6 OK created sql view model analytics.stg_orders .......................... [OK in 0.05s]",
                "09:15:00  2 of 6 START sql table model analytics.orders .................................. [RUN]",
                "09:15:00  2 of 6 ERROR creating sql table model analytics.orders ......................... [ERROR in 0.10s]",
                "09:15:00  3 of 6 SKIP relation analytics.revenue ......................................... [SKIP]",
                "09:15:00  4 of 6 START test unique_stg_orders_order_id ................................... [RUN]",
                "09:15:00  4 of 6 FAIL 3 unique_stg_orders_order_id ....................................... [FAIL 3 in 0.02s]",
                "09:15:00  5 of 6 START test not_null_stg_orders_status ................................... [RUN]",
                "09:15:00  5 of 6 WARN 1 not_null_stg_orders_status ....................................... [WARN 1 in 0.02s]",
                "09:15:00  6 of 6 START test not_null_stg_orders_order_id ................................. [RUN]",
                "09:15:00  6 of 6 PASS not_null_stg_orders_order_id ....................................... [PASS in 0.02s]",
                "09:15:00",
                "09:15:00  Finished running 1 view model, 2 table models, 3 data tests in 0 hours 0 minutes and 1.23 seconds (1.23s).",
                "09:15:00",
                "09:15:00  Completed with 2 errors and 1 warning:",
                "09:15:00",
                "09:15:00  Error in model orders (models/marts/orders.sql)",
                "09:15:00    Catalog Error: Table with name \"raw_orderz\" does not exist!",
                "09:15:00",
                "09:15:00    compiled code at target/compiled/shop/models/marts/orders.sql",
                "09:15:00",
                "09:15:00  Failure in test unique_stg_orders_order_id (models/staging/schema.yml)",
                "09:15:00    Got 3 results, configured to fail if != 0",
                "09:15:00",
                "09:15:00    compiled code at target/compiled/shop/models/staging/schema.yml/unique_stg_orders_order_id.sql",
                "09:15:00",
                "09:15:00  Warning in test not_null_stg_orders_status (models/staging/schema.yml)",
                "09:15:00    Got 1 result, configured to warn if != 0",
                "09:15:00",
                "09:15:00  Done. PASS=2 WARN=1 ERROR=2 SKIP=1 TOTAL=6"), lines());
        assertFalse(buffer.toString(StandardCharsets.UTF_8).contains(ESC));
        assertEquals(80 + "09:15:00  ".length(), lines().get(2).indexOf(" [RUN]"));
    }

    @Test
    void coloursStatusWordsOnATerminal() {
        replay(new TextRunReporter(out, true, CLOCK), TestingResults.mixedRun());
        List<String> lines = lines();
        assertTrue(lines.get(2).endsWith("[RUN]"), lines.get(2));
        assertTrue(lines.get(3).endsWith("[\u001b[32mOK\u001b[0m in 0.05s]"), lines.get(3));
        assertTrue(lines.get(5).endsWith("[\u001b[31mERROR\u001b[0m in 0.10s]"), lines.get(5));
        assertTrue(lines.get(6).endsWith("[\u001b[33mSKIP\u001b[0m]"), lines.get(6));
        assertTrue(lines.get(8).endsWith("[\u001b[31mFAIL 3\u001b[0m in 0.02s]"), lines.get(8));
        assertTrue(lines.get(10).endsWith("[\u001b[33mWARN 1\u001b[0m in 0.02s]"), lines.get(10));
        assertTrue(lines.get(12).endsWith("[\u001b[32mPASS\u001b[0m in 0.02s]"), lines.get(12));
        assertEquals("09:15:00  \u001b[31mCompleted with 2 errors and 1 warning:\u001b[0m", lines.get(16));
        assertEquals("09:15:00  \u001b[31mError in model orders (models/marts/orders.sql)\u001b[0m", lines.get(18));
        assertEquals("09:15:00  \u001b[33mWarning in test not_null_stg_orders_status (models/staging/schema.yml)\u001b[0m",
                lines.get(28));
    }

    @Test
    void aCleanRunCompletesSuccessfullyInGreen() {
        NodeResult ok = TestingResults.modelSuccess();
        new TextRunReporter(out, true, CLOCK).runFinished(TestingResults.run(List.of(ok)), List.of(TestingNodes.STG_ORDERS));
        assertEquals(List.of(
                "09:15:00",
                "09:15:00  Finished running 1 view model in 0 hours 0 minutes and 1.23 seconds (1.23s).",
                "09:15:00",
                "09:15:00  \u001b[32mCompleted successfully\u001b[0m",
                "09:15:00",
                "09:15:00  Done. PASS=1 WARN=0 ERROR=0 SKIP=0 TOTAL=1"), lines());
    }

    @Test
    void aCancelledRunSaysSo() {
        RunResults run = TestingResults.run(List.of(TestingResults.modelSuccess()));
        RunResults cancelled = new RunResults(run.invocationId(), run.startedAt(), run.generatedAt(), run.results(),
                3725.5, run.args(), true);
        new TextRunReporter(out, false, CLOCK).runFinished(cancelled, List.of(TestingNodes.STG_ORDERS));
        assertEquals("09:15:00  Finished running 1 view model in 1 hours 2 minutes and 5.50 seconds (3725.50s).",
                lines().get(1));
        assertEquals("09:15:00  Exited because of keyboard interrupt.", lines().get(3));
    }

    @Test
    void seedsSnapshotsAndLongNamesFollowDbtsWording() {
        TextRunReporter reporter = new TextRunReporter(out, false,
                Clock.fixed(Instant.parse("2026-03-01T09:15:00Z"), ZoneId.of("Europe/Paris")));
        NodeDescription seed = new NodeDescription("seed.shop.raw_customers", ResourceType.SEED, "raw_customers",
                "sql", "seed", "raw.raw_customers", "seeds/raw_customers.csv");
        NodeDescription snapshot = new NodeDescription("snapshot.shop.orders_snapshot", ResourceType.SNAPSHOT,
                "orders_snapshot", "sql", "snapshot", "snapshots.orders_snapshot", "snapshots/orders.sql");
        String longName = "a_model_with_a_name_so_long_that_the_line_has_no_room_for_any_dots_at_all";
        NodeDescription longModel = new NodeDescription("model.shop." + longName, ResourceType.MODEL, longName,
                "sql", "incremental", "analytics." + longName, null);
        reporter.nodeFinished(seed, NodeResult.builder(seed.uniqueId(), NodeStatus.SUCCESS)
                .adapterResponse(Map.of("_message", "INSERT 100")).executionTime(0.5).build(), 1, 3);
        reporter.nodeFinished(snapshot, NodeResult.error(snapshot.uniqueId(), "no unique_key"), 2, 3);
        reporter.nodeStarted(longModel, 3, 3);
        assertEquals(List.of(
                "10:15:00  1 of 3 OK loaded seed file raw.raw_customers ................................... [INSERT 100 in 0.50s]",
                "10:15:00  2 of 3 ERROR snapshotting snapshots.orders_snapshot ............................ [ERROR in 0.00s]",
                "10:15:00  3 of 3 START sql incremental model analytics." + longName + "  [RUN]"), lines());
    }

    @Test
    void linesFromManyThreadsNeverInterleave() throws Exception {
        TextRunReporter reporter = new TextRunReporter(out, false, CLOCK);
        int threads = 8;
        int perThread = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                pool.execute(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    for (int i = 0; i < perThread; i++) {
                        int index = thread * perThread + i + 1;
                        reporter.nodeStarted(TestingNodes.STG_ORDERS, index, threads * perThread);
                        reporter.nodeFinished(TestingNodes.STG_ORDERS, TestingResults.modelSuccess(), index,
                                threads * perThread);
                    }
                });
            }
            go.countDown();
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        }
        List<String> lines = lines();
        assertEquals(threads * perThread * 2, lines.size());
        List<String> malformed = new ArrayList<>();
        for (String line : lines) {
            if (!line.matches("09:15:00  \\d+ of 400 (START|OK created) sql view model analytics\\.stg_orders \\.+ \\[(RUN|OK in 0\\.05s)]")) {
                malformed.add(line);
            }
        }
        assertEquals(List.of(), malformed);
    }

    @Test
    void colourOnlyOnATerminalWithoutNoColor() {
        assertTrue(TextRunReporter.wantsColour(true, Map.of()));
        assertFalse(TextRunReporter.wantsColour(false, Map.of()));
        assertFalse(TextRunReporter.wantsColour(true, Map.of("NO_COLOR", "1")));
        assertTrue(TextRunReporter.wantsColour(true, Map.of("NO_COLOR", "")));
    }
}
