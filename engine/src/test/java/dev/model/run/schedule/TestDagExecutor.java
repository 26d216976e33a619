package dev.model.run.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.model.run.NodeResult;
import dev.model.run.NodeStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

final class TestDagExecutor {

    private static Map<String, Set<String>> edges(String... pairs) {
        // "a" declares a root, "a<b" says b depends on a
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        for (String pair : pairs) {
            String[] parts = pair.split("<");
            parents.computeIfAbsent(parts[0], k -> new TreeSet<>());
            if (parts.length == 2) {
                parents.computeIfAbsent(parts[1], k -> new TreeSet<>()).add(parts[0]);
            }
        }
        return parents;
    }

    private static Map<String, NodeResult> byId(ExecutionOutcome outcome) {
        return outcome.results().stream().collect(Collectors.toMap(NodeResult::uniqueId, Function.identity()));
    }

    private static ExecutionOutcome run(Map<String, Set<String>> parents, TestingRunner runner, ExecutorOptions options) {
        return new DagExecutor(WorkGraph.of(parents), runner, options, SchedulerListener.NONE).run();
    }

    @Test
    void everyNodeStartsOnlyAfterAllItsParentsEnded() {
        Map<String, Set<String>> parents = edges("a<b", "a<c", "b<d", "c<d", "d<e", "x<e");
        TestingRunner runner = new TestingRunner();
        ExecutionOutcome outcome = run(parents, runner, ExecutorOptions.of(4, false));

        List<String> events = runner.events();
        for (Map.Entry<String, Set<String>> node : parents.entrySet()) {
            int start = events.indexOf("start " + node.getKey());
            for (String parent : node.getValue()) {
                assertTrue(events.indexOf("end " + parent) < start, node.getKey() + " started before " + parent + " ended: " + events);
            }
        }
        assertEquals(6, outcome.results().size());
        assertTrue(outcome.results().stream().allMatch(r -> r.status() == NodeStatus.SUCCESS));
        assertFalse(outcome.cancelled());
    }

    @Test
    void withOneThreadTheHeaviestChainRunsFirstAndTiesGoById() {
        // a-b-c is the longest chain, e-f next, d alone
        TestingRunner runner = new TestingRunner();
        run(edges("a<b", "b<c", "d", "e<f"), runner, ExecutorOptions.of(1, false));
        assertEquals(List.of("a", "b", "e", "c", "d", "f"), runner.started());
    }

    @Test
    void weightsDecideThePriority() {
        TestingRunner runner = new TestingRunner();
        WorkGraph graph = WorkGraph.of(edges("a<b", "c"), Map.of("c", 5.0));
        new DagExecutor(graph, runner, ExecutorOptions.of(1, false), SchedulerListener.NONE).run();
        assertEquals(List.of("c", "a", "b"), runner.started());
    }

    @Test
    void fourThreadsRunFourNodesAtOnce() {
        CountDownLatch allRunning = new CountDownLatch(4);
        TestingRunner runner = new TestingRunner();
        for (String id : List.of("a", "b", "c", "d")) {
            runner.on(id, (node, token) -> {
                allRunning.countDown();
                // passes only if the four nodes are running at the same time
                TestingRunner.await(allRunning);
                return NodeResult.builder(node, NodeStatus.SUCCESS).build();
            });
        }
        ExecutionOutcome outcome = run(edges("a", "b", "c", "d"), runner, ExecutorOptions.of(4, false));
        assertTrue(outcome.results().stream().allMatch(r -> r.status() == NodeStatus.SUCCESS));
        Set<String> threads = outcome.results().stream().map(NodeResult::threadId).collect(Collectors.toSet());
        assertEquals(Set.of("Thread-1 (worker)", "Thread-2 (worker)", "Thread-3 (worker)", "Thread-4 (worker)"), threads);
    }

    @Test
    void aFailureSkipsEverythingDownstreamAndIndependentBranchesGoOn() {
        TestingRunner runner = new TestingRunner().failing("model.shop.stg_orders", "relation does not exist");
        Map<String, Set<String>> parents = edges("model.shop.stg_orders<model.shop.orders",
                "model.shop.orders<model.shop.revenue", "model.shop.customers<model.shop.revenue",
                "model.shop.customers<model.shop.customer_stats");
        Map<String, NodeResult> results = byId(run(parents, runner, ExecutorOptions.of(2, false)));

        assertEquals(NodeStatus.ERROR, results.get("model.shop.stg_orders").status());
        assertEquals("relation does not exist", results.get("model.shop.stg_orders").message());
        for (String skipped : List.of("model.shop.orders", "model.shop.revenue")) {
            assertEquals(NodeStatus.SKIPPED, results.get(skipped).status());
            assertEquals("Skipping because of failed upstream 'model.shop.stg_orders'", results.get(skipped).message());
        }
        assertEquals(NodeStatus.SUCCESS, results.get("model.shop.customers").status());
        assertEquals(NodeStatus.SUCCESS, results.get("model.shop.customer_stats").status());
        assertFalse(runner.started().contains("model.shop.orders"));
    }

