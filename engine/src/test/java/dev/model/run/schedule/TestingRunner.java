package dev.model.run.schedule;

import dev.model.run.NodeResult;
import dev.model.run.NodeStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/** A runner whose nodes succeed unless told otherwise, and which records what happened in order. */
final class TestingRunner implements NodeRunner {

    private final Map<String, BiFunction<String, CancellationToken, NodeResult>> behaviours = new ConcurrentHashMap<>();
    private final List<String> events = new ArrayList<>();

    TestingRunner on(String id, BiFunction<String, CancellationToken, NodeResult> behaviour) {
        behaviours.put(id, behaviour);
        return this;
    }

    TestingRunner failing(String id, String message) {
        return on(id, (node, token) -> NodeResult.error(node, message));
    }

    @Override
    public NodeResult run(String uniqueId, CancellationToken token) {
        note("start " + uniqueId);
        try {
            return behaviours.getOrDefault(uniqueId, (node, t) -> NodeResult.builder(node, NodeStatus.SUCCESS)
                    .message("OK").build()).apply(uniqueId, token);
        } finally {
            note("end " + uniqueId);
        }
    }

    synchronized List<String> events() {
        return List.copyOf(events);
    }

    synchronized List<String> started() {
        return events.stream().filter(e -> e.startsWith("start ")).map(e -> e.substring(6)).toList();
    }

    private synchronized void note(String event) {
        events.add(event);
    }

    /** Blocks until the token is cancelled (through its hook), then ends as a cancelled error. */
    static NodeResult blockUntilCancelled(String id, CancellationToken token, CountDownLatch started) {
        CountDownLatch cancelled = new CountDownLatch(1);
        try (CancellationToken.Registration ignored = token.onCancel(cancelled::countDown)) {
            started.countDown();
            await(cancelled);
        }
        return NodeResult.error(id, "Query cancelled");
    }

    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("latch never opened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static List<String> ids(List<NodeResult> results) {
        List<String> ids = new ArrayList<>();
        results.forEach(r -> ids.add(r.uniqueId()));
        return ids;
    }
}
