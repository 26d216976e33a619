package dev.model.ingest.consume;

import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import dev.model.log.Log;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import net.snowflake.ingest.streaming.InsertValidationResponse;
import net.snowflake.ingest.streaming.SnowflakeStreamingIngestChannel;
import org.apache.kafka.common.TopicPartition;

/**
 * RAW rows through Snowpipe Streaming (the classic channel API of {@code snowflake-ingest-sdk}),
 * exactly once by the mechanism of Snowflake's own Kafka connector: one channel per
 * topic-partition, every append carrying the Kafka offset of its last row as the channel's offset
 * token. On (re)assignment the channel is (re)opened, which invalidates any previous owner, and
 * its latest committed offset token is where the partition resumes (token + 1); rows at or below
 * what was appended are dropped as duplicates. Snowflake commits appended rows later, in the
 * background, so rows appended but not yet committed die with the process or with a channel that
 * fails: a failed append reopens the channel and the consumer re-reads every partition it owns
 * from what is kept ({@link #recover}). Kafka's committed offsets follow the committed tokens.
 *
 * <p>The rows a write reports (the consumer's "loaded" count) are those above the highest offset
 * this sink reported before for the partition: a row appended again after a failed append and a
 * rewind is one row in Snowflake, and counts once.
 *
 * <p>Dead letters are rare and go through the JDBC sink, idempotently ({@link
 * JdbcRawSink#replaceDeadLetters}), before the batch's rows are appended; so does the DDL, since
 * a channel needs its table. The offsets table is not used: the offset tokens are the state.
 *
 * <p>Tested only against a fake of the SDK's channel interface that models committed tokens
 * lagging behind appends, crashes and failed appends; NOT tested against a live Snowflake account.
 */
final class SnowpipeStreamingSink implements RawSink {

    /** Opens, or reopens, the channel of one topic-partition into one table. */
    interface ChannelOpener {
        SnowflakeStreamingIngestChannel open(String channelName, String database, String schema, String table);
    }

    private final JdbcRawSink jdbc;
    private final ChannelOpener opener;
    private final String database;
    private final String group;
    private final long committedRefreshNanos;
    private final Log log;
    private final Map<TopicPartition, SnowflakeStreamingIngestChannel> channels = new HashMap<>();
    private final Map<TopicPartition, Long> appended = new HashMap<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    private final Set<TopicPartition> broken = new HashSet<>();
    /** The highest offset reported as loaded, per partition; kept across reopens and releases. */
    private final Map<TopicPartition, Long> counted = new HashMap<>();
    private long committedCheckedNanos;

    /**
     * @param committedRefreshMs how often a write asks the channels for their committed tokens (one
     *                           request per channel), which only Kafka's advisory offsets use
     */
    SnowpipeStreamingSink(JdbcRawSink jdbc, ChannelOpener opener, String database, String group,
                          long committedRefreshMs, Log log) {
        this.jdbc = jdbc;
        this.opener = opener;
        this.database = database;
        this.group = group;
        this.committedRefreshNanos = TimeUnit.MILLISECONDS.toNanos(committedRefreshMs);
        this.log = log;
    }

    /** Kafka's connector names its channels {@code <connector>_<topic>_<partition>}; here the group stands in. */
    static String channelName(String group, TopicPartition partition) {
        return (group + "_" + partition.topic() + "_" + partition.partition()).replaceAll("[^A-Za-z0-9_]", "_")
                .toUpperCase(Locale.ROOT);
    }

    /** The table as Snowflake stores an unquoted name. */
    static String tableName(String topic) {
        return RawTables.tableName(topic).toUpperCase(Locale.ROOT);
    }

    @Override
    public void prepare() {
        jdbc.prepare();
    }

    @Override
    public Map<TopicPartition, Long> open(Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> positions = new HashMap<>();
        for (TopicPartition tp : partitions) {
            reopen(tp);
            long kept = appended.get(tp);
            if (kept >= 0) {
                positions.put(tp, kept);
            }
        }
        return positions;
    }

    /** Opens the channel (invalidating any other holder) and takes its committed token as the truth. */
    private void reopen(TopicPartition tp) {
        jdbc.ensureRawTable(tp.topic());
        String name = channelName(group, tp);
        SnowflakeStreamingIngestChannel channel;
        String token;
        try {
            channel = opener.open(name, database, RawTables.SCHEMA.toUpperCase(Locale.ROOT), tableName(tp.topic()));
            token = channel.getLatestCommittedOffsetToken();
        } catch (RuntimeException e) {
            throw failure("Opening Snowpipe Streaming channel " + name + " failed", e);
        }
        long offset = parseToken(name, token);
        channels.put(tp, channel);
        appended.put(tp, offset);
        committed.put(tp, offset);
        broken.remove(tp);
        log.debug("channel " + name + ": committed offset token " + token);
    }

    private static long parseToken(String channel, String token) {
        if (token == null) {
            return -1;
        }
        try {
            return Long.parseLong(token);
        } catch (NumberFormatException e) {
            throw new ModelException(ErrorCategory.WAREHOUSE, "Snowpipe Streaming channel " + channel
                    + " holds offset token '" + token + "', which is not a Kafka offset: another writer uses this channel");
        }
    }

    @Override
    public void release(Collection<TopicPartition> partitions) {
        for (TopicPartition tp : partitions) {
            SnowflakeStreamingIngestChannel channel = channels.remove(tp);
            appended.remove(tp);
            committed.remove(tp);
            broken.remove(tp);
            if (channel != null) {
                closeQuietly(tp, channel);
            }
        }
    }

