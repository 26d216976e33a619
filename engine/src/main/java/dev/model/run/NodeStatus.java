package dev.model.run;

/**
 * How a node ended, spelled as dbt spells RunStatus and TestStatus in run_results.json. Models,
 * seeds and snapshots end in success, error or skipped; tests in pass, fail, warn, error or skipped.
 */
public enum NodeStatus {
    SUCCESS("success"),
    ERROR("error"),
    SKIPPED("skipped"),
    PASS("pass"),
    FAIL("fail"),
    WARN("warn"),
    RUNTIME_ERROR("runtime error");

    private final String dbtName;

    NodeStatus(String dbtName) {
        this.dbtName = dbtName;
    }

    public String dbtName() {
        return dbtName;
    }

    /** error, runtime error, and a test that failed with error severity. */
    public boolean isFailure() {
        return this == ERROR || this == FAIL || this == RUNTIME_ERROR;
    }

    /** Whether the nodes downstream must not run: they would read a missing or wrong relation. */
    public boolean blocksDescendants() {
        return isFailure() || this == SKIPPED;
    }

    /** The statuses {@code model retry} runs again, as dbt's retry does. */
    public boolean isRetryable() {
        return isFailure() || this == SKIPPED;
    }

    public static NodeStatus fromDbtName(String name) {
        for (NodeStatus status : values()) {
            if (status.dbtName.equals(name)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown node status '" + name + "'");
    }
}
