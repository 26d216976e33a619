package dev.model.ingest.consume;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * Records read since the last commit: good rows, dead letters, and per partition the last offset
 * they reach, which the warehouse stores in the same transaction as the rows.
 */
final class Batch {

    /** A RAW row without {@code ingested_at}, which the warehouse stamps at commit. */
    record Row(String eventId, String eventType, String payload, String topic, int partition, long offset,
               LocalDateTime kafkaTimestamp, String key) implements dev.model.ingest.metrics.IngestMetrics.LoadedRow {
    }

    record DeadLetter(String rawBase64, String error, String topic, int partition, long offset,
                      LocalDateTime kafkaTimestamp) {
    }

    final List<Row> rows = new ArrayList<>();
    final List<DeadLetter> deadLetters = new ArrayList<>();
    final Map<TopicPartition, Long> lastOffsets = new HashMap<>();
    final Set<String> topics = new LinkedHashSet<>();
    long bytes;
    long firstAddedNanos;
    long newestEventMillis;

    Map<String, Long> deadLettersByTopic() {
        Map<String, Long> counts = new HashMap<>();
        deadLetters.forEach(d -> counts.merge(d.topic(), 1L, Long::sum));
        return counts;
    }

    boolean isEmpty() {
        return lastOffsets.isEmpty();
    }

    int records() {
        return rows.size() + deadLetters.size();
    }

    void note(TopicPartition partition, long offset, int size) {
        if (lastOffsets.isEmpty()) {
            firstAddedNanos = System.nanoTime();
        }
        lastOffsets.put(partition, offset);
        topics.add(partition.topic());
        bytes += size;
    }

    /** Drops what was read from partitions this consumer no longer owns: their new owner re-reads it. */
    void retainOnly(java.util.Collection<TopicPartition> owned) {
        rows.removeIf(r -> !owned.contains(new TopicPartition(r.topic(), r.partition())));
        deadLetters.removeIf(d -> !owned.contains(new TopicPartition(d.topic(), d.partition())));
        lastOffsets.keySet().retainAll(owned);
    }

    void clear() {
        rows.clear();
        deadLetters.clear();
        lastOffsets.clear();
        topics.clear();
        bytes = 0;
        newestEventMillis = 0;
    }
}
