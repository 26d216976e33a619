package dev.model.artifacts;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.model.run.TimingInfo;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Timestamps as dbt writes them in artifacts: UTC, microseconds, a trailing Z. */
final class ArtifactTime {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private ArtifactTime() {
    }

    static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    /** dbt's {@code timing} array of a result: one entry per phase, each with its start and end. */
    static void putTiming(ObjectNode result, List<TimingInfo> timing) {
        ArrayNode entries = result.putArray("timing");
        for (TimingInfo entry : timing) {
            ObjectNode item = entries.addObject();
            item.put("name", entry.name());
            item.put("started_at", format(entry.startedAt()));
            item.put("completed_at", format(entry.completedAt()));
        }
    }
}
