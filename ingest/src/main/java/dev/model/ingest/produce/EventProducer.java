package dev.model.ingest.produce;

import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import dev.model.ingest.metrics.IngestMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * An idempotent Kafka producer (acks=all, enable.idempotence=true): a retried send is written once,
 * and records of one key keep their order. Creates missing topics with the asked partitions.
 */
public final class EventProducer implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final IngestMetrics metrics;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    public EventProducer(String bootstrapServers, IngestMetrics metrics) {
        this.metrics = metrics;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "model-ingest-producer");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Fails with a clear message when no broker answers at {@code bootstrapServers} within the
     * timeout, then creates the topics that are missing, and returns once every partition of
     * {@code topics} takes a write from its leader.
     */
    public static void ensureTopics(String bootstrapServers, Set<String> topics, int partitions, Duration timeout) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(timeout.toMillis()));
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(timeout.toMillis()));
        try (Admin admin = Admin.create(p)) {
            Set<String> existing;
            try {
                existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw unreachable(bootstrapServers, timeout);
            }
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : topics) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, partitions, (short) 1));
                }
            }
            if (!missing.isEmpty()) {
                try {
                    admin.createTopics(missing).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new ModelException(ErrorCategory.USAGE, "Could not create topics " + missing + " at "
                                + bootstrapServers + ": " + e.getCause().getMessage(), null, e);
                    }
                } catch (TimeoutException e) {
                    throw unreachable(bootstrapServers, timeout);
                }
            }
            awaitWritable(admin, topics, bootstrapServers, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException(ErrorCategory.USAGE, "Interrupted while connecting to Kafka at " + bootstrapServers);
        }
    }

    /**
     * Waits until the broker that leads each partition answers for it as its leader, which is later
     * than the topic being described with a leader: a broker publishes new metadata (what Metadata and
     * DescribeTopics answer from) before its replica manager creates the partition's log and makes it
     * leader, and a broker that has just started is not yet unfenced. A produce in that gap fails with
     * NOT_LEADER_OR_FOLLOWER and is retried, but the idempotent producer's next batches for the
     * partition, already in flight behind it, can land first: the broker (Kafka 4.1; KAFKA-15591
     * upstream) accepts any first sequence from a producer it has no state for, so every retry of the
     * first batch is then OUT_OF_ORDER_SEQUENCE_NUMBER until the delivery timeout expires it.
     * ListOffsets for the latest offset goes through the same leader check as Produce, so once every
     * partition answers it, the first batch cannot be refused.
     */
    private static void awaitWritable(Admin admin, Set<String> topics, String bootstrapServers, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!writable(admin, topics, timeout)) {
            if (System.nanoTime() > deadline) {
                throw new ModelException(ErrorCategory.USAGE, "Kafka at " + bootstrapServers + " has no leader that accepts"
                        + " writes for every partition of " + new TreeSet<>(topics) + " after " + timeout.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
    }

    private static boolean writable(Admin admin, Set<String> topics, Duration timeout) throws InterruptedException {
        // Short attempts: the admin client retries a refused partition itself, but the loop above owns the deadline.
        int attemptMs = (int) Math.min(timeout.toMillis(), 2_000);
        try {
            Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
            for (TopicDescription description : admin.describeTopics(topics, new DescribeTopicsOptions().timeoutMs(attemptMs))
                    .allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS).values()) {
                for (TopicPartitionInfo partition : description.partitions()) {
                    if (partition.leader() == null || partition.leader().isEmpty()) {
                        return false;
                    }
                    partitions.put(new TopicPartition(description.name(), partition.partition()), OffsetSpec.latest());
                }
            }
            admin.listOffsets(partitions, new ListOffsetsOptions().timeoutMs(attemptMs)).all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            // Not described, no leader yet, or a leader that does not host the partition yet: wait as for a missing leader.
            return false;
        }
    }

    private static ModelException unreachable(String bootstrapServers, Duration timeout) {
        return new ModelException(ErrorCategory.USAGE, "No Kafka broker answered at " + bootstrapServers + " within "
                + timeout.toSeconds() + " s; start one with 'model ingest broker' or pass --bootstrap-servers");
    }

    /** Sends asynchronously; a failure is counted and raised by {@link #flush()} or the next send. */
    public void send(String topic, String key, String eventType, byte[] value) {
        Exception failed = failure.get();
        if (failed != null) {
            throw new ModelException(ErrorCategory.NODE_FAILURE, "Kafka refused an event: " + failed.getMessage(), null, failed);
        }
        producer.send(new ProducerRecord<>(topic, key, value), (metadata, error) -> {
            if (error == null) {
                metrics.produced(topic, eventType);
            } else {
                metrics.produceFailed();
                failure.compareAndSet(null, error);
            }
        });
    }

    public void flush() {
        producer.flush();
        Exception failed = failure.get();
        if (failed != null) {
            throw new ModelException(ErrorCategory.NODE_FAILURE, "Kafka refused an event: " + failed.getMessage(), null, failed);
        }
    }

    public Map<?, ?> kafkaMetrics() {
        return producer.metrics();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
