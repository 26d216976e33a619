package dev.model.ingest.consume;

import java.util.List;

/**
 * How {@link RawConsumer} reads and flushes. A batch is written when it reaches
 * {@code maxBatchRecords} or {@code maxBatchBytes}, or its oldest record is {@code maxBatchMs} old.
 *
 * @param maxRecords  stop after this many records (loaded or dead-lettered) in this run; 0 = no limit
 * @param idleExitMs  stop after this long without a record; 0 = never
 */
public record ConsumerSettings(String bootstrapServers, List<String> topics, String group, boolean tolerateErrors,
                               int maxBatchRecords, long maxBatchBytes, long maxBatchMs, long maxRecords,
                               long idleExitMs, int maxRecordBytes, long maxRetryBackoffMs) {

    public ConsumerSettings {
        topics = List.copyOf(topics);
    }

    public static ConsumerSettings defaults(String bootstrapServers, List<String> topics, String group) {
        return new ConsumerSettings(bootstrapServers, topics, group, true, 50_000, 32L << 20, 200, 0, 0, 1 << 20, 10_000);
    }

    public ConsumerSettings withLimits(long newMaxRecords, long newIdleExitMs) {
        return new ConsumerSettings(bootstrapServers, topics, group, tolerateErrors, maxBatchRecords, maxBatchBytes,
                maxBatchMs, newMaxRecords, newIdleExitMs, maxRecordBytes, maxRetryBackoffMs);
    }

    public ConsumerSettings withTolerateErrors(boolean tolerate) {
        return new ConsumerSettings(bootstrapServers, topics, group, tolerate, maxBatchRecords, maxBatchBytes,
                maxBatchMs, maxRecords, idleExitMs, maxRecordBytes, maxRetryBackoffMs);
    }

    public ConsumerSettings withBatch(int records, long bytes, long ms) {
        return new ConsumerSettings(bootstrapServers, topics, group, tolerateErrors, records, bytes, ms, maxRecords,
                idleExitMs, maxRecordBytes, maxRetryBackoffMs);
    }
}
