package dev.model.run.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.model.run.NodeStatus;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

final class TestShutdownCancellation {

    @Test
    void theHookCancelsTheRunAndWaitsUntilTheResultsAreWritten() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        TestingRunner runner = new TestingRunner()
                .on("a", (id, token) -> TestingRunner.blockUntilCancelled(id, token, running));
        DagExecutor executor = new DagExecutor(WorkGraph.of(Map.of("a", Set.of(), "b", Set.of("a"))), runner,
                ExecutorOptions.of(1, false), SchedulerListener.NONE);
        ShutdownCancellation guard = ShutdownCancellation.uninstalled(executor, Duration.ofSeconds(30));
        CompletableFuture<ExecutionOutcome> outcome = CompletableFuture.supplyAsync(executor::run);
        TestingRunner.await(running);

        CompletableFuture<Void> hook = CompletableFuture.runAsync(guard::onShutdown);
        ExecutionOutcome done = outcome.get(30, TimeUnit.SECONDS);
        assertTrue(done.cancelled());
        assertEquals(NodeStatus.SKIPPED, done.results().get(1).status());
        assertFalse(hook.isDone());
        assertTrue(guard.isWaiting());

        guard.close();
        hook.get(30, TimeUnit.SECONDS);
        assertFalse(guard.isWaiting());
    }

    @Test
    void closingAnInstalledGuardRemovesItsHook() {
        DagExecutor executor = new DagExecutor(WorkGraph.of(Map.of()), new TestingRunner(),
                ExecutorOptions.of(1, false), SchedulerListener.NONE);
        try (ShutdownCancellation guard = ShutdownCancellation.install(executor, Duration.ofSeconds(1))) {
            assertTrue(executor.run().results().isEmpty());
        }
        // closing twice, or after the hook is gone, must not fail
        ShutdownCancellation again = ShutdownCancellation.install(executor, Duration.ZERO);
        again.close();
        again.close();
    }
}
