package dev.model.ingest.consume;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Decides whether a Kafka record is an event RAW accepts: a JSON object under the size limit with
 * a non-empty string {@code event_id} and {@code event_type}. One streaming pass over the bytes,
 * no tree: this runs for every record at 100,000 records a second.
 */
final class RecordCheck {

    /** The verdict: the two fields, or why the record goes to the dead-letter table. */
    record Verdict(String eventId, String eventType, String error) {
        boolean ok() {
            return error == null;
        }
    }

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final int maxBytes;

    RecordCheck(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    Verdict check(byte[] value) {
        if (value == null) {
            return bad("empty record (null value)");
        }
        if (value.length > maxBytes) {
            return bad("record of " + value.length + " bytes is over the limit of " + maxBytes + " bytes");
        }
        String eventId = null;
        String eventType = null;
        try (JsonParser parser = JSON.createParser(value)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return bad("not a JSON object");
            }
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
                if (token != JsonToken.FIELD_NAME) {
                    return bad("not a JSON object");
                }
                String field = parser.currentName();
                JsonToken valueToken = parser.nextToken();
                if (field.equals("event_id") || field.equals("event_type")) {
                    if (valueToken != JsonToken.VALUE_STRING) {
                        return bad(field + " is not a string");
                    }
                    if (field.equals("event_id")) {
                        eventId = parser.getText();
                    } else {
                        eventType = parser.getText();
                    }
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                return bad("trailing data after the JSON object");
            }
        } catch (IOException e) {
            return bad("not valid JSON: " + firstLine(e.getMessage()));
        }
        if (eventId == null || eventId.isBlank()) {
            return bad("missing event_id");
        }
        if (eventType == null || eventType.isBlank()) {
            return bad("missing event_type");
        }
        return new Verdict(eventId, eventType, null);
    }

    private static Verdict bad(String error) {
        return new Verdict(null, null, error);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
