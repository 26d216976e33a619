package dev.model.cli;

/** dbt's exit codes. */
final class ExitCodes {

    static final int SUCCESS = 0;
    /** The command ran, and a node failed or a test did not pass. */
    static final int FAILED = 1;
    /** The command could not run: bad project, profile, arguments or warehouse. */
    static final int COULD_NOT_RUN = 2;

    private ExitCodes() {
    }
}
