package dev.model.ingest.consume;

import dev.model.adapter.Column;
import dev.model.adapter.Relation;
import dev.model.adapter.Session;
import dev.model.adapter.WarehouseAdapter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * Writes a {@link Batch} exactly once: the rows, the dead letters and the partitions' new offsets
 * commit in ONE warehouse transaction, so after a crash at any moment the stored offsets say
 * exactly which records RAW holds.
 *
 * <p>The bulk path: rows go first into a session-local temporary staging table through the
 * adapter's {@code loadRows} (DuckDB's Appender), which is not durable and so commits nothing that
 * matters; then one transaction copies them into the RAW tables with {@code insert ... select},
 * upserts the offsets and empties the staging tables. A crash before that commit leaves RAW and the
 * offsets as they were.
 */
final class BatchWriter implements JdbcRawSink {

    /** Extra statements appended to a transaction; tests use it to fail the Nth transaction. */
    interface TransactionHook {
        List<String> extraStatements(long transactionNumber);

        TransactionHook NONE = n -> List.of();
    }

    private static final String STAGE = "_ingest_stage";
    private static final String STAGE_DEAD = "_ingest_stage_dead";
    private static final List<Column> STAGE_COLUMNS = List.of(new Column("event_id", "VARCHAR"),
            new Column("event_type", "VARCHAR"), new Column("payload", "VARCHAR"), new Column("kafka_topic", "VARCHAR"),
            new Column("kafka_partition", "INTEGER"), new Column("kafka_offset", "BIGINT"),
            new Column("kafka_timestamp", "TIMESTAMP"), new Column("kafka_key", "VARCHAR"));
    private static final List<Column> DEAD_COLUMNS = List.of(new Column("raw_bytes", "VARCHAR"),
            new Column("error", "VARCHAR"), new Column("kafka_topic", "VARCHAR"), new Column("kafka_partition", "INTEGER"),
            new Column("kafka_offset", "BIGINT"), new Column("kafka_timestamp", "TIMESTAMP"));

    private final WarehouseAdapter adapter;
    private final RawTables tables;
    private final String group;
    private final TransactionHook hook;
    private final int stageSuffix;
    private final Set<String> createdTopics = new LinkedHashSet<>();
    private final Map<TopicPartition, Long> storedOffsets = new HashMap<>();
    private Session session;
    private long transactions;

    BatchWriter(WarehouseAdapter adapter, String group, int stageSuffix, TransactionHook hook) {
        this.adapter = adapter;
        this.stageSuffix = stageSuffix;
        this.tables = new RawTables(adapter);
        this.group = group;
        this.hook = hook;
    }

    /** Creates schema {@code raw}, the offsets and dead-letter tables; safe to repeat. */
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

    /** The warehouse's last stored offset per partition of this group (absent: nothing loaded yet). */
    Map<TopicPartition, Long> readOffsets() {
        var result = session().query("select topic, \"partition\", last_offset from " + tables.offsets().render()
                + " where consumer_group = " + RawTables.literal(group), 0);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (List<Object> row : result.rows()) {
            offsets.put(new TopicPartition((String) row.get(0), ((Number) row.get(1)).intValue()),
                    ((Number) row.get(2)).longValue());
        }
        storedOffsets.putAll(offsets);
        return offsets;
    }

    @Override
    public Map<TopicPartition, Long> open(java.util.Collection<TopicPartition> partitions) {
        return readOffsets();
    }

    @Override
    public void release(java.util.Collection<TopicPartition> partitions) {
        // Nothing is held per partition: the offsets table is the state.
    }

    @Override
    public boolean rewindsAfterFailure() {
        return false;
    }

    @Override
    public Map<TopicPartition, Long> recover(java.util.Collection<TopicPartition> owned) {
        return readOffsets();
    }

