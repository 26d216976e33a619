package dev.model.ingest.metrics;

import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;

/**
 * The ingest's Prometheus metrics (names prefixed {@code model_ingest_}), in a registry of its own
 * so two pipelines in one JVM do not share counters; served on 127.0.0.1 when a port is given.
 * The same figures feed the terminal progress line.
 */
public final class IngestMetrics implements AutoCloseable {

    /** Something that can be loaded: its topic, event type and event time. */
    public interface LoadedRow {
        String topic();

        String eventType();
    }

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter produced = Counter.builder().name("model_ingest_events_produced_total")
            .help("Events sent to Kafka and acknowledged, by topic and event type").labelNames("topic", "event_type")
            .register(registry);
    private final Counter produceErrors = Counter.builder().name("model_ingest_produce_errors_total")
            .help("Events Kafka did not acknowledge").register(registry);
    private final Counter consumed = Counter.builder().name("model_ingest_events_consumed_total")
            .help("Records read from Kafka, by topic").labelNames("topic").register(registry);
    private final Counter loaded = Counter.builder().name("model_ingest_events_loaded_total")
            .help("Events committed to the RAW tables, by topic and event type").labelNames("topic", "event_type")
            .register(registry);
    private final Counter deadLettered = Counter.builder().name("model_ingest_events_dead_lettered_total")
            .help("Bad records written to raw._dead_letter, by topic").labelNames("topic").register(registry);
    private final Counter writeFailures = Counter.builder().name("model_ingest_write_failures_total")
            .help("Warehouse transactions that failed and were retried").register(registry);
    private final Histogram batchSeconds = Histogram.builder().name("model_ingest_batch_load_duration_seconds")
            .help("Time to write one batch and its offsets in one warehouse transaction")
            .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10).register(registry);
    private final Gauge lag = Gauge.builder().name("model_ingest_consumer_lag")
            .help("Records in the partition not yet read by this consumer").labelNames("topic", "partition")
            .register(registry);
    private final Gauge lastLoaded = Gauge.builder().name("model_ingest_last_loaded_event_timestamp_seconds")
            .help("Kafka timestamp of the newest event committed to RAW (Unix seconds)").register(registry);

    private final AtomicLong producedCount = new AtomicLong();
    private final AtomicLong loadedCount = new AtomicLong();
    private final AtomicLong deadCount = new AtomicLong();
    private final AtomicLong lagTotal = new AtomicLong();
    private final java.util.concurrent.atomic.DoubleAdder writeSeconds = new java.util.concurrent.atomic.DoubleAdder();
    private final Map<TopicPartition, Long> lags = new java.util.concurrent.ConcurrentHashMap<>();
    private HTTPServer server;

    /** Serves {@code /metrics} on 127.0.0.1:port; port 0 picks a free one. Returns the port. */
    public synchronized int serve(int port) {
        try {
            server = HTTPServer.builder().inetAddress(InetAddress.getByName("127.0.0.1")).port(port).registry(registry)
                    .buildAndStart();
            return server.getPort();
        } catch (IOException e) {
            throw new ModelException(ErrorCategory.USAGE, "Could not serve metrics on 127.0.0.1:" + port + ": "
                    + e.getMessage(), null, e);
        }
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    public void produced(String topic, String eventType) {
        produced.labelValues(topic, eventType).inc();
        producedCount.incrementAndGet();
    }

    public void produceFailed() {
        produceErrors.inc();
    }

    public void consumed(String topic, long count) {
        consumed.labelValues(topic).inc(count);
    }

    /** One committed batch: its rows by topic and type, its dead letters, the transaction's duration. */
    public void batchLoaded(Iterable<? extends LoadedRow> rows, Map<String, Long> deadByTopic, long newestTimestampMillis,
                            double seconds) {
        Map<String, Map<String, Long>> counts = new HashMap<>();
        long total = 0;
        for (LoadedRow row : rows) {
            counts.computeIfAbsent(row.topic(), t -> new HashMap<>()).merge(row.eventType(), 1L, Long::sum);
            total++;
        }
        counts.forEach((topic, byType) -> byType.forEach((type, n) -> loaded.labelValues(topic, type).inc(n)));
        long dead = 0;
        for (Map.Entry<String, Long> entry : deadByTopic.entrySet()) {
            deadLettered.labelValues(entry.getKey()).inc(entry.getValue());
            dead += entry.getValue();
        }
        loadedCount.addAndGet(total);
        deadCount.addAndGet(dead);
        batchSeconds.observe(seconds);
        writeSeconds.add(seconds);
        if (newestTimestampMillis > 0) {
            lastLoaded.set(newestTimestampMillis / 1000.0);
        }
    }

    public void writeFailed() {
        writeFailures.inc();
    }

    public void lag(TopicPartition partition, long records) {
        lag.labelValues(partition.topic(), String.valueOf(partition.partition())).set(records);
        lags.put(partition, records);
        lagTotal.set(lags.values().stream().mapToLong(Long::longValue).sum());
    }

    public void forget(TopicPartition partition) {
        lag.remove(partition.topic(), String.valueOf(partition.partition()));
        lags.remove(partition);
    }

    public long producedCount() {
        return producedCount.get();
    }

    public long loadedCount() {
        return loadedCount.get();
    }

    public long deadLetteredCount() {
        return deadCount.get();
    }

    /** Time spent in warehouse transactions (staging included), summed over batches. */
    public double writeSeconds() {
        return writeSeconds.sum();
    }

    public long totalLag() {
        return lagTotal.get();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
