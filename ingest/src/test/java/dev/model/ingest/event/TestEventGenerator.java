package dev.model.ingest.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class TestEventGenerator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2025-06-01T00:00:00Z");
    private static final List<String> LIFECYCLE = List.of("created", "paid", "shipped", "delivered", "returned");

    private static List<GeneratedEvent> events(long seed, int count) {
        EventGenerator generator = new EventGenerator(seed, START, 300, 100, 0.05, 0.03);
        List<GeneratedEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(generator.next());
        }
        return events;
    }

    @Test
    void theSameSeedGivesTheSameStream() {
        List<GeneratedEvent> a = events(5, 2000);
        List<GeneratedEvent> b = events(5, 2000);
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).json(), b.get(i).json(), "event " + i);
        }
        assertFalse(new String(events(6, 1).get(0).json()).equals(new String(a.get(0).json())));
    }

    @Test
    void everyEventHasTheCommonFieldsAndOrdersFollowTheirLifecycle() throws Exception {
        Map<Long, String> status = new HashMap<>();
        Set<String> ids = new HashSet<>();
        int duplicates = 0;
        int late = 0;
        Instant newest = START;
        Set<String> types = new HashSet<>();
        for (GeneratedEvent event : events(9, 20_000)) {
            JsonNode json = JSON.readTree(event.json());
            assertEquals(1, json.get("schema_version").asInt());
            assertEquals(event.eventType(), json.get("event_type").asText());
            assertEquals(36, json.get("event_id").asText().length());
            Instant at = Instant.parse(json.get("occurred_at").asText());
            if (at.isBefore(newest.minusSeconds(1))) {
                late++;
            }
            newest = at.isAfter(newest) ? at : newest;
            if (!ids.add(event.eventId())) {
                duplicates++;
                continue;
            }
            types.add(event.eventType());
            switch (event.eventType()) {
                case EventTypes.ORDER_CREATED -> {
                    assertTrue(json.get("lines").size() >= 1);
                    assertTrue(json.get("customer").get("email").asText().endsWith("@example.com"));
                    assertEquals(null, status.put(json.get("order_id").asLong(), "created"), "order created twice");
                }
                case EventTypes.ORDER_STATUS_CHANGED -> {
                    long order = json.get("order_id").asLong();
                    String previous = status.get(order);
                    assertEquals(previous, json.get("from_status").asText(), "order " + order + " skipped a step");
                    String next = json.get("status").asText();
                    assertTrue(next.equals("cancelled") || LIFECYCLE.indexOf(next) == LIFECYCLE.indexOf(previous) + 1,
                            previous + " -> " + next);
                    status.put(order, next);
                }
                case EventTypes.PAYMENT_CAPTURED -> assertEquals("created", status.get(json.get("order_id").asLong()));
                case EventTypes.PAGE_VIEWED, EventTypes.PRODUCT_ADDED_TO_CART -> {
                    assertTrue(Set.of("paid_search", "social", "email", "affiliate", "direct", "referral")
                            .contains(json.get("channel").asText()));
                    assertTrue(json.has("customer_id"));
                }
                default -> throw new AssertionError("unknown type " + event.eventType());
            }
        }
        assertEquals(5, types.size());
        assertTrue(duplicates > 100, "duplicates: " + duplicates);
        assertTrue(late > 100, "late events: " + late);
    }

    @Test
    void theCatalogueHasTheBrandsOfTheShop() {
        Set<String> brands = new HashSet<>();
        Catalogue.generate(200, 1).products().forEach(p -> brands.add(p.brand() + " " + p.model()));
        assertTrue(brands.containsAll(List.of("Nike Air Max 90", "Adidas Ultraboost", "New Balance 550", "Converse Chuck 70",
                "Vans Old Skool", "Asics Gel-Kayano 30", "Puma Suede", "Salomon XT-6")), brands.toString());
    }
}
