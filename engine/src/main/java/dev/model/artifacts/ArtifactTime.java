package dev.model.artifacts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Timestamps as dbt writes them in artifacts: UTC, microseconds, a trailing Z. */
final class ArtifactTime {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private ArtifactTime() {
    }

    static String format(Instant instant) {
        return FORMAT.format(instant);
    }
}
