package dev.model.run.schedule;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Tells a running node that the run is being cancelled (fail-fast or Ctrl-C). A runner registers
 * a hook that stops its current statement (e.g. {@code java.sql.Statement::cancel}) for as long
 * as the statement runs; the hook runs on the cancelling thread, at most once.
 */
public final class CancellationToken {

    private final Set<Runnable> hooks = new LinkedHashSet<>();
    private boolean cancelled;

    /** Removes a hook once its statement has finished, so a late cancel does not touch the next one. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /** Registers a hook; runs it at once when the token is already cancelled. */
    public Registration onCancel(Runnable hook) {
        synchronized (this) {
            if (!cancelled) {
                hooks.add(hook);
                return () -> remove(hook);
            }
        }
        hook.run();
        return () -> { };
    }

    /**
     * Cancels and runs the registered hooks. Every hook runs even when one throws; the first
     * failure is then rethrown, since a hook that cannot cancel is a bug in its runner.
     */
    public void cancel() {
        List<Runnable> toRun;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toRun = new ArrayList<>(hooks);
            hooks.clear();
        }
        RuntimeException first = null;
        for (Runnable hook : toRun) {
            try {
                hook.run();
            } catch (RuntimeException failure) {
                if (first == null) {
                    first = failure;
                } else {
                    first.addSuppressed(failure);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private synchronized void remove(Runnable hook) {
        hooks.remove(hook);
    }
}
