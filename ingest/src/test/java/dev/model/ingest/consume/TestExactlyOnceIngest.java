package dev.model.ingest.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.model.adapter.WarehouseAdapter;
import dev.model.error.ModelException;
import dev.model.ingest.metrics.IngestMetrics;
import dev.model.log.Log;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Exactly-once into RAW against a real in-process broker and a real DuckDB file. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
final class TestExactlyOnceIngest {

    @RegisterExtension
    static final TestingIngest.Broker kafka = new TestingIngest.Broker();

    @TempDir
    Path dir;

    @Test
    void injectedWriteFailuresLoseAndDuplicateNothing() throws Exception {
        Map<String, Long> produced = TestingIngest.produce(kafka.bootstrapServers(), "fail", 4000, 7, 3);
        long total = produced.values().stream().mapToLong(Long::longValue).sum();
        List<String> topics = new ArrayList<>(produced.keySet());
        // Transactions 2 and 5 fail after their inserts ran: the rollback must undo them.
        BatchWriter.TransactionHook failing = n -> n == 2 || n == 5
                ? List.of("insert into raw.no_such_table values (1)") : List.of();
        try (WarehouseAdapter adapter = TestingIngest.duckdb(dir.resolve("shop.duckdb"));
             IngestMetrics metrics = new IngestMetrics();
             RawConsumer consumer = new RawConsumer(adapter, TestingIngest.settings(kafka.bootstrapServers(), topics, "g-fail")
                     .withLimits(total, 5000), 0, metrics, Log.silent(), failing)) {
            RawConsumer.Totals totals = consumer.run();
            assertEquals(2, totals.retries());
            assertEquals(total, totals.loaded());
            for (String topic : topics) {
                long[] rows = TestingIngest.rowsAndDistinct(adapter, topic);
                assertEquals(produced.get(topic), rows[0], topic);
                assertEquals(rows[0], rows[1], "duplicate Kafka coordinates in " + topic);
            }
            assertEquals(total, metrics.loadedCount());
        }
    }

    @Test
    void poisonMessagesGoToDeadLetterWhileGoodEventsLoad() throws Exception {
        String topic = "poison.events";
        List<byte[]> values = new ArrayList<>();
        List<String> poison = List.of("not json at all", "[1, 2, 3]", "{\"event_type\": \"page_viewed\"}",
                "{\"event_id\": 42, \"event_type\": \"page_viewed\"}", "{\"event_id\": \"a\", \"event_type\": \"x\"",
                "{\"event_id\": \"big\", \"event_type\": \"page_viewed\", \"pad\": \"" + "x".repeat(20_000) + "\"}");
        int good = 0;
        for (int i = 0; i < 300; i++) {
            if (i % 50 == 7) {
                values.add(poison.get((i / 50) % poison.size()).getBytes(StandardCharsets.UTF_8));
            } else {
                values.add(("{\"event_id\": \"e" + i + "\", \"event_type\": \"page_viewed\", \"schema_version\": 1, "
                        + "\"occurred_at\": \"2025-06-01T00:00:00Z\"}").getBytes(StandardCharsets.UTF_8));
                good++;
            }
        }
        dev.model.ingest.produce.EventProducer.ensureTopics(kafka.bootstrapServers(), java.util.Set.of(topic), 1,
                Duration.ofSeconds(20));
        TestingIngest.sendRaw(kafka.bootstrapServers(), topic, values);
        ConsumerSettings settings = new ConsumerSettings(kafka.bootstrapServers(), List.of(topic), "g-poison", true, 100,
                32L << 20, 100, values.size(), 5000, 10_000, 10_000);
        try (WarehouseAdapter adapter = TestingIngest.duckdb(dir.resolve("shop.duckdb"));
             IngestMetrics metrics = new IngestMetrics();
             RawConsumer consumer = new RawConsumer(adapter, settings, 0, metrics, Log.silent())) {
            RawConsumer.Totals totals = consumer.run();
            assertEquals(good, totals.loaded());
            assertEquals(values.size() - good, totals.deadLettered());
            assertEquals(good, TestingIngest.rowsAndDistinct(adapter, topic)[0]);
            var dead = adapter.query("select error, kafka_offset, raw_bytes from raw._dead_letter order by kafka_offset", 0).rows();
            assertEquals(6, dead.size());
            assertEquals("not valid JSON: " , dead.get(0).get(0).toString().substring(0, 16));
            assertEquals(7L, ((Number) dead.get(0).get(1)).longValue());
            assertEquals("not json at all", new String(java.util.Base64.getDecoder().decode(dead.get(0).get(2).toString()),
                    StandardCharsets.UTF_8));
            assertEquals("not a JSON object", dead.get(1).get(0));
            assertEquals("missing event_id", dead.get(2).get(0));
            assertEquals("event_id is not a string", dead.get(3).get(0));
            assertTrue(dead.get(4).get(0).toString().startsWith("not valid JSON"), dead.get(4).get(0).toString());
            assertTrue(dead.get(5).get(0).toString().contains("over the limit of 10000 bytes"), dead.get(5).get(0).toString());
            // The payload column is JSON: RAW can be queried with DuckDB's JSON functions.
            assertEquals(good, TestingIngest.count(adapter, "select count(*) from raw.poison_events where payload->>'event_type' = 'page_viewed'"));
        }
        ConsumerSettings strict = new ConsumerSettings(kafka.bootstrapServers(), List.of(topic), "g-strict", false, 100,
                32L << 20, 100, 0, 5000, 10_000, 10_000);
        try (WarehouseAdapter adapter = TestingIngest.duckdb(dir.resolve("strict.duckdb"));
             IngestMetrics metrics = new IngestMetrics();
             RawConsumer consumer = new RawConsumer(adapter, strict, 0, metrics, Log.silent())) {
            ModelException error = assertThrows(ModelException.class, consumer::run);
            assertTrue(error.getMessage().startsWith("Bad record at poison.events partition 0 offset 7: not valid JSON: "),
                    error.getMessage());
            assertTrue(error.getMessage().endsWith("(--errors-tolerance none; use 'all' to send bad records to raw._dead_letter)"));
            // What came before the bad record is loaded, so a restart resumes exactly at it.
            assertEquals(7, TestingIngest.rowsAndDistinct(adapter, topic)[0]);
            assertEquals(6, TestingIngest.count(adapter, "select last_offset from raw._ingest_offsets where consumer_group = 'g-strict'"));
        }
    }

