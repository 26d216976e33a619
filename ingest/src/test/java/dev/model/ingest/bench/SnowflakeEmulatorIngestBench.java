package dev.model.ingest.bench;

import dev.model.adapter.Adapters;
import dev.model.adapter.WarehouseAdapter;
import dev.model.adapter.snowflake.emulator.ReceivedStatement;
import dev.model.adapter.snowflake.emulator.TestingSnowflakeEmulator;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Throughput of the Snowflake JDBC sink into the Snowflake protocol emulator (a DuckDB-backed test
 * stand-in running in this JVM, reached over local HTTP by the unmodified driver). It measures this
 * code, the driver's array binding and the emulator; it says NOTHING about Snowflake's own speed.
 * Arguments: events, records per batch.
 */
public final class SnowflakeEmulatorIngestBench {

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        Path dir = Files.createTempDirectory("model-sf-ingest-bench-");
        try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"), 0, 3).start();
             TestingSnowflakeEmulator emulator = TestingSnowflakeEmulator.start()) {
            String bootstrap = kafka.bootstrapServers();
            EventProducer.ensureTopics(bootstrap, Set.of(EventFamily.ORDERS.topic("sfb"), EventFamily.WEB.topic("sfb")), 3,
                    Duration.ofSeconds(20));
            EventGenerator generator = EventGenerator.withDefaults(1, Instant.parse("2025-06-01T00:00:00Z"));
            long bytes = 0;
            try (IngestMetrics metrics = new IngestMetrics(); EventProducer producer = new EventProducer(bootstrap, metrics)) {
                for (int i = 0; i < events; i++) {
                    GeneratedEvent event = generator.next();
                    producer.send(event.family().topic("sfb"), event.key(), event.eventType(), event.json());
                    bytes += event.json().length;
                }
                producer.flush();
            }
            Map<String, Object> settings = new HashMap<>(Map.of("account", "emulator", "host", emulator.host(),
                    "port", emulator.port(), "protocol", "http", "user", "model_user", "password", "model_password",
                    "role", "TRANSFORMER", "warehouse", "TRANSFORMING"));
            Target target = new Target("bench", "dev", "snowflake", "ANALYTICS", "staging", 4, settings);
            try (WarehouseAdapter adapter = Adapters.discover().open(target, dir, Log.silent());
                 IngestMetrics metrics = new IngestMetrics();
                 RawConsumer consumer = new RawConsumer(adapter, ConsumerSettings.defaults(bootstrap,
                         List.of("sfb.orders", "sfb.web"), "bench-sf").withBatch(batch, 64L << 20, 1000)
                         .withLimits(events, 0), 0, metrics, Log.silent())) {
                long start = System.nanoTime();
                RawConsumer.Totals totals = consumer.run();
                double elapsed = (System.nanoTime() - start) / 1e9;
                long inserts = emulator.statements().stream().filter(s -> s.sqlText().contains("parse_json(column9)")).count();
                int maxRows = emulator.statements().stream().mapToInt(ReceivedStatement::bindRows).max().orElse(0);
                System.out.printf("Snowflake PROTOCOL EMULATOR (DuckDB-backed, local HTTP; not a Snowflake figure): %d events "
                        + "(%.0f bytes/event avg) in %.2f s = %.0f events/s; %d transactions, %d array-bound inserts "
                        + "(largest %d rows), %.2f s in warehouse writes%n", totals.loaded(), (double) bytes / events, elapsed,
                        totals.loaded() / elapsed, totals.batches(), inserts, maxRows, metrics.writeSeconds());
            }
        }
    }
}
