package dev.model.ingest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import dev.model.error.SourceLocation;
import dev.model.ingest.event.EventFamily;
import dev.model.ingest.event.EventGenerator;
import dev.model.ingest.event.GeneratedEvent;
import dev.model.ingest.metrics.IngestMetrics;
import dev.model.ingest.produce.EventProducer;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code model ingest produce}: shop events into Kafka, generated (stream) or read from a JSON-lines file (replay). */
@Command(name = "produce", mixinStandardHelpOptions = true,
        description = "Send shop events to Kafka with an idempotent producer: order events to <prefix>.orders keyed by "
                + "order_id, web events to <prefix>.web keyed by session_id.")
final class ProduceCommand implements Callable<Integer> {

    enum Mode { stream, replay }

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    IngestCommand parent;

    @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT", description = "Kafka to send to, e.g. 127.0.0.1:9092.")
    String bootstrapServers;

    @Option(names = "--mode", defaultValue = "stream", description = "stream (generate events) or replay (read --file) (default: ${DEFAULT-VALUE}).")
    Mode mode;

    @Option(names = "--file", paramLabel = "FILE", description = "JSON lines to replay, one event per line (from 'model ingest generate --events').")
    Path file;

    @Option(names = "--rate", defaultValue = "0", description = "Events per second; 0 = as fast as Kafka takes them (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--count", defaultValue = "0", description = "Stop after this many events; 0 = until Ctrl-C (stream) or the end of the file (replay).")
    long count;

    @Option(names = "--topic-prefix", defaultValue = "shop", description = "Topics are <prefix>.orders and <prefix>.web (default: ${DEFAULT-VALUE}).")
    String topicPrefix;

    @Option(names = "--partitions", defaultValue = "3", description = "Partitions of topics created when missing (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed of the stream (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--start", paramLabel = "INSTANT", description = "Event time of the first event, ISO-8601 UTC (default: now). Fix it with --seed for a reproducible stream.")
    Instant start;

    @Option(names = "--late-share", defaultValue = "0.02", description = "Share of events delivered late (default: ${DEFAULT-VALUE}).")
    double lateShare;

    @Option(names = "--duplicate-share", defaultValue = "0.01", description = "Share of events sent twice with the same event_id (default: ${DEFAULT-VALUE}).")
    double duplicateShare;

    @Option(names = "--customers", defaultValue = "1000", description = "Customers the stream draws from, as 'generate' (default: ${DEFAULT-VALUE}).")
    int customers;

    @Option(names = "--products", defaultValue = "200", description = "Products the stream draws from, as 'generate' (default: ${DEFAULT-VALUE}).")
    int products;

    @Option(names = "--metrics-port", paramLabel = "PORT", description = "Serve Prometheus metrics on 127.0.0.1:PORT/metrics.")
    Integer metricsPort;

    @Override
    public Integer call() {
        if (mode == Mode.replay && file == null) {
            throw new ModelException(ErrorCategory.USAGE, "--mode replay needs --file with the events to send");
        }
        var env = parent.environment();
        Set<String> topics = new LinkedHashSet<>();
        for (EventFamily family : EventFamily.values()) {
            topics.add(family.topic(topicPrefix));
        }
        EventProducer.ensureTopics(bootstrapServers, topics, partitions, Duration.ofSeconds(10));
        AtomicBoolean stopping = new AtomicBoolean();
        java.util.concurrent.CountDownLatch flushed = new java.util.concurrent.CountDownLatch(1);
        // Ctrl-C: stop generating, and let the events already sent be acknowledged before the JVM halts.
        Thread hook = new Thread(() -> {
            stopping.set(true);
            try {
                flushed.await(15, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "produce-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        long sent;
        try (IngestMetrics metrics = new IngestMetrics();
             EventProducer producer = new EventProducer(bootstrapServers, metrics)) {
            if (metricsPort != null) {
                env.out().println("Metrics on http://127.0.0.1:" + metrics.serve(metricsPort) + "/metrics");
            }
            long began = System.nanoTime();
            try (Progress progress = new Progress(env.err(), env.terminal(), () -> String.format(
                    "produced %,d events (%,.0f/s)", metrics.producedCount(),
                    metrics.producedCount() / Math.max(1e-3, (System.nanoTime() - began) / 1e9)))) {
                sent = mode == Mode.stream ? stream(producer, stopping) : replay(producer, stopping);
                producer.flush();
            }
            env.out().println("Sent " + sent + " events to " + String.join(", ", topics) + " at " + bootstrapServers);
        } finally {
            flushed.countDown();
            removeHook(hook);
        }
        return 0;
    }

    private long stream(EventProducer producer, AtomicBoolean stopping) {
        EventGenerator generator = new EventGenerator(seed, start == null ? Instant.now().truncatedTo(ChronoUnit.SECONDS) : start,
                customers, products, lateShare, duplicateShare);
        Pacer pacer = new Pacer(rate);
        long sent = 0;
        while (!stopping.get() && (count == 0 || sent < count)) {
            GeneratedEvent event = generator.next();
            pacer.await(sent);
            producer.send(event.family().topic(topicPrefix), event.key(), event.eventType(), event.json());
            sent++;
        }
        return sent;
    }

    private long replay(EventProducer producer, AtomicBoolean stopping) {
        Path path = parent.environment().workingDir().resolve(file).normalize();
        Pacer pacer = new Pacer(rate);
        long sent = 0;
        int lineNumber = 0;
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String line;
            while (!stopping.get() && (count == 0 || sent < count) && (line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode event;
                try {
                    event = JSON.readTree(line);
                } catch (IOException e) {
                    throw new ModelException(ErrorCategory.USAGE, "not a JSON event", SourceLocation.of(path, lineNumber));
                }
                String type = event.path("event_type").asText("");
                EventFamily family;
                try {
                    family = EventFamily.of(type);
                } catch (IllegalArgumentException e) {
                    throw new ModelException(ErrorCategory.USAGE, "unknown event_type '" + type + "'",
                            SourceLocation.of(path, lineNumber));
                }
                String key = family == EventFamily.ORDERS ? event.path("order_id").asText() : event.path("session_id").asText();
                pacer.await(sent);
                producer.send(family.topic(topicPrefix), key, type, line.getBytes(StandardCharsets.UTF_8));
                sent++;
            }
        } catch (IOException e) {
            throw new ModelException(ErrorCategory.USAGE, "Could not read " + path + ": " + e.getMessage(), null, e);
        }
        return sent;
    }

    static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting (Ctrl-C): the hook has run.
        }
    }

    /** Holds a send until its slot: event n goes at start + n / rate. */
    private static final class Pacer {
        private final double rate;
        private final long began = System.nanoTime();

        Pacer(double rate) {
            this.rate = rate;
        }

        void await(long n) {
            if (rate <= 0) {
                return;
            }
            long due = began + (long) (n * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 1_000_000) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
