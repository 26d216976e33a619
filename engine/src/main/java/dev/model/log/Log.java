package dev.model.log;

import dev.model.error.SourceLocation;

/**
 * Where the engine reports progress and warnings. The CLI supplies a text or JSON-lines
 * implementation; library code never prints to stdout itself.
 */
public interface Log {

    void info(String message);

    void warn(String message, SourceLocation location);

    void debug(String message);

    default void warn(String message) {
        warn(message, null);
    }

    /** Structured event for {@code --log-format json}; text logs print the message only. */
    default void event(String name, String message, java.util.Map<String, ?> fields) {
        info(message);
    }

    static Log silent() {
        return new Log() {
            @Override public void info(String message) { }
            @Override public void warn(String message, SourceLocation location) { }
            @Override public void debug(String message) { }
        };
    }
}
