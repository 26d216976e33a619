package dev.model.run;

import java.time.Instant;
import java.util.Objects;

/** One phase of a node's run, as in run_results.json: {@code compile} or {@code execute}. */
public record TimingInfo(String name, Instant startedAt, Instant completedAt) {

    public static final String COMPILE = "compile";
    public static final String EXECUTE = "execute";

    public TimingInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(completedAt, "completedAt");
        if (completedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("timing '" + name + "' completes before it starts");
        }
    }
}