    @Test
    void aFailedTestBlocksItsDescendantsButAWarningDoesNot() {
        TestingRunner runner = new TestingRunner()
                .on("t_fail", (id, token) -> NodeResult.builder(id, NodeStatus.FAIL).failures(3).build())
                .on("t_warn", (id, token) -> NodeResult.builder(id, NodeStatus.WARN).failures(1).build());
        Map<String, NodeResult> results = byId(run(edges("t_fail<after_fail", "t_warn<after_warn"), runner,
                ExecutorOptions.of(1, false)));
        assertEquals(NodeStatus.SKIPPED, results.get("after_fail").status());
        assertEquals(NodeStatus.SUCCESS, results.get("after_warn").status());
    }

    @Test
    void aRunnerThatThrowsEndsAsAnErrorWithItsMessage() {
        TestingRunner runner = new TestingRunner()
                .on("a", (id, token) -> { throw new IllegalStateException("connection pool closed"); })
                .on("n", (id, token) -> null);
        Map<String, NodeResult> results = byId(run(edges("a<b", "n"), runner, ExecutorOptions.of(2, false)));
        assertEquals(NodeStatus.ERROR, results.get("a").status());
        assertEquals("connection pool closed", results.get("a").message());
        assertEquals(NodeStatus.SKIPPED, results.get("b").status());
        assertEquals("Internal error: the runner returned no result for 'n'", results.get("n").message());
    }

    @Test
    void failFastCancelsTheRunningNodeAndSkipsWhatDidNotStart() {
        CountDownLatch blockerRunning = new CountDownLatch(1);
        TestingRunner runner = new TestingRunner()
                .on("a_block", (id, token) -> TestingRunner.blockUntilCancelled(id, token, blockerRunning))
                .on("b_fail", (id, token) -> {
                    TestingRunner.await(blockerRunning);
                    return NodeResult.error(id, "division by zero");
                });
        ExecutionOutcome outcome = run(edges("a_block", "b_fail<b_child", "c_later"), runner, ExecutorOptions.of(2, true));
        Map<String, NodeResult> results = byId(outcome);

        assertEquals(Optional.of("b_fail"), outcome.failFastCause());
        assertEquals("division by zero", results.get("b_fail").message());
        assertEquals(NodeStatus.ERROR, results.get("a_block").status());
        assertEquals("Query cancelled", results.get("a_block").message());
        assertEquals("Skipping because of failed upstream 'b_fail'", results.get("b_child").message());
        assertEquals(NodeStatus.SKIPPED, results.get("c_later").status());
        assertEquals("Skipping because of fail-fast: 'b_fail' failed", results.get("c_later").message());
        assertFalse(runner.started().contains("c_later"));
        assertEquals(4, outcome.results().size());
    }

    @Test
    void anExternalCancelStopsRunningNodesAndStillReturnsEveryResult() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        TestingRunner runner = new TestingRunner()
                .on("a", (id, token) -> TestingRunner.blockUntilCancelled(id, token, running));
        DagExecutor executor = new DagExecutor(WorkGraph.of(edges("a<b", "c")), runner,
                ExecutorOptions.of(1, false), SchedulerListener.NONE);
        CompletableFuture<ExecutionOutcome> outcome = CompletableFuture.supplyAsync(executor::run);
        TestingRunner.await(running);
        executor.cancel();
        assertTrue(executor.awaitCompletion(Duration.ofSeconds(30)));

