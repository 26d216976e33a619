package dev.model.run.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class TestCancellationToken {

    @Test
    void runsRegisteredHooksOnceOnCancel() {
        List<String> ran = new ArrayList<>();
        CancellationToken token = new CancellationToken();
        token.onCancel(() -> ran.add("first"));
        CancellationToken.Registration closed = token.onCancel(() -> ran.add("finished statement"));
        closed.close();
        token.cancel();
        token.cancel();
        assertTrue(token.isCancelled());
        assertEquals(List.of("first"), ran);
    }

    @Test
    void aHookRegisteredAfterTheCancelRunsAtOnce() {
        List<String> ran = new ArrayList<>();
        CancellationToken token = new CancellationToken();
        token.cancel();
        token.onCancel(() -> ran.add("late"));
        assertEquals(List.of("late"), ran);
    }

    @Test
    void aThrowingHookDoesNotStopTheOthers() {
        List<String> ran = new ArrayList<>();
        CancellationToken token = new CancellationToken();
        token.onCancel(() -> { throw new IllegalStateException("statement already closed"); });
        token.onCancel(() -> ran.add("second"));
        IllegalStateException error = assertThrows(IllegalStateException.class, token::cancel);
        assertEquals("statement already closed", error.getMessage());
        assertEquals(List.of("second"), ran);
    }
}
