package dev.model.ingest.cli;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A progress line: rewritten in place every second on a terminal, a plain line every ten seconds
 * otherwise (logs, CI), so that a log file does not fill with carriage returns.
 */
final class Progress implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "ingest-progress");
        thread.setDaemon(true);
        return thread;
    });
    private final PrintStream out;
    private final boolean terminal;
    private final Supplier<String> line;

    Progress(PrintStream out, boolean terminal, Supplier<String> line) {
        this.out = out;
        this.terminal = terminal;
        this.line = line;
        long period = terminal ? 1 : 10;
        timer.scheduleAtFixedRate(this::print, period, period, TimeUnit.SECONDS);
    }

    private void print() {
        if (terminal) {
            out.print("\r" + line.get() + "   ");
            out.flush();
        } else {
            out.println(line.get());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        if (terminal) {
            out.println();
        }
    }
}
