package dev.model.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How one node ended, with the fields dbt writes for it in run_results.json plus two that only
 * the console and JUnit report use ({@code compiledPath}, {@code failureDetails}).
 *
 * @param threadId        the worker that ran it, {@code Thread-1 (worker)} as dbt names them
 * @param executionTime   seconds, wall time of the whole node
 * @param adapterResponse what the warehouse said, e.g. {@code {"_message": "OK", "rows_affected": 10}}
 * @param message         one line for the user; for success the adapter's message
 * @param failures        number of failing rows, for tests only
 * @param compiled        whether the node got as far as compiled SQL ({@code null} when not a compiled kind)
 * @param compiledPath    where the compiled SQL was written, e.g. {@code target/compiled/shop/models/a.sql}
 * @param failureDetails  extra text for reports: the first failing rows of a test, a warehouse error
 */
public record NodeResult(
        String uniqueId,
        NodeStatus status,
        List<TimingInfo> timing,
        String threadId,
        double executionTime,
        Map<String, Object> adapterResponse,
        String message,
        Integer failures,
        Boolean compiled,
        String compiledCode,
        String relationName,
        String compiledPath,
        String failureDetails) {

    public NodeResult {
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(status, "status");
        timing = List.copyOf(timing);
        threadId = threadId == null ? "" : threadId;
        if (executionTime < 0 || Double.isNaN(executionTime)) {
            throw new IllegalArgumentException("executionTime must be >= 0");
        }
        adapterResponse = Collections.unmodifiableMap(new LinkedHashMap<>(adapterResponse));
    }

    public static Builder builder(String uniqueId, NodeStatus status) {
        return new Builder(uniqueId, status);
    }

    public static NodeResult error(String uniqueId, String message) {
        return builder(uniqueId, NodeStatus.ERROR).message(message).build();
    }

    public static NodeResult skipped(String uniqueId, String reason) {
        return builder(uniqueId, NodeStatus.SKIPPED).message(reason).build();
    }

    public Builder toBuilder() {
        return new Builder(uniqueId, status).timing(timing).threadId(threadId).executionTime(executionTime)
                .adapterResponse(adapterResponse).message(message).failures(failures).compiled(compiled)
                .compiledCode(compiledCode).relationName(relationName).compiledPath(compiledPath)
                .failureDetails(failureDetails);
    }

    /** The resource type, which dbt puts first in every unique id ({@code model.shop.orders}). */
    public String resourceType() {
        int dot = uniqueId.indexOf('.');
        return dot < 0 ? uniqueId : uniqueId.substring(0, dot);
    }

    /** Results are immutable; the builder lets runners fill the fields they know. */
    public static final class Builder {
        private final String uniqueId;
        private final NodeStatus status;
        private List<TimingInfo> timing = List.of();
        private String threadId = "";
        private double executionTime;
        private Map<String, Object> adapterResponse = Map.of();
        private String message;
        private Integer failures;
        private Boolean compiled;
        private String compiledCode;
        private String relationName;
        private String compiledPath;
        private String failureDetails;

        private Builder(String uniqueId, NodeStatus status) {
            this.uniqueId = uniqueId;
            this.status = status;
        }

        public Builder timing(List<TimingInfo> value) { this.timing = value; return this; }
        public Builder threadId(String value) { this.threadId = value; return this; }
        public Builder executionTime(double value) { this.executionTime = value; return this; }
        public Builder adapterResponse(Map<String, Object> value) { this.adapterResponse = value; return this; }
        public Builder message(String value) { this.message = value; return this; }
        public Builder failures(Integer value) { this.failures = value; return this; }
        public Builder compiled(Boolean value) { this.compiled = value; return this; }
        public Builder compiledCode(String value) { this.compiledCode = value; return this; }
        public Builder relationName(String value) { this.relationName = value; return this; }
        public Builder compiledPath(String value) { this.compiledPath = value; return this; }
        public Builder failureDetails(String value) { this.failureDetails = value; return this; }

        public NodeResult build() {
            return new NodeResult(uniqueId, status, timing, threadId, executionTime, adapterResponse, message,
                    failures, compiled, compiledCode, relationName, compiledPath, failureDetails);
        }
    }
}
