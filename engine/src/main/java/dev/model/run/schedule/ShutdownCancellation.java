package dev.model.run.schedule;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C during a run: a JVM shutdown hook cancels the executor, then holds the JVM open until
 * the caller has written its results (run_results.json, the summary), or the wait is over.
 *
 * <pre>{@code
 * try (ShutdownCancellation guard = ShutdownCancellation.install(executor, Duration.ofSeconds(60))) {
 *     ExecutionOutcome outcome = executor.run();
 *     ... write artifacts, print the summary ...
 * }   // close() lets a waiting hook finish, or removes the hook when no shutdown began
 * }</pre>
 */
public final class ShutdownCancellation implements AutoCloseable {

    private final DagExecutor executor;
    private final Duration maxWait;
    private final CountDownLatch resultsWritten = new CountDownLatch(1);
    private final Thread hook;

    private ShutdownCancellation(DagExecutor executor, Duration maxWait) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
        this.hook = new Thread(this::onShutdown, "model-shutdown");
    }

    /** Registers the hook; it cancels the run and waits at most {@code maxWait} for the results. */
    public static ShutdownCancellation install(DagExecutor executor, Duration maxWait) {
        ShutdownCancellation cancellation = new ShutdownCancellation(executor, maxWait);
        Runtime.getRuntime().addShutdownHook(cancellation.hook);
        return cancellation;
    }

    /** What the hook does; package-private so that tests can run it without stopping the JVM. */
    void onShutdown() {
        executor.cancel();
        try {
            resultsWritten.await(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The results are written: a waiting hook may let the JVM exit; no later hook is needed. */
    @Override
    public void close() {
        resultsWritten.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shutdownInProgress) {
            // the hook is running already and has just been released
        }
    }

    /** For tests: whether the hook is waiting for {@link #close()}. */
    boolean isWaiting() {
        return resultsWritten.getCount() > 0;
    }

    static ShutdownCancellation uninstalled(DagExecutor executor, Duration maxWait) {
        return new ShutdownCancellation(executor, maxWait);
    }
}
