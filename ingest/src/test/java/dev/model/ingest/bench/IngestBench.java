package dev.model.ingest.bench;

import dev.model.adapter.Adapters;
import dev.model.adapter.WarehouseAdapter;
import dev.model.ingest.broker.EmbeddedKafka;
import dev.model.ingest.consume.ConsumerSettings;
import dev.model.ingest.consume.RawConsumer;
import dev.model.ingest.event.EventFamily;
import dev.model.ingest.event.EventGenerator;
import dev.model.ingest.event.GeneratedEvent;
import dev.model.ingest.metrics.IngestMetrics;
import dev.model.ingest.produce.EventProducer;
import dev.model.log.Log;
import dev.model.project.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The ingest benchmark (bench/ingest_bench.sh): (1) sustained consumer throughput into a DuckDB
 * file, the topics filled beforehand; (2) end-to-end latency from the producer's send (the Kafka
 * record's CreateTime) to the row being visible to a query on RAW, at a fixed event rate. A poller
 * queries the per-partition maximum offset every 10 ms; an event is "queryable" at the first poll
 * that sees its offset. Arguments: events for (1), rate and seconds for (2).
 */
public final class IngestBench {

    public static void main(String[] args) throws Exception {
        int throughputEvents = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Path dir = Files.createTempDirectory("model-ingest-bench-");
        try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"), 0, 3).start();
             WarehouseAdapter adapter = duckdb(dir.resolve("bench.duckdb"))) {
            throughput(kafka.bootstrapServers(), adapter, throughputEvents);
            latency(kafka.bootstrapServers(), adapter, rate, seconds);
        }
    }

    private static WarehouseAdapter duckdb(Path file) {
        String threshold = System.getProperty("bench.checkpoint", "");
        Map<String, Object> settings = threshold.isEmpty() ? Map.of("path", file.toString())
                : Map.of("path", file.toString(), "settings", Map.of("checkpoint_threshold", threshold));
        Target target = new Target("bench", "dev", "duckdb", null, "main", 4, settings);
        return Adapters.discover().open(target, file.getParent(), Log.silent());
    }

    private static void throughput(String bootstrap, WarehouseAdapter adapter, int events) throws Exception {
        long bytes = produce(bootstrap, "tput", events, 0);
        ConsumerSettings settings = ConsumerSettings.defaults(bootstrap, List.of("tput.orders", "tput.web"), "bench-tput")
                .withLimits(events, 0);
        try (IngestMetrics metrics = new IngestMetrics(); RawConsumer consumer = new RawConsumer(adapter, settings, 0, metrics, Log.silent())) {
            long start = System.nanoTime();
            RawConsumer.Totals totals = consumer.run();
            double elapsed = (System.nanoTime() - start) / 1e9;
            System.out.printf("throughput: %d events (%.0f bytes/event avg) loaded in %.2f s = %.0f events/s, %d transactions,"
                    + " %.2f s of them in warehouse writes%n", totals.loaded(), (double) bytes / events, elapsed,
                    totals.loaded() / elapsed, totals.batches(), metrics.writeSeconds());
        }
    }

    private static long produce(String bootstrap, String prefix, int events, int rate) {
        EventProducer.ensureTopics(bootstrap, Set.of(EventFamily.ORDERS.topic(prefix), EventFamily.WEB.topic(prefix)), 3,
                Duration.ofSeconds(20));
        EventGenerator generator = EventGenerator.withDefaults(1, Instant.parse("2025-06-01T00:00:00Z"));
        long bytes = 0;
        long began = System.nanoTime();
        try (IngestMetrics metrics = new IngestMetrics(); EventProducer producer = new EventProducer(bootstrap, metrics)) {
            for (int i = 0; i < events; i++) {
                if (rate > 0) {
                    long due = began + (long) (i * 1e9 / rate);
                    while (System.nanoTime() < due) {
                        Thread.onSpinWait();
                        if (due - System.nanoTime() > 2_000_000) {
                            sleep(1);
                        }
                    }
                }
                GeneratedEvent event = generator.next();
                producer.send(event.family().topic(prefix), event.key(), event.eventType(), event.json());
                bytes += event.json().length;
            }
            producer.flush();
        }
        return bytes;
    }

    private static void latency(String bootstrap, WarehouseAdapter adapter, int rate, int seconds) throws Exception {
        int events = rate * seconds;
        EventProducer.ensureTopics(bootstrap, Set.of("lat.orders", "lat.web"), 3, Duration.ofSeconds(20));
        ConsumerSettings settings = ConsumerSettings.defaults(bootstrap, List.of("lat.orders", "lat.web"), "bench-lat")
                .withLimits(events, 0);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<long[]> polls = new ArrayList<>(); // {time millis, topicIndex, partition, maxOffset}
        AtomicBoolean polling = new AtomicBoolean(true);
        try (IngestMetrics metrics = new IngestMetrics(); RawConsumer consumer = new RawConsumer(adapter, settings, 0, metrics, Log.silent())) {
            Future<RawConsumer.Totals> run = threads.submit(consumer::run);
            while (consumer.assignedPartitions() == 0) {
                sleep(20);
            }
            Future<?> poller = threads.submit(() -> {
                while (polling.get()) {
                    for (int t = 0; t < 2; t++) {
                        String table = t == 0 ? "lat_orders" : "lat_web";
                        try {
                            var rows = adapter.query("select kafka_partition, max(kafka_offset) from raw." + table
                                    + " group by 1", 0).rows();
                            long now = System.currentTimeMillis();
                            for (List<Object> row : rows) {
                                polls.add(new long[] {now, t, ((Number) row.get(0)).longValue(), ((Number) row.get(1)).longValue()});
                            }
                        } catch (RuntimeException notYet) {
                            // The RAW table appears with the first batch.
                        }
                    }
                    sleep(10);
                }
            });
            produce(bootstrap, "lat", events, rate);
            RawConsumer.Totals totals = run.get();
            sleep(50);
            polling.set(false);
            poller.get();
            long[] latencies = new long[events];
            int n = 0;
            for (int t = 0; t < 2; t++) {
                String table = t == 0 ? "lat_orders" : "lat_web";
                Map<Integer, List<long[]>> byPartition = new HashMap<>();
                for (long[] p : polls) {
                    if (p[1] == t) {
                        byPartition.computeIfAbsent((int) p[2], k -> new ArrayList<>()).add(p);
                    }
                }
                var rows = adapter.query("select kafka_partition, kafka_offset, kafka_timestamp from raw." + table, 0).rows();
                for (List<Object> row : rows) {
                    int partition = ((Number) row.get(0)).intValue();
                    long offset = ((Number) row.get(1)).longValue();
                    long sent = ((LocalDateTime) row.get(2)).toInstant(ZoneOffset.UTC).toEpochMilli();
                    for (long[] p : byPartition.getOrDefault(partition, List.of())) {
                        if (p[3] >= offset) {
                            latencies[n++] = p[0] - sent;
                            break;
                        }
                    }
                }
            }
            long[] seen = Arrays.copyOf(latencies, n);
            Arrays.sort(seen);
            System.out.printf("latency at %d events/s for %d s: %d events loaded, %d timed; produce->queryable p50 %d ms, "
                    + "p99 %d ms, max %d ms (%d transactions)%n", rate, seconds, totals.loaded(), n,
                    seen[n / 2], seen[(int) (n * 0.99)], seen[n - 1], totals.batches());
        } finally {
            threads.shutdownNow();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
