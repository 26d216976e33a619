package dev.model.run.execute;

import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The {@code target/compiled/} and {@code target/run/} files of a run, written off the worker
 * threads: on a busy disk a file write costs as much as the warehouse statement, and a node
 * should not wait for it. {@link #flush()} waits for every write; the run calls it before it
 * writes run_results.json, so the files exist when the run ends. Thread-safe.
 */
public final class RunFiles implements AutoCloseable {

    private static final int WRITERS = 2;

    private final ExecutorService writers = Executors.newFixedThreadPool(WRITERS, task -> {
        Thread thread = new Thread(task, "model-file-writer");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Future<?>> pending = new ArrayList<>();

    /** Queues a write of {@code text} to {@code file}, replacing it. */
    public void write(Path file, String text) {
        Future<?> future = writers.submit(() -> {
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ModelException(ErrorCategory.PROJECT, "Could not write " + file + ": " + e.getMessage(), null, e);
            }
        });
        synchronized (pending) {
            pending.add(future);
        }
    }

    /** Waits for every queued write; the first failure is thrown. */
    public void flush() {
        List<Future<?>> waiting;
        synchronized (pending) {
            waiting = new ArrayList<>(pending);
            pending.clear();
        }
        ModelException first = null;
        for (Future<?> future : waiting) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ModelException.internal("interrupted while writing target files", e);
            } catch (ExecutionException e) {
                if (first == null) {
                    first = e.getCause() instanceof ModelException model ? model
                            : ModelException.internal("writing a target file failed", e.getCause());
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Flushes, then stops the writer threads. */
    @Override
    public void close() {
        try {
            flush();
        } finally {
            writers.shutdown();
        }
    }
}
