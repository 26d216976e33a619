package dev.model.run.freshness;

import dev.model.run.TimingInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How fresh one source table is, as dbt writes it in {@code sources.json}. A runtime error (the
 * query failed) has no times and carries {@code error} instead.
 *
 * @param status pass, warn, error or runtime error
 */
public record FreshnessResult(String uniqueId, String status, Instant maxLoadedAt, Instant snapshottedAt,
                              double maxLoadedAtTimeAgoInS, FreshnessCriteria criteria, String error,
                              List<TimingInfo> timing, String threadId, double executionTime,
                              Map<String, Object> adapterResponse) {

    public FreshnessResult {
        timing = List.copyOf(timing);
        adapterResponse = Map.copyOf(adapterResponse);
    }

    public boolean isRuntimeError() {
        return "runtime error".equals(status);
    }

    /** error and runtime error fail the command; warn only with {@code --warn-error}. */
    public boolean fails(boolean warnError) {
        return status.equals("error") || isRuntimeError() || (warnError && status.equals("warn"));
    }
}
