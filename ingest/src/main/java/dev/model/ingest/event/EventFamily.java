package dev.model.ingest.event;

import java.util.Set;

/**
 * Events go to one topic per family: order events keyed by order id (so one order's events stay in
 * order on one partition), web events keyed by session id.
 */
public enum EventFamily {
    ORDERS("orders", Set.of(EventTypes.ORDER_CREATED, EventTypes.ORDER_STATUS_CHANGED, EventTypes.PAYMENT_CAPTURED)),
    WEB("web", Set.of(EventTypes.PAGE_VIEWED, EventTypes.PRODUCT_ADDED_TO_CART));

    private final String suffix;
    private final Set<String> eventTypes;

    EventFamily(String suffix, Set<String> eventTypes) {
        this.suffix = suffix;
        this.eventTypes = eventTypes;
    }

    /** The family's topic under a prefix: {@code shop} gives {@code shop.orders} and {@code shop.web}. */
    public String topic(String prefix) {
        return prefix + "." + suffix;
    }

    public static EventFamily of(String eventType) {
        for (EventFamily family : values()) {
            if (family.eventTypes.contains(eventType)) {
                return family;
            }
        }
        throw new IllegalArgumentException("unknown event_type '" + eventType + "'");
    }
}
