package dev.model.run.freshness;

import dev.model.adapter.QueryResult;
import dev.model.adapter.Relation;
import dev.model.adapter.Session;
import dev.model.error.ModelException;
import dev.model.parse.SourceNode;
import dev.model.run.PhaseTimer;
import dev.model.run.TimingInfo;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * Checks one source table as dbt's {@code collect_freshness}: {@code select max(<loaded_at_field>)
 * as max_loaded_at, current_timestamp as snapshotted_at from <source> [where <filter>]}, then
 * compares the age with {@code error_after} and {@code warn_after}. Timestamps without a zone are
 * taken as UTC, as dbt does. Never throws for a warehouse error: that is a runtime error result.
 */
public final class FreshnessChecker {

    private FreshnessChecker() {
    }

    public static FreshnessResult check(SourceNode source, Relation relation, FreshnessCriteria criteria, Session session) {
        PhaseTimer timer = new PhaseTimer(Clock.systemUTC());
        long start = System.nanoTime();
        String thread = Thread.currentThread().getName();
        String sql = "select max(" + source.loadedAtField() + ") as max_loaded_at,\n    current_timestamp as snapshotted_at\nfrom "
                + relation.render() + (criteria.filter() == null ? "" : "\nwhere " + criteria.filter());
        try {
            QueryResult result = timer.time(TimingInfo.EXECUTE, () -> session.query(sql, 1));
            List<Object> row = result.rows().get(0);
            Instant snapshotted = instant(row.get(1));
            if (snapshotted == null) {
                snapshotted = Instant.now();
            }
            Instant maxLoaded = instant(row.get(0));
            if (maxLoaded == null) {
                // dbt: a table without rows (or only nulls) is infinitely stale
                return new FreshnessResult(source.uniqueId(), criteria.errorAfterSeconds() != null ? "error" : "warn",
                        null, snapshotted, Double.POSITIVE_INFINITY, criteria, null, timer.timing(), thread,
                        seconds(start), Map.of("_message", "OK"));
            }
            double age = Duration.between(maxLoaded, snapshotted).toMillis() / 1000.0;
            String status = criteria.errorAfterSeconds() != null && age > criteria.errorAfterSeconds() ? "error"
                    : criteria.warnAfterSeconds() != null && age > criteria.warnAfterSeconds() ? "warn" : "pass";
            return new FreshnessResult(source.uniqueId(), status, maxLoaded, snapshotted, age, criteria, null,
                    timer.timing(), thread, seconds(start), Map.of("_message", "OK"));
        } catch (ModelException failure) {
            Throwable cause = failure.getCause();
            String text = cause != null && cause.getMessage() != null ? cause.getMessage() : failure.getMessage();
            return new FreshnessResult(source.uniqueId(), "runtime error", null, null, 0, criteria,
                    "Database Error in source " + source.sourceName() + "." + source.name() + " ("
                            + source.originalFilePath() + ")\n  " + text.strip(),
                    timer.timing(), thread, seconds(start), Map.of());
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (value instanceof LocalDate date) {
            return date.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        String text = value.toString().trim().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (java.time.format.DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (java.time.format.DateTimeParseException notLocal) {
                throw ModelException.project("max(loaded_at_field) is not a timestamp: '" + value + "'");
            }
        }
    }
}
