package dev.model.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.model.error.SourceLocation;
import dev.model.log.Log;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The console, as dbt prints it: timestamped text lines, or one JSON event per line. */
final class ConsoleLog implements Log {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final boolean json;
    private final boolean debug;

    ConsoleLog(PrintStream out, SharedOptions.LogFormat format, boolean debug) {
        this.out = out;
        this.json = format == SharedOptions.LogFormat.json;
        this.debug = debug;
    }

    @Override
    public void info(String message) {
        emit("info", "Info", message, null, Map.of());
    }

    @Override
    public void warn(String message, SourceLocation location) {
        emit("warn", "Warning", message, location, Map.of());
    }

    @Override
    public void debug(String message) {
        if (debug) {
            emit("debug", "Debug", message, null, Map.of());
        }
    }

    @Override
    public void event(String name, String message, Map<String, ?> fields) {
        emit("info", name, message, null, fields);
    }

    void error(String message) {
        emit("error", "Error", message, null, Map.of());
    }

    private synchronized void emit(String level, String name, String message, SourceLocation location,
                                   Map<String, ?> fields) {
        if (json) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("ts", Instant.now().toString());
            event.put("level", level);
            event.put("event", name);
            event.put("msg", message);
            if (location != null) {
                event.put("location", location.toString());
            }
            event.putAll(fields);
            try {
                out.println(JSON.writeValueAsString(event));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                out.println("{\"level\":\"error\",\"msg\":\"could not encode a log event\"}");
            }
            return;
        }
        String text = switch (level) {
            case "warn" -> "[WARNING]: " + message + (location == null ? "" : " (" + location + ")");
            default -> message;
        };
        out.println(LocalTime.now().format(CLOCK) + "  " + text);
    }
}