        ExecutionOutcome done = outcome.get(30, TimeUnit.SECONDS);
        Map<String, NodeResult> results = byId(done);
        assertTrue(done.cancelled());
        assertEquals(NodeStatus.ERROR, results.get("a").status());
        assertEquals("Skipping because of failed upstream 'a'", results.get("b").message());
        assertEquals("Skipping because the run was cancelled", results.get("c").message());
        assertEquals(List.of("a"), runner.started());
    }

    @Test
    void aNodeThatIgnoresItsCancelIsGivenUpAfterTheGracePeriod() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TestingRunner runner = new TestingRunner().on("stuck", (id, token) -> {
            running.countDown();
            TestingRunner.await(release);
            return NodeResult.builder(id, NodeStatus.SUCCESS).build();
        });
        DagExecutor executor = new DagExecutor(WorkGraph.of(edges("stuck")), runner,
                new ExecutorOptions(1, false, Duration.ZERO), SchedulerListener.NONE);
        CompletableFuture<ExecutionOutcome> outcome = CompletableFuture.supplyAsync(executor::run);
        try {
            TestingRunner.await(running);
            executor.cancel();
            NodeResult stuck = outcome.get(30, TimeUnit.SECONDS).results().get(0);
            assertEquals(NodeStatus.ERROR, stuck.status());
            assertEquals("Cancelled, but the node did not stop within 0s", stuck.message());
        } finally {
            release.countDown();
        }
    }

    @Test
    void theListenerHearsStartAndResultWithTheSameIndex() {
        List<String> heard = new ArrayList<>();
        SchedulerListener listener = new SchedulerListener() {
            @Override public void nodeStarted(String id, int index, int total) {
                heard.add("start " + id + " " + index + "/" + total);
            }
            @Override public void nodeFinished(NodeResult result, int index, int total) {
                heard.add(result.status().dbtName() + " " + result.uniqueId() + " " + index + "/" + total);
            }
        };
        TestingRunner runner = new TestingRunner().failing("a", "boom");
        new DagExecutor(WorkGraph.of(edges("a<b", "c")), runner, ExecutorOptions.of(1, false), listener).run();
        assertEquals(List.of("start a 1/3", "error a 1/3", "skipped b 2/3", "start c 3/3", "success c 3/3"), heard);
    }

    @Test
    void aCancelBeforeTheRunSkipsEveryNode() {
        TestingRunner runner = new TestingRunner();
        DagExecutor executor = new DagExecutor(WorkGraph.of(edges("a<b")), runner, ExecutorOptions.of(2, false),
                SchedulerListener.NONE);
        executor.cancel();
        ExecutionOutcome outcome = executor.run();
        assertTrue(outcome.cancelled());
        assertEquals(List.of("a", "b"), TestingRunner.ids(outcome.results()));
        assertTrue(outcome.results().stream().allMatch(r -> r.status() == NodeStatus.SKIPPED
                && r.message().equals("Skipping because the run was cancelled")));
        assertEquals(List.of(), runner.started());
    }

    @Test
    void aListenerThatThrowsCancelsTheRunningNodes() {
        CountDownLatch aRunning = new CountDownLatch(1);
        CountDownLatch aCancelled = new CountDownLatch(1);
        TestingRunner runner = new TestingRunner().on("a", (id, token) -> {
            token.onCancel(aCancelled::countDown);
            return TestingRunner.blockUntilCancelled(id, token, aRunning);
        });
        SchedulerListener listener = new SchedulerListener() {
            @Override public void nodeStarted(String id, int index, int total) {
                if (id.equals("b")) {
                    TestingRunner.await(aRunning);
                    throw new IllegalStateException("console closed");
                }
            }
        };
        DagExecutor executor = new DagExecutor(WorkGraph.of(edges("a", "b")), runner, ExecutorOptions.of(2, false), listener);
        IllegalStateException error = assertThrows(IllegalStateException.class, executor::run);
        assertEquals("console closed", error.getMessage());
        TestingRunner.await(aCancelled);
    }

    @Test
    void tenThousandNodesRunInDependencyOrder() {
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        for (int layer = 0; layer < 100; layer++) {
            for (int i = 0; i < 100; i++) {
                Set<String> own = new TreeSet<>();
                if (layer > 0) {
                    own.add("n" + (layer - 1) + "_" + i);
                    own.add("n" + (layer - 1) + "_" + ((i * 7 + 3) % 100));
                }
                parents.put("n" + layer + "_" + i, own);
            }
        }
        AtomicLong clock = new AtomicLong();
        Map<String, Long> startedAt = new ConcurrentHashMap<>();
        Map<String, Long> endedAt = new ConcurrentHashMap<>();
        NodeRunner runner = (id, token) -> {
            startedAt.put(id, clock.incrementAndGet());
            endedAt.put(id, clock.incrementAndGet());
            return NodeResult.builder(id, NodeStatus.SUCCESS).build();
        };
        ExecutionOutcome outcome = new DagExecutor(WorkGraph.of(parents), runner, ExecutorOptions.of(4, false),
                SchedulerListener.NONE).run();

        assertEquals(10_000, outcome.results().size());
        assertTrue(outcome.results().stream().allMatch(r -> r.status() == NodeStatus.SUCCESS));
        parents.forEach((id, own) -> own.forEach(parent ->
                assertTrue(endedAt.get(parent) < startedAt.get(id), id + " started before " + parent + " ended")));
    }

    @Test
    void anExecutorRunsOnce() {
        DagExecutor executor = new DagExecutor(WorkGraph.of(edges("a")), new TestingRunner(),
                ExecutorOptions.of(1, false), SchedulerListener.NONE);
        executor.run();
        assertThrows(IllegalStateException.class, executor::run);
    }

    @Test
    void anEmptyGraphFinishesAtOnce() {
        ExecutionOutcome outcome = run(Map.of(), new TestingRunner(), ExecutorOptions.of(3, true));
        assertTrue(outcome.results().isEmpty());
    }

    @Test
    void optionsRejectZeroThreads() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ExecutorOptions.of(0, false));
        assertEquals("threads must be at least 1, got 0", error.getMessage());
    }
}