    /** Closing flushes and waits for the commit; if it fails, the next owner resumes from the committed token. */
    private void closeQuietly(TopicPartition tp, SnowflakeStreamingIngestChannel channel) {
        try {
            channel.close().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("Closing Snowpipe Streaming channel " + channelName(group, tp) + " failed; its next owner resumes "
                    + "from the committed offset token: " + oneLine(e));
        }
    }

    @Override
    public long storedOffset(TopicPartition partition) {
        return appended.getOrDefault(partition, -1L);
    }

    @Override
    public Written write(Batch batch) {
        for (String topic : batch.topics) {
            jdbc.ensureRawTable(topic);
        }
        // Dead letters first and durable: if an append below fails, its partition is re-read and
        // they are replaced, never doubled.
        jdbc.replaceDeadLetters(batch.deadLetters);
        Map<TopicPartition, List<Batch.Row>> byPartition = new LinkedHashMap<>();
        for (Batch.Row row : batch.rows) {
            byPartition.computeIfAbsent(new TopicPartition(row.topic(), row.partition()), k -> new ArrayList<>()).add(row);
        }
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        List<Batch.Row> kept = new ArrayList<>();
        ModelException failure = null;
        for (Map.Entry<TopicPartition, List<Batch.Row>> entry : byPartition.entrySet()) {
            TopicPartition tp = entry.getKey();
            long after = storedOffset(tp);
            List<Batch.Row> rows = entry.getValue().stream().filter(r -> r.offset() > after).toList();
            if (rows.isEmpty()) {
                continue;
            }
            ModelException failed = append(tp, rows, now);
            if (failed == null) {
                long before = counted.getOrDefault(tp, -1L);
                rows.stream().filter(r -> r.offset() > before).forEach(kept::add);
                counted.put(tp, Math.max(before, rows.get(rows.size() - 1).offset()));
            } else if (failure == null) {
                failure = failed;
            }
        }
        return new Written(kept, batch.deadLetters, durable(), failure);
    }

    private ModelException append(TopicPartition tp, List<Batch.Row> rows, LocalDateTime now) {
        SnowflakeStreamingIngestChannel channel = channels.get(tp);
        String name = channelName(group, tp);
        if (channel == null || broken.contains(tp)) {
            broken.add(tp);
            return new ModelException(ErrorCategory.WAREHOUSE, "Snowpipe Streaming channel " + name + " is not open");
        }
        List<Map<String, Object>> maps = new ArrayList<>(rows.size());
        for (Batch.Row r : rows) {
            Map<String, Object> map = new HashMap<>(16);
            map.put("EVENT_ID", r.eventId());
            map.put("EVENT_TYPE", r.eventType());
            map.put("PAYLOAD", r.payload());
            map.put("KAFKA_TOPIC", r.topic());
            map.put("KAFKA_PARTITION", r.partition());
            map.put("KAFKA_OFFSET", r.offset());
            map.put("KAFKA_TIMESTAMP", r.kafkaTimestamp());
            map.put("KAFKA_KEY", r.key());
            map.put("INGESTED_AT", now);
            maps.add(map);
        }
        long last = rows.get(rows.size() - 1).offset();
        try {
            InsertValidationResponse response = channel.insertRows(maps, Long.toString(last));
            if (response != null && response.hasErrors()) {
                // Opened with ON_ERROR ABORT, a bad row throws; should one be reported instead,
                // the channel's token may have moved past rows it skipped: start it over.
                broken.add(tp);
                var error = response.getInsertErrors().get(0);
                return new ModelException(ErrorCategory.WAREHOUSE, "Snowpipe Streaming channel " + name + " rejected "
                        + response.getErrorRowCount() + " rows, the first at offset " + rows.get((int) Math.min(
                        rows.size() - 1, Math.max(0, error.getRowIndex()))).offset() + ": " + error.getMessage());
            }
        } catch (RuntimeException e) {
            broken.add(tp);
            return failure("Appending " + rows.size() + " rows to Snowpipe Streaming channel " + name + " failed", e);
        }
        appended.put(tp, last);
        return null;
    }

    /** The committed tokens, asked for at most every {@code committedRefreshMs}. */
    private Map<TopicPartition, Long> durable() {
        if (System.nanoTime() - committedCheckedNanos >= committedRefreshNanos) {
            committedCheckedNanos = System.nanoTime();
            channels.forEach((tp, channel) -> {
                if (!broken.contains(tp)) {
                    try {
                        committed.put(tp, parseToken(channelName(group, tp), channel.getLatestCommittedOffsetToken()));
                    } catch (RuntimeException e) {
                        log.debug("reading the committed token of " + channelName(group, tp) + " failed: " + oneLine(e));
                    }
                }
            });
        }
        Map<TopicPartition, Long> durable = new HashMap<>();
        committed.forEach((tp, offset) -> {
            if (offset >= 0) {
                durable.put(tp, offset);
            }
        });
        return durable;
    }

    @Override
    public boolean rewindsAfterFailure() {
        return true;
    }

    @Override
    public Map<TopicPartition, Long> recover(Collection<TopicPartition> owned) {
        for (TopicPartition tp : owned) {
            if (broken.contains(tp) || !channels.containsKey(tp)) {
                reopen(tp);
            }
        }
        Map<TopicPartition, Long> positions = new HashMap<>();
        for (TopicPartition tp : owned) {
            long kept = storedOffset(tp);
            if (kept >= 0) {
                positions.put(tp, kept);
            }
        }
        return positions;
    }

    @Override
    public void reset() {
        jdbc.reset();
    }

    @Override
    public void close() {
        try {
            release(new ArrayList<>(channels.keySet()));
        } finally {
            jdbc.close();
        }
    }

    private static ModelException failure(String what, RuntimeException e) {
        return new ModelException(ErrorCategory.WAREHOUSE, what + ": " + oneLine(e), null, e);
    }

    private static String oneLine(Throwable e) {
        Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
