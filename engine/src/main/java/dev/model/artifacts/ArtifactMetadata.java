package dev.model.artifacts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code metadata} block every dbt artifact starts with. */
public record ArtifactMetadata(String schemaUrl, String dbtVersion, Instant generatedAt, String invocationId) {

    /** The dbt version whose artifact shapes this engine writes. */
    public static final String DBT_VERSION = "1.8.0";

    private static final DateTimeFormatter ISO_MICROS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    public static String iso(Instant instant) {
        return ISO_MICROS.format(instant);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dbt_schema_version", schemaUrl);
        out.put("dbt_version", dbtVersion);
        out.put("generated_at", iso(generatedAt));
        out.put("invocation_id", invocationId);
        out.put("env", Map.of());
        return out;
    }
}
