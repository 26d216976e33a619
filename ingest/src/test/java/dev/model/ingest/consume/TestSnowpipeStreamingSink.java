package dev.model.ingest.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.model.adapter.WarehouseAdapter;
import dev.model.ingest.metrics.IngestMetrics;
import dev.model.log.Log;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Snowpipe Streaming sink against {@link TestingFakeChannel}, a fake of the SDK's channel
 * interface (NOT the SDK's client, NOT a Snowflake account), with a real in-process broker; tables
 * and dead letters go to a DuckDB file through the JDBC sink.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
final class TestSnowpipeStreamingSink {

    private static final Set<String> RAW_COLUMNS = Set.of("EVENT_ID", "EVENT_TYPE", "PAYLOAD", "KAFKA_TOPIC",
            "KAFKA_PARTITION", "KAFKA_OFFSET", "KAFKA_TIMESTAMP", "KAFKA_KEY", "INGESTED_AT");

    @RegisterExtension
    static final TestingIngest.Broker kafka = new TestingIngest.Broker();

    @TempDir
    Path dir;

    private static SnowpipeStreamingSink sink(WarehouseAdapter adapter, TestingFakeChannel.Service service, String group) {
        return new SnowpipeStreamingSink(JdbcRawSink.forAdapter(adapter, group, 0, BatchWriter.TransactionHook.NONE),
                service, "SHOP", group, 0, Log.silent());
    }

    private static RawConsumer consumer(WarehouseAdapter adapter, TestingFakeChannel.Service service, ConsumerSettings settings,
                                        IngestMetrics metrics) {
        return new RawConsumer(sink(adapter, service, settings.group()), settings, 0, metrics, Log.silent());
    }

    /** Committed rows per table, each Kafka coordinate counted; fails on a duplicate. */
    private static Map<String, Long> committedExactlyOnce(TestingFakeChannel.Service service) {
        Set<String> seen = new HashSet<>();
        Map<String, Long> perTable = new java.util.TreeMap<>();
        for (TestingFakeChannel.Service.CommittedRow row : service.committedRows()) {
            String coordinates = row.row().get("KAFKA_TOPIC") + "/" + row.row().get("KAFKA_PARTITION") + "/"
                    + row.row().get("KAFKA_OFFSET");
            assertTrue(seen.add(coordinates), "committed twice: " + coordinates);
            perTable.merge(row.table(), 1L, Long::sum);
        }
        return perTable;
    }

    private static Map<String, Long> expectedPerTable(Map<String, Long> producedPerTopic) {
        Map<String, Long> expected = new java.util.TreeMap<>();
        producedPerTopic.forEach((topic, n) -> expected.put("SHOP.RAW." + SnowpipeStreamingSink.tableName(topic), n));
        return expected;
    }

    @Test
    void restartAfterAppendsThatWereNotCommittedLosesAndDuplicatesNothing() throws Exception {
        Map<String, Long> produced = TestingIngest.produce(kafka.bootstrapServers(), "crash", 3000, 31, 3);
        long total = produced.values().stream().mapToLong(Long::longValue).sum();
        List<String> topics = new ArrayList<>(produced.keySet());
        TestingFakeChannel.Service service = new TestingFakeChannel.Service(2, RAW_COLUMNS);
        ConsumerSettings settings = TestingIngest.settings(kafka.bootstrapServers(), topics, "g-crash").withBatch(100, 32L << 20, 50);
        long committedAtCrash;
        try (WarehouseAdapter adapter = TestingIngest.duckdb(dir.resolve("shop.duckdb"));
             IngestMetrics metrics = new IngestMetrics()) {
            RawConsumer first = consumer(adapter, service, settings.withLimits(1200, 10_000), metrics);
            try {
                assertEquals(1200, first.run().loaded());
                // The process dies here: its last appends are not committed yet.
                assertTrue(service.pendingRows() > 0, "nothing was pending at the crash");
                committedAtCrash = service.committedRows().size();
                service.crash();
                assertEquals(committedAtCrash, service.committedRows().size());
                assertEquals(1200 - committedAtCrash, service.lostRows());
            } finally {
                first.close(); // Closing the invalidated channels commits nothing.
            }
            assertEquals(committedAtCrash, service.committedRows().size());
            try (RawConsumer second = consumer(adapter, service, settings.withLimits(0, 3000), metrics)) {
                // It resumes after each channel's committed token: exactly what was lost, and the rest, is read again.
                assertEquals(total - committedAtCrash, second.run().loaded());
            }
        }
        assertEquals(expectedPerTable(produced), committedExactlyOnce(service));
        assertEquals(0, service.pendingRows());
    }

    @Test
    void failedAppendsReopenTheChannelAndRewindToTheCommittedToken() throws Exception {
        Map<String, Long> produced = TestingIngest.produce(kafka.bootstrapServers(), "rewind", 3000, 41, 3);
        List<String> topics = new ArrayList<>(produced.keySet());
        TestingFakeChannel.Service service = new TestingFakeChannel.Service(3, RAW_COLUMNS);
        service.failAppends(9, 20);
        ConsumerSettings settings = TestingIngest.settings(kafka.bootstrapServers(), topics, "g-rewind")
                .withBatch(100, 32L << 20, 50).withLimits(0, 3000);
        RawConsumer.Totals totals;
        try (WarehouseAdapter adapter = TestingIngest.duckdb(dir.resolve("shop.duckdb"));
             IngestMetrics metrics = new IngestMetrics();
             RawConsumer consumer = consumer(adapter, service, settings, metrics)) {
            totals = consumer.run();
        }
        assertEquals(2, totals.retries());
        assertTrue(service.lostRows() > 0, "the failures lost no pending append, so nothing needed a rewind");
        // One channel per topic-partition, and one reopen per failed append.
        assertEquals(6 + 2, service.opens());
        assertEquals(expectedPerTable(produced), committedExactlyOnce(service));
        // The lost rows were appended twice and are kept once: the count is of distinct events.
        assertEquals(produced.values().stream().mapToLong(Long::longValue).sum(), totals.loaded());
    }

    @Test
    void deadLettersStayExactlyOnceWhenAFailedAppendRereadsThePartition() throws Exception {
        String topic = "poison.stream";
        List<byte[]> values = new ArrayList<>();
        int good = 0;
        for (int i = 0; i < 400; i++) {
            if (i % 25 == 3) {
                values.add(("not json " + i).getBytes(StandardCharsets.UTF_8));
            } else {
                values.add(("{\"event_id\": \"e" + i + "\", \"event_type\": \"page_viewed\"}").getBytes(StandardCharsets.UTF_8));
                good++;
            }
        }
        dev.model.ingest.produce.EventProducer.ensureTopics(kafka.bootstrapServers(), Set.of(topic), 1, Duration.ofSeconds(20));
        TestingIngest.sendRaw(kafka.bootstrapServers(), topic, values);
        TestingFakeChannel.Service service = new TestingFakeChannel.Service(2, RAW_COLUMNS);
        service.failAppends(3);
        ConsumerSettings settings = new ConsumerSettings(kafka.bootstrapServers(), List.of(topic), "g-poison-stream", true,
                50, 32L << 20, 50, 0, 3000, 10_000, 10_000);
        try (WarehouseAdapter adapter = TestingIngest.duckdb(dir.resolve("shop.duckdb"))) {
            try (IngestMetrics metrics = new IngestMetrics(); RawConsumer consumer = consumer(adapter, service, settings, metrics)) {
                RawConsumer.Totals totals = consumer.run();
                assertEquals(1, totals.retries());
                assertTrue(totals.deadLettered() > values.size() - good, "the re-read rewrote dead letters");
            }
            assertEquals(Map.of("SHOP.RAW.POISON_STREAM", (long) good), committedExactlyOnce(service));
            assertEquals(values.size() - good, TestingIngest.count(adapter, "select count(*) from raw._dead_letter"));
            assertEquals(values.size() - good, TestingIngest.count(adapter,
                    "select count(distinct kafka_offset) from raw._dead_letter"));
        }
    }

    @Test
    void rowsAtOrBelowTheCommittedTokenAreDroppedAndAStaleHolderKeepsNothing() {
        TestingFakeChannel.Service service = new TestingFakeChannel.Service(1, RAW_COLUMNS);
        TopicPartition tp = new TopicPartition("dup.events", 0);
        try (WarehouseAdapter adapter = TestingIngest.duckdb(dir.resolve("shop.duckdb"))) {
            try (SnowpipeStreamingSink first = sink(adapter, service, "g-dup")) {
                first.prepare();
                assertEquals(Map.of(), first.open(List.of(tp)));
                assertNull(first.write(batch(tp, 0, 9)).failure());
                assertEquals(9, first.storedOffset(tp));
            } // A graceful close commits what is pending.
            SnowpipeStreamingSink stale = sink(adapter, service, "g-dup");
            try {
                stale.prepare();
                stale.open(List.of(tp));
                try (SnowpipeStreamingSink second = sink(adapter, service, "g-dup")) {
                    // Opening again invalidates the stale holder, as a rebalance's new owner does.
                    assertEquals(Map.of(tp, 9L), second.open(List.of(tp)));
                    RawSink.Written written = second.write(batch(tp, 5, 14));
                    assertNull(written.failure());
                    assertEquals(List.of(10L, 11L, 12L, 13L, 14L), written.rows().stream().map(Batch.Row::offset).toList());
                }
                RawSink.Written refused = stale.write(batch(tp, 15, 16));
                assertNotNull(refused.failure());
                assertTrue(refused.failure().getMessage().startsWith("Appending 2 rows to Snowpipe Streaming channel "
                        + "G_DUP_DUP_EVENTS_0 failed: "), refused.failure().getMessage());
                assertEquals(List.of(), refused.rows());
                // Recovering reopens the channel and resumes after its committed token.
                assertEquals(Map.of(tp, 14L), stale.recover(List.of(tp)));
                RawSink.Written resumed = stale.write(batch(tp, 10, 16));
                assertNull(resumed.failure());
                assertEquals(List.of(15L, 16L), resumed.rows().stream().map(Batch.Row::offset).toList());
            } finally {
                stale.close();
            }
        }
        assertEquals(Map.of("SHOP.RAW.DUP_EVENTS", 17L), committedExactlyOnce(service));
        assertEquals("16", service.committedToken("SHOP", "RAW", "DUP_EVENTS", "G_DUP_DUP_EVENTS_0"));
        assertEquals(0, service.lostRows());
    }

    @Test
    void rowsAppendedAgainAfterARewindAreReportedOnce() {
        // Two appends stay pending; the third fails and loses them.
        TestingFakeChannel.Service service = new TestingFakeChannel.Service(2, RAW_COLUMNS);
        service.failAppends(4);
        TopicPartition tp = new TopicPartition("again.events", 0);
        try (WarehouseAdapter adapter = TestingIngest.duckdb(dir.resolve("shop.duckdb"));
             SnowpipeStreamingSink sink = sink(adapter, service, "g-again")) {
            sink.prepare();
            sink.open(List.of(tp));
            assertEquals(List.of(0L, 1L, 2L, 3L, 4L), offsets(sink.write(batch(tp, 0, 4))));
            assertEquals(List.of(5L, 6L, 7L, 8L, 9L), offsets(sink.write(batch(tp, 5, 9))));
            assertEquals(List.of(10L, 11L), offsets(sink.write(batch(tp, 10, 11))));
            RawSink.Written failed = sink.write(batch(tp, 12, 14));
            assertNotNull(failed.failure());
            assertEquals(List.of(), failed.rows());
            assertEquals(Map.of(tp, 4L), sink.recover(List.of(tp)), "rows 5 to 11 were pending and are lost");
            RawSink.Written reread = sink.write(batch(tp, 5, 14));
            assertNull(reread.failure());
            // 5 to 11 are appended again but were reported already: only 12 to 14 are new.
            assertEquals(List.of(12L, 13L, 14L), offsets(reread));
        }
        assertEquals(Map.of("SHOP.RAW.AGAIN_EVENTS", 15L), committedExactlyOnce(service));
        assertEquals(7, service.lostRows());
    }

    private static List<Long> offsets(RawSink.Written written) {
        return written.rows().stream().map(Batch.Row::offset).toList();
    }

    private static Batch batch(TopicPartition tp, long from, long to) {
        Batch batch = new Batch();
        for (long offset = from; offset <= to; offset++) {
            batch.rows.add(new Batch.Row("e" + offset, "page_viewed", "{\"event_id\": \"e" + offset + "\"}", tp.topic(),
                    tp.partition(), offset, LocalDateTime.of(2025, 6, 1, 0, 0), "k"));
            batch.note(tp, offset, 10);
        }
        return batch;
    }
}
