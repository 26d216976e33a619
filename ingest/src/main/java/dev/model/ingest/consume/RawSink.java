package dev.model.ingest.consume;

import dev.model.error.ModelException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Where {@link RawConsumer} writes RAW rows, dead letters and each partition's position, exactly
 * once. The warehouse holds the truth: the consumer seeks every assigned partition to the offset
 * {@link #open} returns + 1 and drops records at or below {@link #storedOffset}.
 *
 * <p>Two kinds. A transactional sink (JDBC: {@link BatchWriter}, {@link SnowflakeBatchWriter})
 * keeps all of a batch or nothing, so after a failure the consumer retries the same batch. A
 * streaming sink ({@link SnowpipeStreamingSink}) appends per partition and the warehouse commits
 * later, so a failure can lose appended rows that were not committed yet: {@link
 * #rewindsAfterFailure} is true, and the consumer drops the batch and re-reads every partition it
 * owns after the offset {@link #recover} returns.
 */
interface RawSink extends AutoCloseable {

    /** Creates schema {@code raw} and the tables every run needs; safe to repeat. */
    void prepare();

    /**
     * Makes the partitions writable (a streaming sink opens their channels) and returns the last
     * offset the warehouse durably holds for each; a partition absent from the map has nothing yet.
     */
    Map<TopicPartition, Long> open(Collection<TopicPartition> partitions);

    /** The partitions went to another member: let go of what {@link #open} took. */
    void release(Collection<TopicPartition> partitions);

    /** The highest offset of the partition written (or appended) by this sink; -1 when none. */
    long storedOffset(TopicPartition partition);

    /**
     * Writes the batch. A transactional sink throws when nothing was kept; a streaming sink may keep
     * part of it and report the rest's failure in {@link Written#failure()}.
     */
    Written write(Batch batch);

    boolean rewindsAfterFailure();

    /**
     * After a failed write of a streaming sink: reopens what failed and returns, for every owned
     * partition, the offset after which to read again (absent: from the beginning).
     */
    Map<TopicPartition, Long> recover(Collection<TopicPartition> owned);

    /** Drops the warehouse session after a failure; the next call opens a new one. */
    void reset();

    @Override
    void close();

    /**
     * What a write kept: rows and dead letters (for counts and metrics), the offsets the warehouse
     * holds durably now (Kafka's committed offsets follow them, for lag tooling), and a failure of
     * the part that was not kept, or null.
     */
    record Written(List<Batch.Row> rows, List<Batch.DeadLetter> deadLetters, Map<TopicPartition, Long> durable,
                   ModelException failure) {

        public Written {
            rows = List.copyOf(rows);
            deadLetters = List.copyOf(deadLetters);
            durable = Map.copyOf(durable);
        }

        /** The whole batch, committed. */
        static Written all(Batch batch) {
            return new Written(batch.rows, batch.deadLetters, batch.lastOffsets, null);
        }
    }
}
