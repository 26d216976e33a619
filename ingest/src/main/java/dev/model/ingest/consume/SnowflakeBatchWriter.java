package dev.model.ingest.consume;

import dev.model.adapter.Session;
import dev.model.adapter.WarehouseAdapter;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
final class SnowflakeBatchWriter implements JdbcRawSink {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private static final String ROW_COLUMNS = "event_id, event_type, kafka_topic, kafka_partition, kafka_offset, "
            + "kafka_timestamp, kafka_key, ingested_at, payload";
    private static final String DEAD_COLUMNS = "raw_bytes, error, kafka_topic, kafka_partition, kafka_offset, "
            + "kafka_timestamp, dead_lettered_at";

    private final WarehouseAdapter adapter;
    private final RawTables tables;
    private final String group;
    private final BatchWriter.TransactionHook hook;
    private final Set<String> createdTopics = new LinkedHashSet<>();
    private final Map<TopicPartition, Long> storedOffsets = new HashMap<>();
    private Session session;
    private long transactions;

    SnowflakeBatchWriter(WarehouseAdapter adapter, String group, BatchWriter.TransactionHook hook) {
        this.adapter = adapter;
        this.tables = new RawTables(adapter);
        this.group = group;
        this.hook = hook;
    }

    @Override
    public void prepare() {
        Session s = session();
        s.createSchemaIfMissing(null, RawTables.SCHEMA);
        s.execute(tables.createOffsets());
        s.execute(tables.createDeadLetter());
    }

    @Override
    public void ensureRawTable(String topic) {
        if (createdTopics.add(topic)) {
            try {
                session().execute(tables.createRaw(topic));
            } catch (RuntimeException e) {
                createdTopics.remove(topic);
                throw e;
            }
        }
    }

    @Override
    public Map<TopicPartition, Long> open(Collection<TopicPartition> partitions) {
        return readOffsets();
    }

    @Override
    public void release(Collection<TopicPartition> partitions) {
        // Nothing is held per partition: the offsets table is the state.
    }

    @Override
    public boolean rewindsAfterFailure() {
        return false;
    }

    @Override
    public Map<TopicPartition, Long> recover(Collection<TopicPartition> owned) {
        return readOffsets();
    }

    Map<TopicPartition, Long> readOffsets() {
        var result = session().query("select topic, " + tables.partitionColumn() + ", last_offset from "
                + tables.offsets().render() + " where consumer_group = " + RawTables.literal(group), 0);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (List<Object> row : result.rows()) {
            offsets.put(new TopicPartition((String) row.get(0), ((Number) row.get(1)).intValue()),
                    ((Number) row.get(2)).longValue());
        }
        storedOffsets.putAll(offsets);
        return offsets;
    }

    @Override
    public Written write(Batch batch) {
        for (String topic : batch.topics) {
            ensureRawTable(topic);
        }
        String now = TIMESTAMP.format(LocalDateTime.now(ZoneOffset.UTC));
        Map<String, List<Object[]>> rowsByTopic = new LinkedHashMap<>();
        for (Batch.Row r : batch.rows) {
            rowsByTopic.computeIfAbsent(r.topic(), t -> new ArrayList<>()).add(new Object[] {r.eventId(), r.eventType(),
                    r.topic(), r.partition(), r.offset(), timestamp(r.kafkaTimestamp()), r.key(), now, r.payload()});
        }
        List<String> extra = hook.extraStatements(++transactions);
        inTransaction(s -> {
            rowsByTopic.forEach((topic, rows) -> s.executeBatch(insertRows(topic), rows));
            if (!batch.deadLetters.isEmpty()) {
                s.executeBatch(insertDeadLetters(), deadLetterRows(batch.deadLetters, now));
            }
            if (!batch.lastOffsets.isEmpty()) {
                s.execute(mergeOffsets(batch.lastOffsets));
            }
            extra.forEach(s::execute);
        });
        storedOffsets.putAll(batch.lastOffsets);
        return Written.all(batch);
    }

    @Override
    public void replaceDeadLetters(List<Batch.DeadLetter> deadLetters) {
        if (deadLetters.isEmpty()) {
            return;
        }
        String now = TIMESTAMP.format(LocalDateTime.now(ZoneOffset.UTC));
        inTransaction(s -> {
            RawTables.deleteDeadLetters(tables.deadLetter().render(), deadLetters).forEach(s::execute);
            s.executeBatch(insertDeadLetters(), deadLetterRows(deadLetters, now));
        });
    }

    @Override
    public long storedOffset(TopicPartition partition) {
        return storedOffsets.getOrDefault(partition, -1L);
    }

    /** {@code begin}, the work, {@code commit}; on failure a {@code rollback} and a new session next time. */
    private void inTransaction(java.util.function.Consumer<Session> work) {
        Session s = session();
        s.execute("begin");
        try {
            work.accept(s);
            s.execute("commit");
        } catch (RuntimeException e) {
            try {
                s.execute("rollback");
            } catch (RuntimeException rollbackFailed) {
                e.addSuppressed(rollbackFailed);
            }
            reset();
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

    private Session session() {
        if (session == null) {
            Session opened = adapter.openSession("ingest " + group);
            try {
                // A pooled connection whose last transaction failed to roll back must not carry it
                // into ours: a rollback without a transaction is a no-op.
                opened.execute("rollback");
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
            session = opened;
        }
        return session;
    }

    @Override
    public void reset() {
        if (session != null) {
            try {
                session.close();
            } finally {
                session = null;
            }
        }
    }

    @Override
    public void close() {
        reset();
    }
}
