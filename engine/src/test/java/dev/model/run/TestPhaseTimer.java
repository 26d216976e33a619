package dev.model.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

final class TestPhaseTimer {

    /** A clock that moves one second each time it is read. */
    private static final class SteppingClock extends Clock {
        private Instant now = Instant.parse("2026-03-01T09:15:00Z");

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() {
            Instant current = now;
            now = now.plusSeconds(1);
            return current;
        }
    }

    @Test
    void recordsEachPhaseEvenWhenItFails() {
        PhaseTimer timer = new PhaseTimer(new SteppingClock());
        assertEquals("select 1", timer.time(TimingInfo.COMPILE, () -> "select 1"));
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> timer.time(TimingInfo.EXECUTE, (Runnable) () -> { throw new IllegalStateException("boom"); }));
        assertEquals("boom", failure.getMessage());
        assertEquals(List.of(
                new TimingInfo("compile", Instant.parse("2026-03-01T09:15:00Z"), Instant.parse("2026-03-01T09:15:01Z")),
                new TimingInfo("execute", Instant.parse("2026-03-01T09:15:02Z"), Instant.parse("2026-03-01T09:15:03Z"))),
                timer.timing());
    }

    @Test
    void aTimingCannotEndBeforeItStarts() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new TimingInfo("execute",
                Instant.parse("2026-03-01T09:15:01Z"), Instant.parse("2026-03-01T09:15:00Z")));
        assertEquals("timing 'execute' completes before it starts", error.getMessage());
    }
}
