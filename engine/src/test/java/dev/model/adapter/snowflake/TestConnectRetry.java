package dev.model.adapter.snowflake;

import dev.model.project.TestingLog;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The retry policy alone, over attempts that fail with the driver's real error codes. */
final class TestConnectRetry {

    private final List<Duration> waits = new ArrayList<>();
    private final TestingLog log = new TestingLog();

    private ConnectRetry retry(int retries, boolean retryAll) {
        return new ConnectRetry(retries, retryAll, waits::add, log, new SecretScrubber(List.of("s3cret-pw")));
    }

    private static SQLException network() {
        return new SQLException("JDBC driver encountered communication error. Message: Connect to 127.0.0.1:1 failed",
                "58030", 200015, new ConnectException("Connection refused"));
    }

    @Test
    void networkFailuresAreRetriedWithDbtsBackoffThenReported() {
        AtomicInteger attempts = new AtomicInteger();
        SQLException last = network();

        ConnectRetry.Exhausted failed = assertThrows(ConnectRetry.Exhausted.class, () -> retry(2, false).open(() -> {
            attempts.incrementAndGet();
            throw last;
        }));

        assertEquals(3, attempts.get());
        assertEquals(3, failed.attempts());
        assertSame(last, failed.last());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(4)), waits);
        assertEquals(2, log.debugMessages().size());
        assertTrue(log.debugMessages().get(0).startsWith("Snowflake login attempt 1 of 3 failed (Snowflake error 200015:"),
                log.debugMessages().toString());
    }

    @Test
    void aRefusedLoginIsNeverRetried() {
        AtomicInteger attempts = new AtomicInteger();
        ConnectRetry.Exhausted failed = assertThrows(ConnectRetry.Exhausted.class, () -> retry(5, true).open(() -> {
            attempts.incrementAndGet();
            throw new SQLException("Incorrect username or password was specified.", "08004", 390100);
        }));
        assertEquals(1, attempts.get());
        assertEquals(1, failed.attempts());
        assertEquals(List.of(), waits);
    }

    @Test
    void otherFailuresAreRetriedOnlyWithRetryAll() {
        SQLException other = new SQLException("Internal error", "XX000", 370001);
        assertEquals(1, assertThrows(ConnectRetry.Exhausted.class, () -> retry(2, false).open(() -> {
            throw other;
        })).attempts());
        assertEquals(3, assertThrows(ConnectRetry.Exhausted.class, () -> retry(2, true).open(() -> {
            throw other;
        })).attempts());
    }

    @Test
    void succeedsOnALaterAttempt() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        Connection connection = (Connection) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> null);
        Connection opened = retry(3, false).open(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw network();
            }
            return connection;
        });
        assertSame(connection, opened);
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(4)), waits);
    }

    @Test
    void backoffGrowsAsDbtsAndIsCapped() {
        assertEquals(Duration.ofSeconds(9), ConnectRetry.backoff(3));
        assertEquals(Duration.ofSeconds(30), ConnectRetry.backoff(10));
    }
}
