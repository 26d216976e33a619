package dev.model.ingest.consume;

import dev.model.adapter.Session;
import dev.model.adapter.WarehouseAdapter;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.apache.kafka.common.TopicPartition;

/**
 * The JDBC sink on a {@code type: snowflake} target: a batch's rows, dead letters and the
 * partitions' new offsets commit in ONE Snowflake transaction ({@code begin ... commit} on one
 * connection, as dbt-snowflake runs its transactions), so the offsets table says exactly which
 * records RAW holds, as on DuckDB.
 *
 * <p>Rows go straight into {@code raw.<topic>} with {@code insert into ... select column1, ...,
 * parse_json(column9) from values (?, ..., ?)} executed as one JDBC batch per table: the driver
 * array-binds it into one request (above its stage threshold it uploads the binds to a stage
 * instead), and PARSE_JSON turns the payload into a VARIANT on the way. No staging table: a
 * Snowflake temporary table would cost a statement per batch more and buys nothing here.
 */
final class SnowflakeBatchWriter extends AbstractBatchWriter {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private static final String ROW_COLUMNS = "event_id, event_type, kafka_topic, kafka_partition, kafka_offset, "
            + "kafka_timestamp, kafka_key, ingested_at, payload";
    private static final String DEAD_COLUMNS = "raw_bytes, error, kafka_topic, kafka_partition, kafka_offset, "
            + "kafka_timestamp, dead_lettered_at";

    SnowflakeBatchWriter(WarehouseAdapter adapter, String group, TransactionHook hook) {
        super(adapter, group, hook);
    }

    @Override
    protected List<Step> batchSteps(Session s, Batch batch) {
        String now = TIMESTAMP.format(LocalDateTime.now(ZoneOffset.UTC));
        Map<String, List<Object[]>> rowsByTopic = new LinkedHashMap<>();
        for (Batch.Row r : batch.rows) {
            rowsByTopic.computeIfAbsent(r.topic(), t -> new ArrayList<>()).add(new Object[] {r.eventId(), r.eventType(),
                    r.topic(), r.partition(), r.offset(), timestamp(r.kafkaTimestamp()), r.key(), now, r.payload()});
        }
        List<Step> steps = new ArrayList<>();
        rowsByTopic.forEach((topic, rows) -> steps.add(Step.bound(insertRows(topic), rows)));
        if (!batch.deadLetters.isEmpty()) {
            steps.add(Step.bound(insertDeadLetters(), deadLetterRows(batch.deadLetters, now)));
        }
        if (!batch.lastOffsets.isEmpty()) {
            steps.add(Step.sql(mergeOffsets(batch.lastOffsets)));
        }
        return steps;
    }

    @Override
    protected List<Step> deadLetterSteps(Session s, List<Batch.DeadLetter> deadLetters) {
        String now = TIMESTAMP.format(LocalDateTime.now(ZoneOffset.UTC));
        List<Step> steps = new ArrayList<>();
        RawTables.deleteDeadLetters(tables.deadLetter().render(), deadLetters).forEach(sql -> steps.add(Step.sql(sql)));
        steps.add(Step.bound(insertDeadLetters(), deadLetterRows(deadLetters, now)));
        return steps;
    }

    /**
     * {@code begin}, the steps, {@code commit} on the one connection; on failure a {@code rollback}
     * (the base then drops the session).
     */
    @Override
    protected void runTransaction(Session s, List<Step> steps) {
        s.execute("begin");
        try {
            for (Step step : steps) {
                if (step.isBound()) {
                    s.executeBatch(step.sql(), step.rows());
                } else {
                    s.execute(step.sql());
                }
            }
            s.execute("commit");
        } catch (RuntimeException e) {
            try {
                s.execute("rollback");
            } catch (RuntimeException rollbackFailed) {
                e.addSuppressed(rollbackFailed);
            }
            throw e;
        }
    }

    String insertRows(String topic) {
        StringJoiner select = new StringJoiner(", ");
        for (int i = 1; i <= 8; i++) {
            select.add("column" + i);
        }
        select.add("parse_json(column9)");
        return "insert into " + tables.rawTable(topic).render() + " (" + ROW_COLUMNS + ") select " + select
                + " from values (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }

    String insertDeadLetters() {
        return "insert into " + tables.deadLetter().render() + " (" + DEAD_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)";
    }

    private static List<Object[]> deadLetterRows(List<Batch.DeadLetter> deadLetters, String now) {
        List<Object[]> rows = new ArrayList<>(deadLetters.size());
        for (Batch.DeadLetter d : deadLetters) {
            rows.add(new Object[] {d.rawBase64(), d.error(), d.topic(), d.partition(), d.offset(),
                    timestamp(d.kafkaTimestamp()), now});
        }
        return rows;
    }

    /** One statement for every partition of the batch: update the known, insert the new. */
    String mergeOffsets(Map<TopicPartition, Long> offsets) {
        StringJoiner source = new StringJoiner(" union all ");
        boolean first = true;
        List<Map.Entry<TopicPartition, Long>> sorted = new ArrayList<>(offsets.entrySet());
        sorted.sort(java.util.Comparator.comparing((Map.Entry<TopicPartition, Long> e) -> e.getKey().topic())
                .thenComparingInt(e -> e.getKey().partition()));
        for (Map.Entry<TopicPartition, Long> e : sorted) {
            TopicPartition tp = e.getKey();
            source.add(first
                    ? "select " + RawTables.literal(group) + " as consumer_group, " + RawTables.literal(tp.topic())
                            + " as topic, " + tp.partition() + " as partition, " + e.getValue() + " as last_offset"
                    : "select " + RawTables.literal(group) + ", " + RawTables.literal(tp.topic()) + ", " + tp.partition()
                            + ", " + e.getValue());
            first = false;
        }
        return "merge into " + tables.offsets().render() + " as t using (" + source + ") as s"
                + " on t.consumer_group = s.consumer_group and t.topic = s.topic and t.partition = s.partition"
                + " when matched then update set last_offset = s.last_offset"
                + " when not matched then insert (consumer_group, topic, partition, last_offset)"
                + " values (s.consumer_group, s.topic, s.partition, s.last_offset)";
    }

    /** Bound as text: a VALUES column of text inserts into TIMESTAMP_NTZ without any time zone. */
    private static String timestamp(LocalDateTime value) {
        return value == null ? null : TIMESTAMP.format(value);
    }

    /**
     * A pooled connection whose last transaction failed to roll back must not carry it into ours:
     * a rollback without a transaction is a no-op.
     */
    @Override
    protected void sessionOpened(Session opened) {
        opened.execute("rollback");
    }
}
