package dev.model.run.schedule;

import java.time.Duration;
import java.util.Objects;

/**
 * @param threads     how many nodes run at once ({@code --threads})
 * @param failFast    stop at the first failure and cancel what runs ({@code --fail-fast})
 * @param cancelGrace how long a cancelled node may take to stop before it is given up as an error
 */
public record ExecutorOptions(int threads, boolean failFast, Duration cancelGrace) {

    public static final Duration DEFAULT_CANCEL_GRACE = Duration.ofSeconds(30);

    public ExecutorOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        Objects.requireNonNull(cancelGrace, "cancelGrace");
        if (cancelGrace.isNegative()) {
            throw new IllegalArgumentException("cancelGrace must not be negative");
        }
    }

    public static ExecutorOptions of(int threads, boolean failFast) {
        return new ExecutorOptions(threads, failFast, DEFAULT_CANCEL_GRACE);
    }
}
