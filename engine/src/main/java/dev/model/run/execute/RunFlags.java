package dev.model.run.execute;

/** The command-line switches that change how nodes are built. */
public record RunFlags(boolean fullRefresh, boolean failFast, int threads, boolean emptyRun) {

    public static RunFlags defaults(int threads) {
        return new RunFlags(false, false, threads, false);
    }
}
