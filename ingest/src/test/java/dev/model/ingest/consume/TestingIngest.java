package dev.model.ingest.consume;

import dev.model.adapter.Adapters;
import dev.model.adapter.WarehouseAdapter;
import dev.model.ingest.broker.EmbeddedKafka;
import dev.model.ingest.event.EventFamily;
import dev.model.ingest.event.EventGenerator;
import dev.model.ingest.event.GeneratedEvent;
import dev.model.ingest.metrics.IngestMetrics;
import dev.model.ingest.produce.EventProducer;
import dev.model.log.Log;
import dev.model.project.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Real parts for ingest tests: a DuckDB file warehouse, events sent to a real broker, RAW counts. */
final class TestingIngest {

    private TestingIngest() {
    }

    /**
     * A real in-process broker (3 partitions per topic) shared by a test class: started before its
     * tests, stopped and its log folder deleted after them. Register it with
     * {@code @RegisterExtension static final TestingIngest.Broker kafka = new TestingIngest.Broker();}.
     */
    static final class Broker implements BeforeAllCallback, AfterAllCallback {

        private EmbeddedKafka kafka;

        @Override
        public void beforeAll(ExtensionContext context) throws IOException {
            kafka = new EmbeddedKafka(Files.createTempDirectory("kafka"), 0, 3).start();
        }

        @Override
        public void afterAll(ExtensionContext context) throws IOException {
            kafka.stop();
            try (Stream<Path> files = Files.walk(kafka.logDir())) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }

        String bootstrapServers() {
            return kafka.bootstrapServers();
        }
    }

    static WarehouseAdapter duckdb(Path file) {
        Target target = new Target("shop", "dev", "duckdb", null, "main", 4, Map.of("path", file.toString()));
        return Adapters.discover().open(target, file.getParent(), Log.silent());
    }

    /** Sends {@code count} generated events to {@code <prefix>.orders}/{@code <prefix>.web}; returns per-topic counts. */
    static Map<String, Long> produce(String bootstrap, String prefix, int count, long seed, int partitions) {
        EventProducer.ensureTopics(bootstrap, Set.of(EventFamily.ORDERS.topic(prefix), EventFamily.WEB.topic(prefix)),
                partitions, Duration.ofSeconds(20));
        EventGenerator generator = EventGenerator.withDefaults(seed, Instant.parse("2025-06-01T00:00:00Z"));
        Map<String, Long> perTopic = new java.util.TreeMap<>();
        try (IngestMetrics metrics = new IngestMetrics(); EventProducer producer = new EventProducer(bootstrap, metrics)) {
            for (int i = 0; i < count; i++) {
                GeneratedEvent event = generator.next();
                String topic = event.family().topic(prefix);
                producer.send(topic, event.key(), event.eventType(), event.json());
                perTopic.merge(topic, 1L, Long::sum);
            }
            producer.flush();
        }
        return perTopic;
    }

    /** Sends raw values (good or poison) to one topic, in order, on one key. */
    static void sendRaw(String bootstrap, String topic, List<byte[]> values) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(4 << 20));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            for (byte[] value : values) {
                producer.send(new ProducerRecord<>(topic, "k", value));
            }
            producer.flush();
        }
    }

    static long count(WarehouseAdapter adapter, String sql) {
        return ((Number) adapter.query(sql, 0).rows().get(0).get(0)).longValue();
    }

    /** Rows in RAW for a topic, and distinct Kafka coordinates among them. */
    static long[] rowsAndDistinct(WarehouseAdapter adapter, String topic) {
        String table = new RawTables(adapter).rawTable(topic).render();
        return new long[] {count(adapter, "select count(*) from " + table),
                count(adapter, "select count(*) from (select distinct kafka_topic, kafka_partition, kafka_offset from " + table + ")")};
    }

    static ConsumerSettings settings(String bootstrap, List<String> topics, String group) {
        return ConsumerSettings.defaults(bootstrap, topics, group).withBatch(500, 32L << 20, 100);
    }

    static void waitUntil(String what, Duration timeout, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }
}
