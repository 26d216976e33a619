package dev.model.ingest.consume;

import dev.model.adapter.Column;
import dev.model.adapter.Relation;
import dev.model.adapter.Session;
import dev.model.adapter.WarehouseAdapter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * The JDBC sink on DuckDB and H2 (see {@link AbstractBatchWriter} for the one-transaction flow).
 *
 * <p>The bulk path: rows go first into a session-local temporary staging table through the
 * adapter's {@code loadRows} (DuckDB's Appender), which is not durable and so commits nothing that
 * matters; then one JDBC transaction copies them into the RAW tables with {@code insert ...
 * select}, upserts the offsets and empties the staging tables. A crash before that commit leaves
 * RAW and the offsets as they were.
 */
final class BatchWriter extends AbstractBatchWriter {

    private static final String STAGE = "_ingest_stage";
    private static final String STAGE_DEAD = "_ingest_stage_dead";
    private static final List<Column> STAGE_COLUMNS = List.of(new Column("event_id", "VARCHAR"),
            new Column("event_type", "VARCHAR"), new Column("payload", "VARCHAR"), new Column("kafka_topic", "VARCHAR"),
            new Column("kafka_partition", "INTEGER"), new Column("kafka_offset", "BIGINT"),
            new Column("kafka_timestamp", "TIMESTAMP"), new Column("kafka_key", "VARCHAR"));
    private static final List<Column> DEAD_COLUMNS = List.of(new Column("raw_bytes", "VARCHAR"),
            new Column("error", "VARCHAR"), new Column("kafka_topic", "VARCHAR"), new Column("kafka_partition", "INTEGER"),
            new Column("kafka_offset", "BIGINT"), new Column("kafka_timestamp", "TIMESTAMP"));

    private final int stageSuffix;

    BatchWriter(WarehouseAdapter adapter, String group, int stageSuffix, TransactionHook hook) {
        super(adapter, group, hook);
        this.stageSuffix = stageSuffix;
    }

    @Override
    protected List<Step> batchSteps(Session s, Batch batch) {
        if (!batch.rows.isEmpty()) {
            s.loadRows(stage(STAGE), STAGE_COLUMNS, () -> batch.rows.stream().map(r -> new Object[] {r.eventId(),
                    r.eventType(), r.payload(), r.topic(), r.partition(), r.offset(), r.kafkaTimestamp(), r.key()})
                    .iterator());
        }
        if (!batch.deadLetters.isEmpty()) {
            loadDeadLetters(s, batch.deadLetters);
        }
        List<Step> steps = new ArrayList<>();
        Set<String> rowTopics = new LinkedHashSet<>();
        batch.rows.forEach(r -> rowTopics.add(r.topic()));
        String payload = duckdb() ? "payload::json" : "payload";
        for (String topic : rowTopics) {
            steps.add(Step.sql("insert into " + tables.rawTable(topic).render() + " select event_id, event_type, " + payload
                    + ", kafka_topic, kafka_partition, kafka_offset, kafka_timestamp, kafka_key, current_timestamp from "
                    + stage(STAGE).render() + (rowTopics.size() == 1 ? "" : " where kafka_topic = " + RawTables.literal(topic))));
        }
        if (!batch.deadLetters.isEmpty()) {
            steps.add(insertStagedDeadLetters());
        }
        for (Map.Entry<TopicPartition, Long> entry : batch.lastOffsets.entrySet()) {
            TopicPartition tp = entry.getKey();
            String where = " where consumer_group = " + RawTables.literal(group) + " and topic = "
                    + RawTables.literal(tp.topic()) + " and \"partition\" = " + tp.partition();
            if (hasStoredOffset(tp)) {
                steps.add(Step.sql("update " + tables.offsets().render() + " set last_offset = " + entry.getValue() + where));
            } else {
                steps.add(Step.sql("insert into " + tables.offsets().render() + " values (" + RawTables.literal(group) + ", "
                        + RawTables.literal(tp.topic()) + ", " + tp.partition() + ", " + entry.getValue() + ")"));
            }
        }
        if (!batch.rows.isEmpty()) {
            steps.add(Step.sql("delete from " + stage(STAGE).render()));
        }
        if (!batch.deadLetters.isEmpty()) {
            steps.add(Step.sql("delete from " + stage(STAGE_DEAD).render()));
        }
        return steps;
    }

    @Override
    protected List<Step> deadLetterSteps(Session s, List<Batch.DeadLetter> deadLetters) {
        loadDeadLetters(s, deadLetters);
        List<Step> steps = new ArrayList<>();
        RawTables.deleteDeadLetters(tables.deadLetter().render(), deadLetters).forEach(sql -> steps.add(Step.sql(sql)));
        steps.add(insertStagedDeadLetters());
        steps.add(Step.sql("delete from " + stage(STAGE_DEAD).render()));
        return steps;
    }

    /** One JDBC transaction (auto-commit off); every row was staged before, so no step binds any. */
    @Override
    protected void runTransaction(Session s, List<Step> steps) {
        List<String> statements = new ArrayList<>(steps.size());
        for (Step step : steps) {
            if (step.isBound()) {
                throw new IllegalStateException("bound rows go through the staging table: " + step.sql());
            }
            statements.add(step.sql());
        }
        s.executeInTransaction(statements);
    }

    private void loadDeadLetters(Session s, List<Batch.DeadLetter> deadLetters) {
        s.loadRows(stage(STAGE_DEAD), DEAD_COLUMNS, () -> deadLetters.stream().map(d -> new Object[] {
                d.rawBase64(), d.error(), d.topic(), d.partition(), d.offset(), d.kafkaTimestamp()}).iterator());
    }

    private Step insertStagedDeadLetters() {
        return Step.sql("insert into " + tables.deadLetter().render() + " select raw_bytes, error, kafka_topic, "
                + "kafka_partition, kafka_offset, kafka_timestamp, current_timestamp from " + stage(STAGE_DEAD).render());
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

    /** Creates the staging tables, empty, on every new session. */
    @Override
    protected void sessionOpened(Session opened) {
        createStage(opened, stage(STAGE), STAGE_COLUMNS);
        createStage(opened, stage(STAGE_DEAD), DEAD_COLUMNS);
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
}
