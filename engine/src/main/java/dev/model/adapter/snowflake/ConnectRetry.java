package dev.model.adapter.snowflake;

import dev.model.log.Log;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * dbt-snowflake's {@code connect_retries}: a login that fails on the network is tried again,
 * after {@code attempt²} seconds (dbt's backoff: 1 s, 4 s, 9 s, capped at 30 s). A refused login
 * is never retried. {@code retryAll} (dbt's {@code retry_all}) also retries other failures.
 */
final class ConnectRetry {

    /** Waits between attempts; a parameter so a test can count the waits instead of sleeping. */
    interface Sleeper {
        Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

        void sleep(Duration duration) throws InterruptedException;
    }

    interface Attempt {
        Connection open() throws SQLException;
    }

    /** The last failure and how many attempts were made. */
    static final class Exhausted extends Exception {
        private final SQLException last;
        private final int attempts;

        Exhausted(SQLException last, int attempts) {
            super(last.getMessage(), last);
            this.last = last;
            this.attempts = attempts;
        }

        SQLException last() {
            return last;
        }

        int attempts() {
            return attempts;
        }
    }

    private static final long MAX_BACKOFF_SECONDS = 30;

    private final int retries;
    private final boolean retryAll;
    private final Sleeper sleeper;
    private final Log log;
    private final SecretScrubber scrubber;

    ConnectRetry(int retries, boolean retryAll, Sleeper sleeper, Log log, SecretScrubber scrubber) {
        this.retries = retries;
        this.retryAll = retryAll;
        this.sleeper = sleeper;
        this.log = log;
        this.scrubber = scrubber;
    }

    static Duration backoff(int attempt) {
        return Duration.ofSeconds(Math.min(MAX_BACKOFF_SECONDS, (long) attempt * attempt));
    }

    Connection open(Attempt attempt) throws Exhausted {
        int made = 0;
        while (true) {
            made++;
            try {
                return attempt.open();
            } catch (SQLException e) {
                boolean retryable = SnowflakeErrors.transientNetworkFailure(e)
                        || (retryAll && !SnowflakeErrors.loginRefused(e));
                if (!retryable || made > retries) {
                    throw new Exhausted(e, made);
                }
                Duration wait = backoff(made);
                log.debug("Snowflake login attempt " + made + " of " + (retries + 1) + " failed ("
                        + scrubber.scrub(SnowflakeErrors.describe(e)) + "); retrying in " + wait.toSeconds() + " s");
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new Exhausted(e, made);
                }
            }
        }
    }
}
