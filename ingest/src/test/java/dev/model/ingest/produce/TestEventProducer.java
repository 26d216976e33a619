package dev.model.ingest.produce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.model.ingest.broker.EmbeddedKafka;
import dev.model.ingest.metrics.IngestMetrics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link EventProducer#ensureTopics} against the in-process broker: a topic it returns for takes a
 * write on every partition at once, which a topic that is only described with a leader does not.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
final class TestEventProducer {

    private static final int PARTITIONS = 6;

    @TempDir
    static Path kafkaDir;

    static EmbeddedKafka kafka;

    @BeforeAll
    static void startKafka() {
        kafka = new EmbeddedKafka(kafkaDir, 0, 1).start();
    }

    @AfterAll
    static void stopKafka() {
        kafka.stop();
    }

    /**
     * The broker publishes a new topic's leader before it hosts the partition; a produce in between
     * is refused with NOT_LEADER_OR_FOLLOWER. With retries off, such a refusal fails the send instead
     * of being hidden by a retry (which, for the idempotent producer, can stall until the delivery
     * timeout when a later batch lands first). Nearly every fresh topic hits that gap on this broker.
     */
    @Test
    void everyPartitionTakesItsFirstWriteWithoutARetryOnceEnsureTopicsReturns() throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
        p.put(ProducerConfig.RETRIES_CONFIG, "0");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            for (int round = 0; round < 8; round++) {
                String topic = "fresh" + round;
                EventProducer.ensureTopics(kafka.bootstrapServers(), Set.of(topic), PARTITIONS, Duration.ofSeconds(60));
                List<Future<RecordMetadata>> sent = new ArrayList<>();
                for (int partition = 0; partition < PARTITIONS; partition++) {
                    sent.add(producer.send(new ProducerRecord<>(topic, partition, "k", "first".getBytes(StandardCharsets.UTF_8))));
                }
                for (int partition = 0; partition < PARTITIONS; partition++) {
                    try {
                        assertEquals(0, sent.get(partition).get().offset());
                    } catch (ExecutionException e) {
                        fail("the first write to " + topic + "-" + partition + " was refused after ensureTopics returned: "
                                + e.getCause(), e.getCause());
                    }
                }
            }
        }
    }

    /** The product's producer on topics created just before: every event is written, once. */
    @Test
    void eventsSentRightAfterEnsureTopicsAreAllWrittenOnce() {
        Set<String> topics = Set.of("burst.orders", "burst.web");
        EventProducer.ensureTopics(kafka.bootstrapServers(), topics, PARTITIONS, Duration.ofSeconds(60));
        int perTopic = 2000;
        try (IngestMetrics metrics = new IngestMetrics(); EventProducer producer = new EventProducer(kafka.bootstrapServers(), metrics)) {
            for (int i = 0; i < perTopic; i++) {
                for (String topic : topics) {
                    producer.send(topic, "key-" + i, "test_event", ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8));
                }
            }
            producer.flush();
        }
        assertEquals(Map.of("burst.orders", (long) perTopic, "burst.web", (long) perTopic), endOffsets(topics));
    }

    private static Map<String, Long> endOffsets(Set<String> topics) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (String topic : topics) {
                for (int partition = 0; partition < PARTITIONS; partition++) {
                    latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
                }
            }
            Map<String, Long> perTopic = new HashMap<>();
            admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS)
                    .forEach((partition, info) -> perTopic.merge(partition.topic(), info.offset(), Long::sum));
            return perTopic;
        } catch (Exception e) {
            throw new AssertionError("could not read the end offsets of " + topics, e);
        }
    }
}
