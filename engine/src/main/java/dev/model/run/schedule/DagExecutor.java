package dev.model.run.schedule;

import dev.model.error.ModelException;
import dev.model.run.NodeResult;
import dev.model.run.NodeStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a {@link WorkGraph} on a fixed pool of worker threads. One scheduling thread (the caller
 * of {@link #run()}) owns all bookkeeping and is the only one to call the listener; workers
 * only run nodes and hand their results back through a queue, so nothing but that queue, the
 * cancel flag and the running tokens is shared.
 *
 * <p>A node starts when all its parents succeeded. Among ready nodes, the one heading the
 * heaviest chain of work starts first, ties broken by id. When a node fails, every node below it
 * is skipped, naming it; other branches go on. An executor runs once.
 */
public final class DagExecutor {

    private static final String WORKER_SUFFIX = " (worker)";

    private final WorkGraph graph;
    private final NodeRunner runner;
    private final ExecutorOptions options;
    private final SchedulerListener listener;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Map<String, CancellationToken> runningTokens = new ConcurrentHashMap<>();
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);

    public DagExecutor(WorkGraph graph, NodeRunner runner, ExecutorOptions options, SchedulerListener listener) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.options = Objects.requireNonNull(options, "options");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Cancels the run from any thread (a Ctrl-C shutdown hook): nothing new starts, running
     * nodes get their cancel hooks called, and {@link #run()} returns once they have ended or the
     * grace period is over.
     */
    public void cancel() {
        if (cancelRequested.compareAndSet(false, true)) {
            events.add(Event.WAKE_UP);
            runningTokens.values().forEach(CancellationToken::cancel);
        }
    }

    /** Waits until {@link #run()} has returned; for a shutdown hook that must not exit earlier. */
    public boolean awaitCompletion(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Runs every node and returns one result per node; blocks until done. */
    public ExecutionOutcome run() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a DagExecutor runs only once");
        }
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), new WorkerThreads());
        try {
            return new Schedule(pool).execute();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            ModelException failure = ModelException.internal("the scheduler was interrupted", interrupted);
            cancelRunningAfter(failure);
            throw failure;
        } catch (RuntimeException | Error failure) {
            // a listener threw: the statements still running must not outlive the run
            cancelRunningAfter(failure);
            throw failure;
        } finally {
            pool.shutdownNow();
            finished.countDown();
        }
    }

    private void cancelRunningAfter(Throwable failure) {
        for (CancellationToken token : runningTokens.values()) {
            try {
                token.cancel();
            } catch (RuntimeException hookFailure) {
                failure.addSuppressed(hookFailure);
            }
        }
    }

    /** A node's result coming back from a worker, or a nudge to look at the cancel flag. */
    private record Event(String uniqueId, NodeResult result) {
        static final Event WAKE_UP = new Event(null, null);
    }

    /** The bookkeeping of one run, touched only by the scheduling thread. */
    private final class Schedule {
        private final ExecutorService pool;
        private final Map<String, Integer> unfinishedParents = new HashMap<>();
        private final PriorityQueue<String> ready = new PriorityQueue<>(
                Comparator.comparingDouble((String id) -> graph.priorityOf(id)).reversed()
                        .thenComparing(Comparator.naturalOrder()));
        private final Map<String, NodeResult> results = new LinkedHashMap<>();
        private final Map<String, Integer> indexes = new HashMap<>();
        private int nextIndex = 1;
        private String stopReason;
        private String failFastCause;
        private long stopDeadline;

        Schedule(ExecutorService pool) {
            this.pool = pool;
            for (String id : graph.nodes()) {
                int parents = graph.parentsOf(id).size();
                unfinishedParents.put(id, parents);
                if (parents == 0) {
                    ready.add(id);
                }
            }
        }

        ExecutionOutcome execute() throws InterruptedException {
            while (true) {
                if (stopReason == null && cancelRequested.get()) {
                    stop("Skipping because the run was cancelled");
                }
                while (stopReason == null && runningTokens.size() < options.threads() && !ready.isEmpty()) {
                    dispatch(ready.poll());
                }
                if (runningTokens.isEmpty()) {
                    break;
                }
                Event event = nextEvent();
                if (event == null) {
                    abandonRunningNodes();
                    break;
                }
                if (event.uniqueId() != null) {
                    finish(event.uniqueId(), event.result());
                }
            }
            String scheduler = Thread.currentThread().getName();
            for (String id : graph.topologicalOrder()) {
                if (!results.containsKey(id)) {
                    results.put(id, NodeResult.skipped(id, stopReason).toBuilder().threadId(scheduler).build());
                }
            }
            return new ExecutionOutcome(new ArrayList<>(results.values()), cancelRequested.get(),
                    Optional.ofNullable(failFastCause));
        }

        private void dispatch(String id) {
            int index = nextIndex++;
            indexes.put(id, index);
            CancellationToken token = new CancellationToken();
            runningTokens.put(id, token);
            if (cancelRequested.get()) {
                // cancel() may have walked the running tokens just before this one was added
                token.cancel();
            }
            listener.nodeStarted(id, index, graph.size());
            pool.execute(() -> events.add(new Event(id, runGuarded(id, token))));
        }

        /** Waits for the next event; after a stop only until the grace period is over (null then). */
        private Event nextEvent() throws InterruptedException {
            if (stopReason == null) {
                return events.take();
            }
            long left = stopDeadline - System.nanoTime();
            return left <= 0 ? events.poll() : events.poll(left, TimeUnit.NANOSECONDS);
        }

        private void finish(String id, NodeResult result) {
            runningTokens.remove(id);
            record(result);
            if (result.status().blocksDescendants()) {
                skipDescendants(id, result);
                if (options.failFast() && result.status().isFailure() && stopReason == null) {
                    failFastCause = id;
                    stop("Skipping because of fail-fast: '" + id + "' failed");
                }
                return;
            }
            for (String child : graph.childrenOf(id)) {
                if (unfinishedParents.merge(child, -1, Integer::sum) == 0 && !results.containsKey(child)) {
                    ready.add(child);
                }
            }
        }

        private void skipDescendants(String failedId, NodeResult failed) {
            String reason = failed.status() == NodeStatus.SKIPPED
                    ? "Skipping because upstream '" + failedId + "' was skipped"
                    : "Skipping because of failed upstream '" + failedId + "'";
            for (String descendant : graph.descendantsOf(failedId)) {
                if (!results.containsKey(descendant)) {
                    indexes.put(descendant, nextIndex++);
                    record(NodeResult.skipped(descendant, reason).toBuilder().threadId(failed.threadId()).build());
                }
            }
        }

        private void record(NodeResult result) {
            results.put(result.uniqueId(), result);
            listener.nodeFinished(result, indexes.get(result.uniqueId()), graph.size());
        }

        private void stop(String reason) {
            stopReason = reason;
            stopDeadline = System.nanoTime() + options.cancelGrace().toNanos();
            runningTokens.values().forEach(CancellationToken::cancel);
        }

        /** The grace period is over and some runners ignored their cancel: give them up. */
        private void abandonRunningNodes() {
            List<String> stuck = new ArrayList<>(runningTokens.keySet());
            stuck.sort(Comparator.naturalOrder());
            for (String id : stuck) {
                runningTokens.remove(id);
                record(NodeResult.error(id, "Cancelled, but the node did not stop within "
                        + options.cancelGrace().toSeconds() + "s"));
            }
        }
    }

    /** Runs the node and turns whatever comes back, even a throwable, into its result. */
    private NodeResult runGuarded(String id, CancellationToken token) {
        long start = System.nanoTime();
        NodeResult result;
        try {
            result = runner.run(id, token);
            if (result == null) {
                result = NodeResult.error(id, "Internal error: the runner returned no result for '" + id + "'");
            } else if (!result.uniqueId().equals(id)) {
                result = NodeResult.error(id, "Internal error: the runner returned the result of '"
                        + result.uniqueId() + "' for '" + id + "'");
            }
        } catch (Throwable failure) {
            // a runner must not throw; when one does anyway, the node still ends as an error so
            // that the schedule never waits for a result that will not come
            result = NodeResult.error(id, describe(failure));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return result.toBuilder().threadId(Thread.currentThread().getName()).executionTime(seconds).build();
    }

    private static String describe(Throwable failure) {
        if (failure instanceof ModelException model) {
            return model.describe();
        }
        String message = failure.getMessage();
        String kind = failure.getClass().getSimpleName();
        if (!(failure instanceof RuntimeException)) {
            return "Internal error: " + kind + (message == null ? "" : ": " + message);
        }
        return message == null || message.isBlank() ? kind : message;
    }

    /** Names workers as dbt does, numbered per executor: {@code Thread-1 (worker)}. */
    private static final class WorkerThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "Thread-" + count.incrementAndGet() + WORKER_SUFFIX);
            // a runner that ignores its cancel must not keep the JVM alive after Ctrl-C
            thread.setDaemon(true);
            return thread;
        }
    }
}