    @Override
    public Written write(Batch batch) {
        for (String topic : batch.topics) {
            ensureRawTable(topic);
        }
        Session s = session();
        if (!batch.rows.isEmpty()) {
            s.loadRows(stage(STAGE), STAGE_COLUMNS, () -> batch.rows.stream().map(r -> new Object[] {r.eventId(),
                    r.eventType(), r.payload(), r.topic(), r.partition(), r.offset(), r.kafkaTimestamp(), r.key()})
                    .iterator());
        }
        if (!batch.deadLetters.isEmpty()) {
            s.loadRows(stage(STAGE_DEAD), DEAD_COLUMNS, () -> batch.deadLetters.stream().map(d -> new Object[] {
                    d.rawBase64(), d.error(), d.topic(), d.partition(), d.offset(), d.kafkaTimestamp()}).iterator());
        }
        List<String> statements = new ArrayList<>();
        Set<String> rowTopics = new LinkedHashSet<>();
        batch.rows.forEach(r -> rowTopics.add(r.topic()));
        String payload = duckdb() ? "payload::json" : "payload";
        for (String topic : rowTopics) {
            statements.add("insert into " + tables.rawTable(topic).render() + " select event_id, event_type, " + payload
                    + ", kafka_topic, kafka_partition, kafka_offset, kafka_timestamp, kafka_key, current_timestamp from "
                    + stage(STAGE).render() + (rowTopics.size() == 1 ? "" : " where kafka_topic = " + RawTables.literal(topic)));
        }
        if (!batch.deadLetters.isEmpty()) {
            statements.add("insert into " + tables.deadLetter().render() + " select raw_bytes, error, kafka_topic, "
                    + "kafka_partition, kafka_offset, kafka_timestamp, current_timestamp from " + stage(STAGE_DEAD).render());
        }
        for (Map.Entry<TopicPartition, Long> entry : batch.lastOffsets.entrySet()) {
            TopicPartition tp = entry.getKey();
            String where = " where consumer_group = " + RawTables.literal(group) + " and topic = "
                    + RawTables.literal(tp.topic()) + " and \"partition\" = " + tp.partition();
            if (storedOffsets.containsKey(tp)) {
                statements.add("update " + tables.offsets().render() + " set last_offset = " + entry.getValue() + where);
            } else {
                statements.add("insert into " + tables.offsets().render() + " values (" + RawTables.literal(group) + ", "
                        + RawTables.literal(tp.topic()) + ", " + tp.partition() + ", " + entry.getValue() + ")");
            }
        }
        if (!batch.rows.isEmpty()) {
            statements.add("delete from " + stage(STAGE).render());
        }
        if (!batch.deadLetters.isEmpty()) {
            statements.add("delete from " + stage(STAGE_DEAD).render());
        }
        statements.addAll(hook.extraStatements(++transactions));
        try {
            s.executeInTransaction(statements);
        } catch (RuntimeException e) {
            // The staging tables may hold this batch's rows: start over on a fresh session.
            reset();
            throw e;
        }
        storedOffsets.putAll(batch.lastOffsets);
        return Written.all(batch);
    }

    @Override
    public void replaceDeadLetters(List<Batch.DeadLetter> deadLetters) {
        if (deadLetters.isEmpty()) {
            return;
        }
        Session s = session();
        s.loadRows(stage(STAGE_DEAD), DEAD_COLUMNS, () -> deadLetters.stream().map(d -> new Object[] {
                d.rawBase64(), d.error(), d.topic(), d.partition(), d.offset(), d.kafkaTimestamp()}).iterator());
        String dead = tables.deadLetter().render();
        String stage = stage(STAGE_DEAD).render();
        List<String> statements = new ArrayList<>(RawTables.deleteDeadLetters(dead, deadLetters));
        statements.add("insert into " + dead + " select raw_bytes, error, kafka_topic, kafka_partition, kafka_offset, "
                + "kafka_timestamp, current_timestamp from " + stage);
        statements.add("delete from " + stage);
        try {
            s.executeInTransaction(statements);
        } catch (RuntimeException e) {
            reset();
            throw e;
        }
    }

    @Override
    public long storedOffset(TopicPartition partition) {
        return storedOffsets.getOrDefault(partition, -1L);
    }

    /**
     * DuckDB: a temporary table, private to the session's connection. Elsewhere (H2, tests) a table
     * in {@code raw} per consumer of the process; emptied before use, so a crash's leftovers go.
     */
    private Relation stage(String name) {
        return duckdb() ? Relation.of("temp", "main", name, adapter.quoting())
                : adapter.relation(null, RawTables.SCHEMA, name + "_" + stageSuffix);
    }

    private boolean duckdb() {
        return adapter.type().equals("duckdb");
    }

    private Session session() {
        if (session == null) {
            Session opened = adapter.openSession("ingest " + group);
            try {
                createStage(opened, stage(STAGE), STAGE_COLUMNS);
                createStage(opened, stage(STAGE_DEAD), DEAD_COLUMNS);
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
            session = opened;
        }
        return session;
    }

    private void createStage(Session s, Relation stage, List<Column> columns) {
        if (!duckdb()) {
            s.createSchemaIfMissing(null, RawTables.SCHEMA);
        }
        StringBuilder sql = new StringBuilder(duckdb() ? "create temp table if not exists " : "create table if not exists ");
        sql.append(stage.render()).append(" (");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(quote(columns.get(i).name())).append(' ').append(columns.get(i).dataType());
        }
        s.execute(sql.append(')').toString());
        s.execute("delete from " + stage.render());
    }

    private String quote(String name) {
        return adapter.quoting().quote(name);
    }

    /** Drops the session after a failure; the next write opens a new one. */
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
