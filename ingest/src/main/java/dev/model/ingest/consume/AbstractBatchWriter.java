package dev.model.ingest.consume;

import dev.model.adapter.Session;
import dev.model.adapter.WarehouseAdapter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * What the JDBC sinks share: a batch's rows, its dead letters and the partitions' new offsets
 * commit in ONE warehouse transaction, so after a crash at any moment the offsets table says
 * exactly which records RAW holds. The offsets table is the only state: opening and recovering
 * read it back. A failed transaction drops the session (it may hold half a batch's staging or an
 * open transaction), so the next write starts on a new one.
 *
 * <p>A warehouse says how a batch becomes the {@link Step}s of that transaction
 * ({@link #batchSteps}, {@link #deadLetterSteps}) and how it runs them as one transaction
 * ({@link #runTransaction}); the order of work around them is fixed here.
 */
abstract class AbstractBatchWriter implements JdbcRawSink {

    /** Extra statements appended to a batch's transaction; tests use it to fail the Nth transaction. */
    interface TransactionHook {
        List<String> extraStatements(long transactionNumber);

        TransactionHook NONE = n -> List.of();
    }

    /** One statement of a transaction: plain SQL, or SQL run for every one of {@code rows} as one JDBC batch. */
    record Step(String sql, List<Object[]> rows) {

        static Step sql(String sql) {
            return new Step(sql, null);
        }

        static Step bound(String sql, List<Object[]> rows) {
            return new Step(sql, java.util.Objects.requireNonNull(rows));
        }

        boolean isBound() {
            return rows != null;
        }
    }

    protected final WarehouseAdapter adapter;
    protected final RawTables tables;
    protected final String group;
    private final TransactionHook hook;
    private final Set<String> createdTopics = new LinkedHashSet<>();
    private final Map<TopicPartition, Long> storedOffsets = new HashMap<>();
    private Session session;
    private long transactions;

    AbstractBatchWriter(WarehouseAdapter adapter, String group, TransactionHook hook) {
        this.adapter = adapter;
        this.tables = new RawTables(adapter);
        this.group = group;
        this.hook = hook;
    }

    // ---- hooks ---------------------------------------------------------------------------------

    /** Prepares a newly opened session before its first use; it is closed again if this fails. */
    protected abstract void sessionOpened(Session opened);

    /**
     * The steps that write the batch's rows and dead letters and its partitions' new offsets. Work
     * that commits nothing that matters (loading a staging table) may run on {@code s} here.
     */
    protected abstract List<Step> batchSteps(Session s, Batch batch);

    /** The steps that replace the dead letters at these coordinates (see {@link #replaceDeadLetters}). */
    protected abstract List<Step> deadLetterSteps(Session s, List<Batch.DeadLetter> deadLetters);

    /** Runs the steps as one transaction on {@code s}: all of them commit, or none. */
    protected abstract void runTransaction(Session s, List<Step> steps);

    // ---- the flow ------------------------------------------------------------------------------

    /** Creates schema {@code raw}, the offsets and dead-letter tables; safe to repeat. */
    @Override
    public final void prepare() {
        Session s = session();
        s.createSchemaIfMissing(null, RawTables.SCHEMA);
        s.execute(tables.createOffsets());
        s.execute(tables.createDeadLetter());
    }

    @Override
    public final void ensureRawTable(String topic) {
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
    final Map<TopicPartition, Long> readOffsets() {
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
    public final Map<TopicPartition, Long> open(Collection<TopicPartition> partitions) {
        return readOffsets();
    }

    @Override
    public final void release(Collection<TopicPartition> partitions) {
        // Nothing is held per partition: the offsets table is the state.
    }

    @Override
    public final boolean rewindsAfterFailure() {
        return false;
    }

    @Override
    public final Map<TopicPartition, Long> recover(Collection<TopicPartition> owned) {
        return readOffsets();
    }

    @Override
    public final Written write(Batch batch) {
        for (String topic : batch.topics) {
            ensureRawTable(topic);
        }
        List<Step> steps = new ArrayList<>(batchSteps(session(), batch));
        for (String sql : hook.extraStatements(++transactions)) {
            steps.add(Step.sql(sql));
        }
        commit(steps);
        storedOffsets.putAll(batch.lastOffsets);
        return Written.all(batch);
    }

    @Override
    public final void replaceDeadLetters(List<Batch.DeadLetter> deadLetters) {
        if (deadLetters.isEmpty()) {
            return;
        }
        commit(deadLetterSteps(session(), deadLetters));
    }

    @Override
    public final long storedOffset(TopicPartition partition) {
        return storedOffsets.getOrDefault(partition, -1L);
    }

    /** Whether the offsets table holds a row for the partition (it was read or written by this writer). */
    protected final boolean hasStoredOffset(TopicPartition partition) {
        return storedOffsets.containsKey(partition);
    }

    private void commit(List<Step> steps) {
        Session s = session();
        try {
            runTransaction(s, steps);
        } catch (RuntimeException e) {
            reset();
            throw e;
        }
    }

    private Session session() {
        if (session == null) {
            Session opened = adapter.openSession("ingest " + group);
            try {
                sessionOpened(opened);
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
            session = opened;
        }
        return session;
    }

    /** Drops the session after a failure; the next write opens a new one. */
    @Override
    public final void reset() {
        if (session != null) {
            try {
                session.close();
            } finally {
                session = null;
            }
        }
    }

    @Override
    public final void close() {
        reset();
    }
}
