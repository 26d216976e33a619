package dev.model.error;

/**
 * What kind of thing went wrong, which decides the exit code. dbt's convention: 2 when the
 * command could not run at all, 1 when it ran and something in it failed.
 */
public enum ErrorCategory {
    /** A project, profile, YAML, SQL or template file is wrong: the user can fix it. */
    PROJECT(2),
    /** The command line itself is wrong. */
    USAGE(2),
    /** The warehouse could not be reached, or refused a statement outside a node. */
    WAREHOUSE(2),
    /** A node ran and failed; raised only where a whole command must stop on it. */
    NODE_FAILURE(1),
    /** A bug in model itself. */
    INTERNAL(2);

    private final int exitCode;

    ErrorCategory(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
