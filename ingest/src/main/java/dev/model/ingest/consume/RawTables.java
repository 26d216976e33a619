package dev.model.ingest.consume;

import dev.model.adapter.Relation;
import dev.model.adapter.WarehouseAdapter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

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

    /**
     * DuckDB's JSON type checks each payload on insert; Snowflake's VARIANT holds it parsed (as its
     * Kafka connector's RECORD_CONTENT), queried as {@code payload:field}; elsewhere it is text.
     */
    String payloadType() {
        return switch (adapter.type()) {
            case "duckdb" -> "json";
            case "snowflake" -> "variant";
            default -> "varchar";
        };
    }

    private boolean snowflake() {
        return adapter.type().equals("snowflake");
    }

    /** Snowflake's TIMESTAMP is an alias that a session parameter may point at LTZ: say NTZ. */
    private String timestampType() {
        return snowflake() ? "timestamp_ntz" : "timestamp";
    }

    String createRaw(String topic) {
        return "create table if not exists " + rawTable(topic).render() + " (event_id varchar, event_type varchar, payload "
                + payloadType() + ", kafka_topic varchar, kafka_partition integer, kafka_offset bigint, "
                + "kafka_timestamp " + timestampType() + ", kafka_key varchar, ingested_at " + timestampType() + ")";
    }

    /**
     * The offsets table. {@code partition} is quoted where it is a keyword (H2); on Snowflake it is
     * not reserved and stays unquoted, so it folds to upper case like every other column there.
     */
    String createOffsets() {
        return "create table if not exists " + offsets().render()
                + " (consumer_group varchar, topic varchar, " + partitionColumn() + " integer, last_offset bigint)";
    }

    String partitionColumn() {
        return snowflake() ? "partition" : "\"partition\"";
    }

    String createDeadLetter() {
        return "create table if not exists " + deadLetter().render() + " (raw_bytes varchar, error varchar, "
                + "kafka_topic varchar, kafka_partition integer, kafka_offset bigint, kafka_timestamp " + timestampType()
                + ", dead_lettered_at " + timestampType() + ")";
    }

    /** Deletes of the dead letters at these coordinates, one statement per partition. */
    static List<String> deleteDeadLetters(String deadLetterTable, List<Batch.DeadLetter> deadLetters) {
        Map<String, Map<Integer, List<Long>>> byPartition = new TreeMap<>();
        for (Batch.DeadLetter d : deadLetters) {
            byPartition.computeIfAbsent(d.topic(), k -> new TreeMap<>()).computeIfAbsent(d.partition(), k -> new ArrayList<>())
                    .add(d.offset());
        }
        List<String> statements = new ArrayList<>();
        byPartition.forEach((topic, partitions) -> partitions.forEach((partition, offsets) -> statements.add(
                "delete from " + deadLetterTable + " where kafka_topic = " + literal(topic) + " and kafka_partition = "
                        + partition + " and kafka_offset in (" + offsets.stream().map(String::valueOf)
                        .collect(Collectors.joining(", ")) + ")")));
        return statements;
    }

    static String literal(String text) {
        return text == null ? "null" : "'" + text.replace("'", "''") + "'";
    }
}
