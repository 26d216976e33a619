package dev.model.ingest.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A reproducible stream of shop events (schema version 1). For one seed the same events come out
 * in the same order, with event times relative to {@code start}. Orders follow their lifecycle
 * (created, then paid with a payment, shipped, delivered, sometimes returned; or cancelled);
 * customers and products are those of the historical CSVs of the same seed.
 *
 * <p>Late events: a share of events is held back and sent after later ones, with their original
 * {@code occurred_at}; the rest of that order's or session's events wait behind it, so one key's
 * events still arrive in lifecycle order. Duplicates: a share is sent twice, same {@code event_id}.
 * Not thread-safe: one generator per producer thread.
 */
public final class EventGenerator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] PAYMENT_METHODS = {"card", "paypal", "apple_pay", "gift_card"};
    private static final String[] PAGES = {"home", "product", "category", "search", "cart"};

    /** Where the stream's orders start, above the historical CSVs' ids. */
    public static final long FIRST_STREAM_ORDER_ID = 1_000_001L;

    private record Held(long releaseAt, GeneratedEvent event) {
    }

    private static final class OpenOrder {
        final long orderId;
        final String currency;
        final long totalCents;
        String status = "created";
        Instant lastAt;

        OpenOrder(long orderId, String currency, long totalCents, Instant at) {
            this.orderId = orderId;
            this.currency = currency;
            this.totalCents = totalCents;
            this.lastAt = at;
        }
    }

    private final Random random;
    private final List<Customer> customers;
    private final Catalogue catalogue;
    private final double lateShare;
    private final double duplicateShare;
    private final List<OpenOrder> open = new ArrayList<>();
    private final ArrayDeque<GeneratedEvent> ready = new ArrayDeque<>();
    private final ArrayDeque<Held> held = new ArrayDeque<>();
    private final Map<String, Long> heldKeys = new HashMap<>();
    private Instant clock;
    private long nextOrderId = FIRST_STREAM_ORDER_ID;
    private long emitted;

    public EventGenerator(long seed, Instant start, int customerCount, int productCount, double lateShare,
                          double duplicateShare) {
        this.random = new Random(seed);
        this.customers = Customers.generate(customerCount, seed);
        this.catalogue = Catalogue.generate(productCount, seed);
        this.clock = start.truncatedTo(ChronoUnit.MILLIS);
        this.lateShare = lateShare;
        this.duplicateShare = duplicateShare;
    }

    public static EventGenerator withDefaults(long seed, Instant start) {
        return new EventGenerator(seed, start, 1000, 200, 0.02, 0.01);
    }

    public GeneratedEvent next() {
        while (ready.isEmpty()) {
            releaseHeld(false);
            if (ready.isEmpty()) {
                step();
            }
        }
        emitted++;
        return ready.poll();
    }

    private void step() {
        clock = clock.plusMillis(1 + random.nextInt(400));
        int roll = random.nextInt(100);
        if (roll < 45) {
            web(EventTypes.PAGE_VIEWED);
        } else if (roll < 60) {
            web(EventTypes.PRODUCT_ADDED_TO_CART);
        } else if (roll < 72 || open.isEmpty()) {
            createOrder();
        } else {
            advance(open.get(random.nextInt(open.size())));
        }
    }

    private void web(String type) {
        boolean known = random.nextInt(3) > 0;
        String session = "s-" + Long.toHexString(random.nextLong() & 0xFFFFFFFFFFL);
        ObjectNode event = header(type, clock);
        event.put("session_id", session);
        if (known) {
            event.put("customer_id", customers.get(random.nextInt(customers.size())).customerId());
        } else {
            event.putNull("customer_id");
        }
        event.put("channel", Customers.CHANNELS.get(random.nextInt(Customers.CHANNELS.size())));
        Product product = catalogue.pick(random);
        event.put("product_id", product.productId());
        if (type.equals(EventTypes.PAGE_VIEWED)) {
            event.put("page", PAGES[random.nextInt(PAGES.length)]);
        } else {
            event.put("quantity", 1 + random.nextInt(2));
        }
        emit(EventFamily.WEB, session, event);
    }

    private void createOrder() {
        Customer customer = customers.get(random.nextInt(customers.size()));
        long orderId = nextOrderId++;
        ObjectNode event = header(EventTypes.ORDER_CREATED, clock);
        event.put("order_id", orderId);
        ObjectNode c = event.putObject("customer");
        c.put("id", customer.customerId());
        c.put("name", customer.name());
        c.put("email", customer.email());
        c.put("city", customer.city());
        c.put("country", customer.countryCode());
        ArrayNode lines = event.putArray("lines");
        long total = 0;
        int count = 1 + (random.nextInt(10) < 7 ? 0 : random.nextInt(3));
        for (int i = 0; i < count; i++) {
            Product p = catalogue.pick(random);
            int quantity = 1 + (random.nextInt(10) < 8 ? 0 : 1);
            ObjectNode line = lines.addObject();
            line.put("product_id", p.productId());
            line.put("brand", p.brand());
            line.put("model", p.model());
            line.put("size", p.size());
            line.put("colour", p.colour());
            line.put("quantity", quantity);
            line.put("unit_price", BigDecimal.valueOf(p.listPriceCents(), 2));
            total += (long) p.listPriceCents() * quantity;
        }
        String currency = customer.countryCode().equals("CH") ? "CHF" : "EUR";
        event.put("currency", currency);
        open.add(new OpenOrder(orderId, currency, total, clock));
        emit(EventFamily.ORDERS, String.valueOf(orderId), event);
    }

    private void advance(OpenOrder order) {
        Instant at = later(order.lastAt);
        String next = switch (order.status) {
            case "created" -> random.nextInt(20) == 0 ? "cancelled" : "paid";
            case "paid" -> random.nextInt(40) == 0 ? "cancelled" : "shipped";
            case "shipped" -> "delivered";
            case "delivered" -> "returned";
            default -> null;
        };
        if (next == null) {
            open.remove(order);
            return;
        }
        if (next.equals("paid")) {
            ObjectNode payment = header(EventTypes.PAYMENT_CAPTURED, at);
            payment.put("order_id", order.orderId);
            payment.put("amount", BigDecimal.valueOf(order.totalCents, 2));
            payment.put("currency", order.currency);
            payment.put("method", PAYMENT_METHODS[random.nextInt(PAYMENT_METHODS.length)]);
            emit(EventFamily.ORDERS, String.valueOf(order.orderId), payment);
        }
        ObjectNode change = header(EventTypes.ORDER_STATUS_CHANGED, at);
        change.put("order_id", order.orderId);
        change.put("from_status", order.status);
        change.put("status", next);
        emit(EventFamily.ORDERS, String.valueOf(order.orderId), change);
        order.status = next;
        order.lastAt = at;
        boolean finished = next.equals("cancelled") || next.equals("returned")
                || (next.equals("delivered") && random.nextInt(12) != 0);
        if (finished) {
            open.remove(order);
        }
    }

    private Instant later(Instant last) {
        Instant candidate = clock;
        return candidate.isAfter(last) ? candidate : last.plusMillis(1);
    }

    private ObjectNode header(String type, Instant at) {
        ObjectNode event = JSON.createObjectNode();
        event.put("event_id", new UUID(random.nextLong(), random.nextLong()).toString());
        event.put("event_type", type);
        event.put("schema_version", EventTypes.SCHEMA_VERSION);
        event.put("occurred_at", at.toString());
        return event;
    }

    private void emit(EventFamily family, String key, ObjectNode event) {
        GeneratedEvent generated;
        try {
            generated = new GeneratedEvent(family, key, event.get("event_id").asText(), event.get("event_type").asText(),
                    Instant.parse(event.get("occurred_at").asText()), JSON.writeValueAsBytes(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event did not serialise", e);
        }
        int copies = random.nextDouble() < duplicateShare ? 2 : 1;
        for (int i = 0; i < copies; i++) {
            Long keyRelease = heldKeys.get(key);
            if (keyRelease != null || random.nextDouble() < lateShare) {
                long releaseAt = Math.max(keyRelease == null ? 0 : keyRelease, emitted + 20 + random.nextInt(200));
                heldKeys.put(key, releaseAt);
                held.add(new Held(releaseAt, generated));
            } else {
                ready.add(generated);
            }
        }
    }

    /** Moves due held events to the ready queue, in the order they were held (so per key, in order). */
    private void releaseHeld(boolean all) {
        if (held.isEmpty()) {
            return;
        }
        List<Held> keep = new ArrayList<>();
        Map<String, Boolean> blocked = new HashMap<>();
        for (Held h : held) {
            String key = h.event().key();
            if (!blocked.getOrDefault(key, false) && (all || h.releaseAt() <= emitted)) {
                ready.add(h.event());
            } else {
                blocked.put(key, true);
                keep.add(h);
            }
        }
        held.clear();
        held.addAll(keep);
        heldKeys.clear();
        for (Held h : keep) {
            heldKeys.merge(h.event().key(), h.releaseAt(), Math::max);
        }
    }

    /** The simulated clock: the event time of the newest event generated. */
    public Instant clock() {
        return clock;
    }

    public Duration elapsedSince(Instant start) {
        return Duration.between(start, clock);
    }
}
