package dev.model.ingest.consume;

import dev.model.adapter.WarehouseAdapter;
import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import dev.model.ingest.metrics.IngestMetrics;
import dev.model.log.Log;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * One Kafka consumer of a group loading its partitions into RAW exactly once. The warehouse holds
 * the truth: on every assignment each partition is sought to the offset the warehouse holds + 1
 * ({@link RawSink#open}). Through JDBC each batch's rows and new offsets commit in one transaction
 * ({@link BatchWriter}, {@link SnowflakeBatchWriter}); through Snowpipe Streaming the offsets are
 * the channels' committed offset tokens ({@link SnowpipeStreamingSink}). Kafka's own committed
 * offsets follow the warehouse's, for lag tooling only.
 *
 * <p>A failed warehouse write pauses every partition (so memory stays bounded), waits with
 * exponential backoff and keeps polling so the group keeps the member; then a transactional sink
 * retries the same batch, and a streaming sink, which may have lost appended rows, drops the batch
 * and re-reads every owned partition after what the warehouse kept. {@link #stop()} (Ctrl-C,
 * SIGTERM) ends the loop after flushing what was read; if that write fails, it is not retried
 * and the next run reads those records again.
 */
public final class RawConsumer implements AutoCloseable {

    /** Counts of one run. */
    public record Totals(long loaded, long deadLettered, long batches, long retries) {
    }

    private final ConsumerSettings settings;
    private final RawSink sink;
    private final RecordCheck check;
    private final IngestMetrics metrics;
    private final Log log;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Batch batch = new Batch();
    private final Set<TopicPartition> owned = new HashSet<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private long loaded;
    private long deadLettered;
    private long batches;
    private long retries;
    private long lastRecordNanos = System.nanoTime();
    private volatile int assignedCount;

    /** A consumer writing through the adapter's JDBC sessions, in one transaction per batch. */
    public RawConsumer(WarehouseAdapter adapter, ConsumerSettings settings, int index, IngestMetrics metrics, Log log) {
        this(adapter, settings, index, metrics, log, BatchWriter.TransactionHook.NONE);
    }

    /**
     * A consumer writing RAW rows through Snowpipe Streaming channels of {@code streaming}, and its
     * tables and dead letters through the adapter; {@code streaming} null means JDBC only.
     */
    public RawConsumer(WarehouseAdapter adapter, SnowpipeStreaming streaming, ConsumerSettings settings, int index,
                       IngestMetrics metrics, Log log) {
        this(streaming == null ? JdbcRawSink.forAdapter(adapter, settings.group(), index, BatchWriter.TransactionHook.NONE)
                : streaming.sink(adapter, settings.group(), index, log), settings, index, metrics, log);
    }

    RawConsumer(WarehouseAdapter adapter, ConsumerSettings settings, int index, IngestMetrics metrics, Log log,
                BatchWriter.TransactionHook hook) {
        this(JdbcRawSink.forAdapter(adapter, settings.group(), index, hook), settings, index, metrics, log);
    }

    RawConsumer(RawSink sink, ConsumerSettings settings, int index, IngestMetrics metrics, Log log) {
        this.settings = settings;
        this.sink = sink;
        this.check = new RecordCheck(settings.maxRecordBytes());
        this.metrics = metrics;
        this.log = log;
        this.consumer = new KafkaConsumer<>(kafkaProperties(settings, index), new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    private static Properties kafkaProperties(ConsumerSettings settings, int index) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, settings.group());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "model-ingest-" + settings.group() + "-" + index);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // Where the warehouse has no offset yet, a partition starts at its beginning.
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // A member joining or leaving is noticed within a second, so partitions move quickly.
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "500");
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(Math.min(settings.maxBatchRecords(), 10_000)));
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(Math.max(1 << 20, Math.min(settings.maxBatchBytes(), 64L << 20))));
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(8 << 20));
        return p;
    }

    /** Reads until stopped, a limit is reached, or a bad record with errors tolerance none. */
    public Totals run() {
        try {
            prepareWithRetry();
            consumer.subscribe(settings.topics(), new Rebalance());
            while (!stopping.get() && !limitReached()) {
                ConsumerRecords<String, byte[]> records;
                try {
                    records = consumer.poll(Duration.ofMillis(Math.max(10, Math.min(settings.maxBatchMs(), 100))));
                } catch (WakeupException e) {
                    break;
                }
                if (!records.isEmpty()) {
                    lastRecordNanos = System.nanoTime();
                    for (TopicPartition tp : records.partitions()) {
                        metrics.consumed(tp.topic(), records.records(tp).size());
                    }
                }
                add(records);
                if (due()) {
                    flushWithRetry();
                }
                updateLag();
                // Idle time counts from the assignment: a restarted member may wait for the group
                // to drop its dead predecessor before it owns any partition.
                if (settings.idleExitMs() > 0 && batch.isEmpty() && assignedCount > 0
                        && System.nanoTime() - lastRecordNanos > settings.idleExitMs() * 1_000_000L) {
                    log.info("No record for " + settings.idleExitMs() + " ms: stopping");
                    break;
                }
            }
            flushWithRetry();
            return totals();
        } finally {
            finished.countDown();
        }
    }

    /** How many partitions this consumer owns now; for tests and the progress line. */
    public int assignedPartitions() {
        return assignedCount;
    }

    /** Consumers of one process create the RAW tables at once; DuckDB lets one DDL win and fails the other. */
    private void prepareWithRetry() {
        long backoff = 50;
        for (int attempt = 1; ; attempt++) {
            try {
                sink.prepare();
                return;
            } catch (ModelException e) {
                if (e.category() != ErrorCategory.WAREHOUSE || attempt == 8) {
                    throw e;
                }
                resetAndWait(backoff, e);
                backoff *= 2;
            }
        }
    }

    public Totals totals() {
        return new Totals(loaded, deadLettered, batches, retries);
    }

    private boolean limitReached() {
        return settings.maxRecords() > 0 && loaded + deadLettered >= settings.maxRecords();
    }

    private boolean due() {
        return !batch.isEmpty() && (batch.records() >= settings.maxBatchRecords() || batch.bytes >= settings.maxBatchBytes()
                || System.nanoTime() - batch.firstAddedNanos >= settings.maxBatchMs() * 1_000_000L
                || (settings.maxRecords() > 0 && loaded + deadLettered + batch.records() >= settings.maxRecords()));
    }

    private void add(ConsumerRecords<String, byte[]> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            TopicPartition tp = new TopicPartition(record.topic(), record.partition());
            if (record.offset() <= Math.max(sink.storedOffset(tp), batch.lastOffsets.getOrDefault(tp, -1L))) {
                continue; // At or below what the warehouse holds: a duplicate delivery.
            }
            if (settings.maxRecords() > 0 && loaded + deadLettered + batch.records() >= settings.maxRecords()) {
                break; // The rest is re-read by the next run, from the stored offsets.
            }
            byte[] value = record.value();
            RecordCheck.Verdict verdict = check.check(value);
            LocalDateTime timestamp = LocalDateTime.ofEpochSecond(Math.floorDiv(record.timestamp(), 1000),
                    (int) Math.floorMod(record.timestamp(), 1000) * 1_000_000, ZoneOffset.UTC);
            if (verdict.ok()) {
                batch.rows.add(new Batch.Row(verdict.eventId(), verdict.eventType(),
                        new String(value, java.nio.charset.StandardCharsets.UTF_8), record.topic(), record.partition(),
                        record.offset(), timestamp, record.key()));
                batch.newestEventMillis = Math.max(batch.newestEventMillis, record.timestamp());
            } else if (settings.tolerateErrors()) {
                batch.deadLetters.add(new Batch.DeadLetter(value == null ? null : Base64.getEncoder().encodeToString(value),
                        verdict.error(), record.topic(), record.partition(), record.offset(), timestamp));
            } else {
                flushWithRetry();
                throw new ModelException(ErrorCategory.NODE_FAILURE, "Bad record at " + record.topic() + " partition "
                        + record.partition() + " offset " + record.offset() + ": " + verdict.error()
                        + " (--errors-tolerance none; use 'all' to send bad records to raw._dead_letter)");
            }
            batch.note(tp, record.offset(), value == null ? 0 : value.length);
        }
    }

    private void flushWithRetry() {
        long backoff = 100;
        boolean paused = false;
        boolean rewind = false;
        while (!batch.isEmpty() || rewind) {
            try {
                if (rewind) {
                    rewind();
                    break;
                }
                flush();
                break;
            } catch (ModelException e) {
                if (e.category() != ErrorCategory.WAREHOUSE) {
                    throw e;
                }
                metrics.writeFailed();
                if (stopping.get()) {
                    // Stopping while the warehouse fails: the next run re-reads these records from what it kept.
                    log.warn("Stopping with " + batch.records() + " records not written; the next run reads them again: "
                            + e.getMessage());
                    batch.clear();
                    break;
                }
                retries++;
                rewind = sink.rewindsAfterFailure();
                log.warn((rewind ? "Writing failed; re-reading the owned partitions from what the warehouse kept in "
                        : "Writing a batch of " + batch.records() + " records failed, retrying in ") + backoff + " ms: "
                        + e.getMessage());
                if (!paused) {
                    consumer.pause(consumer.assignment());
                    paused = true;
                }
                long until = System.nanoTime() + backoff * 1_000_000L;
                while (System.nanoTime() < until) {
                    try {
                        // Polling keeps this member in the group; paused partitions return nothing.
                        consumer.poll(Duration.ofMillis(Math.min(100, backoff)));
                    } catch (WakeupException wakeup) {
                        stopping.set(true);
                    }
                }
                backoff = Math.min(backoff * 2, settings.maxRetryBackoffMs());
            }
        }
        if (paused) {
            consumer.resume(consumer.assignment());
        }
    }

    /** Drops the batch and seeks every owned partition to just after what the warehouse kept. */
    private void rewind() {
        Map<TopicPartition, Long> kept = sink.recover(owned);
        batch.clear();
        seekAfter(owned, kept);
        log.debug("Re-reading " + owned + " after " + kept);
    }

    private void seekAfter(Collection<TopicPartition> partitions, Map<TopicPartition, Long> kept) {
        List<TopicPartition> fromStart = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            Long last = kept.get(tp);
            if (last == null) {
                fromStart.add(tp);
            } else {
                consumer.seek(tp, last + 1);
            }
        }
        if (!fromStart.isEmpty()) {
            consumer.seekToBeginning(fromStart);
        }
    }

    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        RawSink.Written written = sink.write(batch);
        double seconds = (System.nanoTime() - start) / 1e9;
        loaded += written.rows().size();
        deadLettered += written.deadLetters().size();
        if (!written.rows().isEmpty() || !written.deadLetters().isEmpty()) {
            Map<String, Long> deadByTopic = new HashMap<>();
            written.deadLetters().forEach(d -> deadByTopic.merge(d.topic(), 1L, Long::sum));
            metrics.batchLoaded(written.rows(), deadByTopic, batch.newestEventMillis, seconds);
        }
        if (written.failure() != null) {
            throw written.failure();
        }
        batches++;
        Map<TopicPartition, OffsetAndMetadata> advisory = new HashMap<>();
        written.durable().forEach((tp, offset) -> {
            if (owned.contains(tp)) {
                advisory.put(tp, new OffsetAndMetadata(offset + 1));
            }
        });
        if (!advisory.isEmpty()) {
            consumer.commitAsync(advisory, null);
        }
        batch.clear();
    }

    private long lagCheckNanos;

    private void updateLag() {
        if (System.nanoTime() - lagCheckNanos < 1_000_000_000L) {
            return;
        }
        lagCheckNanos = System.nanoTime();
        for (TopicPartition tp : consumer.assignment()) {
            OptionalLong lag = consumer.currentLag(tp);
            if (lag.isPresent()) {
                metrics.lag(tp, lag.getAsLong());
            }
        }
    }

    /** Asks the loop to flush and stop; safe from any thread (a shutdown hook). */
    public void stop() {
        stopping.set(true);
        consumer.wakeup();
    }

    /** Waits until {@link #run()} has returned or thrown. */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        try {
            consumer.close(Duration.ofSeconds(5));
        } finally {
            sink.close();
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // Write what was read while the partitions are still ours; if that fails, drop it:
            // the next owner re-reads it from the warehouse's offsets.
            try {
                flush();
            } catch (ModelException e) {
                log.warn("Could not write the last batch before a rebalance; its records will be re-read: " + e.getMessage());
                sink.reset();
            }
            sink.release(partitions);
            owned.removeAll(partitions);
            assignedCount = owned.size();
            batch.retainOnly(owned);
            if (batch.isEmpty()) {
                batch.clear();
            }
            partitions.forEach(metrics::forget);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            sink.release(partitions);
            owned.removeAll(partitions);
            assignedCount = owned.size();
            batch.retainOnly(owned);
            if (batch.isEmpty()) {
                batch.clear();
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            owned.addAll(partitions);
            assignedCount = owned.size();
            lastRecordNanos = System.nanoTime();
            Map<TopicPartition, Long> stored = openWithRetry(partitions);
            seekAfter(partitions, stored);
            log.debug("Assigned " + partitions + "; warehouse offsets " + stored);
        }

        private Map<TopicPartition, Long> openWithRetry(Collection<TopicPartition> partitions) {
            long backoff = 100;
            while (true) {
                try {
                    return sink.open(partitions);
                } catch (ModelException e) {
                    if (e.category() != ErrorCategory.WAREHOUSE || stopping.get()) {
                        throw e;
                    }
                    log.warn("Reading the stored offsets failed, retrying in " + backoff + " ms: " + e.getMessage());
                    resetAndWait(backoff, e);
                    backoff = Math.min(backoff * 2, settings.maxRetryBackoffMs());
                }
            }
        }
    }

    /** Before a retry: a fresh sink session after the pause; an interrupt gives up with the failure that caused it. */
    private void resetAndWait(long backoffMs, ModelException cause) {
        sink.reset();
        try {
            Thread.sleep(backoffMs);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }
}