    private static String outcome(Future<RawConsumer.Totals> future) {
        try {
            return future.isDone() ? String.valueOf(future.get()) : "running";
        } catch (Exception e) {
            return e.toString();
        }
    }

    @Test
    void twoConsumersOfOneGroupSplitThePartitions() throws Exception {
        String prefix = "split";
        TestingIngest.produce(kafka.bootstrapServers(), prefix, 10, 3, 4); // creates the topics with 4 partitions
        List<String> topics = List.of("split.orders", "split.web");
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (WarehouseAdapter adapter = TestingIngest.duckdb(dir.resolve("shop.duckdb"));
             IngestMetrics metrics = new IngestMetrics();
             RawConsumer first = new RawConsumer(adapter, TestingIngest.settings(kafka.bootstrapServers(), topics, "g-split")
                     .withLimits(0, 10_000), 0, metrics, Log.silent());
             RawConsumer second = new RawConsumer(adapter, TestingIngest.settings(kafka.bootstrapServers(), topics, "g-split")
                     .withLimits(0, 10_000), 1, metrics, Log.silent())) {
            Future<RawConsumer.Totals> a = threads.submit(first::run);
            Future<RawConsumer.Totals> b = threads.submit(second::run);
            TestingIngest.waitUntil("both consumers own partitions", Duration.ofSeconds(60),
                    () -> first.assignedPartitions() > 0 && second.assignedPartitions() > 0 || a.isDone() || b.isDone());
            assertTrue(!a.isDone() && !b.isDone(), () -> "a consumer stopped early: " + outcome(a) + " / " + outcome(b));
            assertEquals(8, first.assignedPartitions() + second.assignedPartitions());
            Map<String, Long> more = TestingIngest.produce(kafka.bootstrapServers(), prefix, 3000, 4, 4);
            long total = 10 + more.values().stream().mapToLong(Long::longValue).sum();
            long loadedA = a.get(90, TimeUnit.SECONDS).loaded();
            long loadedB = b.get(90, TimeUnit.SECONDS).loaded();
            assertTrue(loadedA > 0 && loadedB > 0, "both consumers loaded: " + loadedA + " and " + loadedB);
            assertEquals(total, loadedA + loadedB);
            long rows = 0;
            for (String topic : topics) {
                long[] counts = TestingIngest.rowsAndDistinct(adapter, topic);
                assertEquals(counts[0], counts[1], "duplicate Kafka coordinates in " + topic);
                rows += counts[0];
            }
            assertEquals(total, rows);
        } finally {
            threads.shutdownNow();
        }
    }
}
