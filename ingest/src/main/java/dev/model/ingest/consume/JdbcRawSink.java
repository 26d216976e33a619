package dev.model.ingest.consume;

import dev.model.adapter.WarehouseAdapter;
import java.util.List;

/**
 * A transactional sink over the warehouse adapter's JDBC sessions. Besides writing batches it
 * creates RAW tables and writes dead letters on their own, for {@link SnowpipeStreamingSink},
 * whose channels carry only RAW rows.
 */
interface JdbcRawSink extends RawSink {

    /** The JDBC sink for the adapter's warehouse; {@code index} tells consumers of one process apart. */
    static JdbcRawSink forAdapter(WarehouseAdapter adapter, String group, int index, BatchWriter.TransactionHook hook) {
        return adapter.type().equals("snowflake") ? new SnowflakeBatchWriter(adapter, group, hook)
                : new BatchWriter(adapter, group, index, hook);
    }

    /** Creates {@code raw.<topic>} unless this sink already did; safe to repeat. */
    void ensureRawTable(String topic);

    /**
     * Writes dead letters idempotently, in one transaction: any row already there with the same
     * topic, partition and offset is replaced, so re-reading a partition never duplicates them.
     */
    void replaceDeadLetters(List<Batch.DeadLetter> deadLetters);
}
