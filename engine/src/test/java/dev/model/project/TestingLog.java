package dev.model.project;

import dev.model.error.SourceLocation;
import dev.model.log.Log;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A Log that keeps what it was told, for assertions. Thread-safe: parsing warns from pool threads. */
public final class TestingLog implements Log {

    /** One warning with where it pointed. */
    public record Warning(String message, SourceLocation location) {
    }

    private final List<Warning> warnings = new CopyOnWriteArrayList<>();
    private final List<String> debug = new CopyOnWriteArrayList<>();

    @Override
    public void info(String message) {
    }

    @Override
    public void warn(String message, SourceLocation location) {
        warnings.add(new Warning(message, location));
    }

    @Override
    public void debug(String message) {
        debug.add(message);
    }

    public List<Warning> warnings() {
        return List.copyOf(warnings);
    }

    public List<String> debugMessages() {
        return List.copyOf(debug);
    }
}
