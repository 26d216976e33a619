package dev.model.ingest.consume;

import dev.model.adapter.Relation;
import dev.model.adapter.WarehouseAdapter;
import java.util.Locale;

/**
 * The RAW layer's shape, the contract the dbt project's sources read: one table per topic in schema
 * {@code raw}, named after the topic with every character that is not a letter, digit or
 * underscore replaced by {@code _} and lower-cased ({@code shop.orders} -> {@code raw.shop_orders});
 * beside them {@code raw._ingest_offsets} (the exactly-once state) and {@code raw._dead_letter}.
 */
public final class RawTables {

    public static final String SCHEMA = "raw";
    public static final String OFFSETS = "_ingest_offsets";
    public static final String DEAD_LETTER = "_dead_letter";

    private final WarehouseAdapter adapter;

    public RawTables(WarehouseAdapter adapter) {
        this.adapter = adapter;
    }

    public static String tableName(String topic) {
        String name = topic.replaceAll("[^A-Za-z0-9_]", "_").toLowerCase(Locale.ROOT);
        return Character.isDigit(name.charAt(0)) ? "_" + name : name;
    }

    public Relation rawTable(String topic) {
        return adapter.relation(null, SCHEMA, tableName(topic));
    }

    public Relation offsets() {
        return adapter.relation(null, SCHEMA, OFFSETS);
    }

    public Relation deadLetter() {
        return adapter.relation(null, SCHEMA, DEAD_LETTER);
    }

    /** DuckDB's JSON type checks each payload on insert; elsewhere the payload is text. */
    String payloadType() {
        return adapter.type().equals("duckdb") ? "json" : "varchar";
    }

    String createRaw(String topic) {
        return "create table if not exists " + rawTable(topic).render() + " (event_id varchar, event_type varchar, payload "
                + payloadType() + ", kafka_topic varchar, kafka_partition integer, kafka_offset bigint, "
                + "kafka_timestamp timestamp, kafka_key varchar, ingested_at timestamp)";
    }

    String createOffsets() {
        return "create table if not exists " + offsets().render()
                + " (consumer_group varchar, topic varchar, \"partition\" integer, last_offset bigint)";
    }

    String createDeadLetter() {
        return "create table if not exists " + deadLetter().render() + " (raw_bytes varchar, error varchar, "
                + "kafka_topic varchar, kafka_partition integer, kafka_offset bigint, kafka_timestamp timestamp, "
                + "dead_lettered_at timestamp)";
    }

    static String literal(String text) {
        return text == null ? "null" : "'" + text.replace("'", "''") + "'";
    }
}
