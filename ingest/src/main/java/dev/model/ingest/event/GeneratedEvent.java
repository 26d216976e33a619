package dev.model.ingest.event;

import java.time.Instant;

/** One event ready to send: its topic family, partition key, id, type, event time and JSON bytes. */
public record GeneratedEvent(EventFamily family, String key, String eventId, String eventType, Instant occurredAt,
                             byte[] json) {
}
