package dev.model.run;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Records the {@code compile} and {@code execute} phases of one node for run_results.json. A
 * phase that fails is recorded too, as dbt does, so the timing shows where the time went. One
 * timer per node run; not shared between threads.
 */
public final class PhaseTimer {

    private final Clock clock;
    private final List<TimingInfo> timing = new ArrayList<>();

    public PhaseTimer(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public <T> T time(String phase, Supplier<T> work) {
        Instant start = clock.instant();
        try {
            return work.get();
        } finally {
            Instant end = clock.instant();
            timing.add(new TimingInfo(phase, start, end.isBefore(start) ? start : end));
        }
    }

    public void time(String phase, Runnable work) {
        time(phase, () -> {
            work.run();
            return null;
        });
    }

    public List<TimingInfo> timing() {
        return List.copyOf(timing);
    }
}
