package dev.model.ingest.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class TestRecordCheck {

    private final RecordCheck check = new RecordCheck(100);

    private RecordCheck.Verdict of(String text) {
        return check.check(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void acceptsAnEventAndReadsItsIdAndType() {
        RecordCheck.Verdict verdict = of("{\"lines\": [{\"event_id\": 1}], \"event_id\": \"e1\", \"event_type\": \"order_created\"}");
        assertTrue(verdict.ok());
        assertEquals("e1", verdict.eventId());
        assertEquals("order_created", verdict.eventType());
    }

    @Test
    void namesWhatIsWrongWithABadRecord() {
        assertEquals("empty record (null value)", check.check(null).error());
        assertEquals("not a JSON object", of("\"text\"").error());
        assertEquals("missing event_id", of("{\"event_type\": \"x\"}").error());
        assertEquals("missing event_type", of("{\"event_id\": \"x\"}").error());
        assertEquals("missing event_id", of("{\"event_id\": \" \", \"event_type\": \"x\"}").error());
        assertEquals("event_type is not a string", of("{\"event_id\": \"x\", \"event_type\": {}}").error());
        assertEquals("trailing data after the JSON object", of("{\"event_id\": \"x\", \"event_type\": \"y\"} {}").error());
        assertTrue(of("{\"event_id\": ").error().startsWith("not valid JSON: "));
        assertEquals("record of 101 bytes is over the limit of 100 bytes", of("{\"pad\": \"" + "x".repeat(90) + "\"}").error());
    }
}
