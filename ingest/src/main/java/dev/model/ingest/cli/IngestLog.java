package dev.model.ingest.cli;

import dev.model.error.SourceLocation;
import dev.model.log.Log;
import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** Timestamped text lines, as the other commands print them. */
final class IngestLog implements Log {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PrintStream out;
    private final boolean debug;

    IngestLog(PrintStream out, boolean debug) {
        this.out = out;
        this.debug = debug;
    }

    @Override
    public void info(String message) {
        print(message);
    }

    @Override
    public void warn(String message, SourceLocation location) {
        print("[WARNING]: " + message + (location == null ? "" : " (" + location + ")"));
    }

    @Override
    public void debug(String message) {
        if (debug) {
            print(message);
        }
    }

    private synchronized void print(String message) {
        out.println(LocalTime.now().format(CLOCK) + "  " + message);
    }
}
