package dev.model.ingest.event;

/** The event types of schema version 1. */
public final class EventTypes {

    public static final int SCHEMA_VERSION = 1;

    public static final String ORDER_CREATED = "order_created";
    public static final String ORDER_STATUS_CHANGED = "order_status_changed";
    public static final String PAYMENT_CAPTURED = "payment_captured";
    public static final String PAGE_VIEWED = "page_viewed";
    public static final String PRODUCT_ADDED_TO_CART = "product_added_to_cart";

    private EventTypes() {
    }
}
