package dev.model.ingest.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.model.adapter.Adapters;
import dev.model.adapter.WarehouseAdapter;
import dev.model.adapter.snowflake.emulator.ReceivedStatement;
import dev.model.adapter.snowflake.emulator.TestingSnowflakeEmulator;
import dev.model.ingest.broker.EmbeddedKafka;
import dev.model.ingest.metrics.IngestMetrics;
import dev.model.log.Log;
import dev.model.project.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDBC sink on a {@code type: snowflake} target, through the unmodified Snowflake JDBC driver,
 * against the Snowflake protocol emulator (a DuckDB-backed test stand-in, not Snowflake), with a
 * real in-process Kafka broker.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
final class TestSnowflakeIngest {

    @TempDir
    static Path kafkaDir;

    static EmbeddedKafka kafka;

    @TempDir
    Path dir;

    TestingSnowflakeEmulator emulator;

    @BeforeAll
    static void startKafka() {
        kafka = new EmbeddedKafka(kafkaDir, 0, 3).start();
    }

    @AfterAll
    static void stopKafka() {
        kafka.stop();
    }

    @BeforeEach
    void startEmulator() {
        emulator = TestingSnowflakeEmulator.start();
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    private WarehouseAdapter snowflake() {
        Map<String, Object> settings = new HashMap<>(Map.of("account", "emulator", "host", emulator.host(),
                "port", emulator.port(), "protocol", "http", "user", "model_user", "password", "model_password",
                "role", "TRANSFORMER", "warehouse", "TRANSFORMING"));
        Target target = new Target("shop", "dev", "snowflake", "ANALYTICS", "staging", 4, settings);
        return Adapters.discover().open(target, dir, Log.silent());
    }

    private static long count(WarehouseAdapter adapter, String sql) {
        return TestingIngest.count(adapter, sql);
    }

    /** Rows per partition of a RAW table, through the adapter (Snowflake SQL). */
    private static Map<Integer, long[]> rowsPerPartition(WarehouseAdapter adapter, String topic) {
        Map<Integer, long[]> out = new HashMap<>();
        for (List<Object> row : adapter.query("select kafka_partition, count(*), count(distinct kafka_offset), "
                + "max(kafka_offset) from " + new RawTables(adapter).rawTable(topic).render() + " group by kafka_partition", 0).rows()) {
            out.put(((Number) row.get(0)).intValue(), new long[] {((Number) row.get(1)).longValue(),
                    ((Number) row.get(2)).longValue(), ((Number) row.get(3)).longValue()});
        }
        return out;
    }

    private static Map<String, Long> offsets(WarehouseAdapter adapter, String group) {
        Map<String, Long> out = new HashMap<>();
        for (List<Object> row : adapter.query("select topic, partition, last_offset from " + new RawTables(adapter).offsets().render() + " where "
                + "consumer_group = '" + group + "'", 0).rows()) {
            out.put(row.get(0) + "/" + ((Number) row.get(1)).intValue(), ((Number) row.get(2)).longValue());
        }
        return out;
    }

    @Test
    void everyEventOnceAsVariantWithDeadLettersOffsetsAndOneArrayBoundRequestPerTable() throws Exception {
        Map<String, Long> produced = TestingIngest.produce(kafka.bootstrapServers(), "sfx", 2400, 51, 3);
        String poisonTopic = "sfx.poison";
        List<byte[]> values = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            values.add((i % 20 == 4 ? "oops " + i : "{\"event_id\": \"p" + i + "\", \"event_type\": \"page_viewed\", "
                    + "\"n\": " + i + "}").getBytes(StandardCharsets.UTF_8));
        }
        dev.model.ingest.produce.EventProducer.ensureTopics(kafka.bootstrapServers(), Set.of(poisonTopic), 1, Duration.ofSeconds(20));
        TestingIngest.sendRaw(kafka.bootstrapServers(), poisonTopic, values);
        long good = produced.values().stream().mapToLong(Long::longValue).sum() + 190;
        List<String> topics = new ArrayList<>(produced.keySet());
        topics.add(poisonTopic);
        ConsumerSettings settings = TestingIngest.settings(kafka.bootstrapServers(), topics, "g-sf").withLimits(good + 10, 5000);
        RawConsumer.Totals totals;
        try (WarehouseAdapter adapter = snowflake(); IngestMetrics metrics = new IngestMetrics()) {
            try (RawConsumer consumer = new RawConsumer(adapter, settings, 0, metrics, Log.silent())) {
                totals = consumer.run();
            }
            assertEquals(good, totals.loaded());
            assertEquals(10, totals.deadLettered());
            for (Map.Entry<String, Long> topic : produced.entrySet()) {
                Map<Integer, long[]> partitions = rowsPerPartition(adapter, topic.getKey());
                assertEquals(topic.getValue(), partitions.values().stream().mapToLong(p -> p[0]).sum(), topic.getKey());
                Map<String, Long> stored = offsets(adapter, "g-sf");
                partitions.forEach((partition, p) -> {
                    assertEquals(p[0], p[1], "duplicate offsets in " + topic.getKey() + " partition " + partition);
                    // Generated events are all good: the stored offset is the last row's.
                    assertEquals(p[2], stored.get(topic.getKey() + "/" + partition), topic.getKey() + "/" + partition);
                });
                // The payload is a VARIANT: its fields are readable with Snowflake's path syntax.
                assertEquals(topic.getValue(), count(adapter, "select count(*) from " + new RawTables(adapter).rawTable(topic.getKey()).render()
                        + " where payload:event_id::varchar = event_id and payload:event_type::varchar = event_type"));
            }
            assertEquals(190, count(adapter, "select count(*) from analytics.raw.sfx_poison where payload:n::int >= 0"));
            assertEquals(10, count(adapter, "select count(*) from analytics.raw._dead_letter where kafka_topic = 'sfx.poison' "
                    + "and error like 'not valid JSON%'"));
            assertEquals(199L, offsets(adapter, "g-sf").get("sfx.poison/0"));
            assertEquals(List.of("EVENT_ID VARCHAR(16777216)", "EVENT_TYPE VARCHAR(16777216)", "PAYLOAD VARIANT",
                    "KAFKA_TOPIC VARCHAR(16777216)", "KAFKA_PARTITION NUMBER(38,0)", "KAFKA_OFFSET NUMBER(38,0)",
                    "KAFKA_TIMESTAMP TIMESTAMP_NTZ(9)", "KAFKA_KEY VARCHAR(16777216)", "INGESTED_AT TIMESTAMP_NTZ(9)"),
                    adapter.getColumns(adapter.relation(null, "raw", "sfx_orders")).stream()
                            .map(c -> c.name() + " " + c.dataType()).toList());
        }
        List<ReceivedStatement> inserts = emulator.statements().stream()
                .filter(s -> s.sqlText().startsWith("insert into ANALYTICS.raw.sfx_")).toList();
        assertEquals("insert into ANALYTICS.raw.sfx_orders (event_id, event_type, kafka_topic, kafka_partition, kafka_offset, "
                + "kafka_timestamp, kafka_key, ingested_at, payload) select column1, column2, column3, column4, column5, "
                + "column6, column7, column8, parse_json(column9) from values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                inserts.stream().filter(s -> s.sqlText().contains("sfx_orders")).findFirst().orElseThrow().sqlText());
        // Each table's rows of a batch arrive as ONE array-bound request, none row by row.
        assertEquals(good, inserts.stream().mapToLong(ReceivedStatement::bindRows).sum());
        assertTrue(inserts.size() <= totals.batches() * 3, inserts.size() + " inserts for " + totals.batches() + " batches");
        assertTrue(inserts.stream().mapToInt(ReceivedStatement::bindRows).max().orElse(0) >= 100);
        // A batch is one transaction on one session: begin, its inserts, the offsets merge, commit.
        List<ReceivedStatement> all = emulator.statements();
        int merge = indexOf(all, s -> s.sqlText().startsWith("merge into ANALYTICS.raw._ingest_offsets as t using ("));
        int begin = lastIndexBefore(all, merge, s -> s.sqlText().equals("begin"));
        assertTrue(begin >= 0 && begin < merge);
        assertEquals("commit", all.get(merge + 1).sqlText());
        long session = all.get(merge).sessionId();
        assertTrue(all.subList(begin, merge + 2).stream().allMatch(s -> s.sessionId() == session));
        assertTrue(all.subList(begin, merge).stream().anyMatch(s -> s.sqlText().contains("parse_json(column9)")));
    }

    @Test
    void aRestartAfterAFailureMidTransactionNeitherLosesNorDuplicates() throws Exception {
        Map<String, Long> produced = TestingIngest.produce(kafka.bootstrapServers(), "sfr", 3000, 61, 3);
        long total = produced.values().stream().mapToLong(Long::longValue).sum();
        List<String> topics = new ArrayList<>(produced.keySet());
        ConsumerSettings settings = TestingIngest.settings(kafka.bootstrapServers(), topics, "g-sfr");
        AtomicReference<RawConsumer> first = new AtomicReference<>();
        int[] merges = {0};
        // The third batch's offsets merge fails after its inserts ran, and the process stops there.
        emulator.failNext(sql -> {
            if (sql.startsWith("merge into") && ++merges[0] == 3) {
                first.get().stop();
                return true;
            }
            return false;
        }, 100132, "P0000", "injected failure in the middle of the transaction");
        try (WarehouseAdapter adapter = snowflake(); IngestMetrics metrics = new IngestMetrics()) {
            RawConsumer.Totals before;
            try (RawConsumer consumer = new RawConsumer(adapter, settings.withLimits(0, 20_000), 0, metrics, Log.silent())) {
                first.set(consumer);
                before = consumer.run();
            }
            assertEquals(2, before.batches());
            assertEquals(0, before.retries());
            long afterCrash = 0;
            Map<String, Long> stored = offsets(adapter, "g-sfr");
            for (String topic : topics) {
                Map<Integer, long[]> partitions = rowsPerPartition(adapter, topic);
                for (Map.Entry<Integer, long[]> p : partitions.entrySet()) {
                    // The rolled-back inserts left nothing: the rows are exactly those the offsets say.
                    assertEquals(stored.get(topic + "/" + p.getKey()) + 1, p.getValue()[0], topic + "/" + p.getKey());
                    afterCrash += p.getValue()[0];
                }
            }
            assertEquals(before.loaded(), afterCrash);
            assertTrue(afterCrash < total);
            try (RawConsumer restarted = new RawConsumer(adapter, settings.withLimits(0, 3000), 0, metrics, Log.silent())) {
                assertEquals(total - afterCrash, restarted.run().loaded());
            }
            for (String topic : topics) {
                Map<Integer, long[]> partitions = rowsPerPartition(adapter, topic);
                assertEquals(produced.get(topic), partitions.values().stream().mapToLong(p -> p[0]).sum(), topic);
                partitions.forEach((partition, p) -> assertEquals(p[0], p[1], "duplicates in " + topic + "/" + partition));
            }
        }
        assertTrue(emulator.statements().stream().anyMatch(s -> s.sqlText().equals("rollback")));
    }

    @Test
    void modelIngestConsumeTakesASnowflakeProfileUnchanged() throws Exception {
        Map<String, Long> produced = TestingIngest.produce(kafka.bootstrapServers(), "sfcli", 600, 71, 3);
        long total = produced.values().stream().mapToLong(Long::longValue).sum();
        java.nio.file.Files.writeString(dir.resolve("dbt_project.yml"),
                "name: shop\nversion: '1.0.0'\nconfig-version: 2\nprofile: shop\n");
        java.nio.file.Files.writeString(dir.resolve("profiles.yml"), emulator.profileYaml("shop", "dev", "staging", 2));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        dev.model.cli.CliEnvironment env = new dev.model.cli.CliEnvironment(new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), dir, dir, false);
        int code = dev.model.cli.Main.run(new String[] {"ingest", "consume", "--bootstrap-servers", kafka.bootstrapServers(),
                "--topics", String.join(",", produced.keySet()), "--group", "g-cli", "--project-dir", dir.toString(),
                "--consumers", "2", "--max-batch-records", "200", "--idle-exit-ms", "3000"}, env);
        assertEquals(0, code, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("into schema raw of the snowflake warehouse, group 'g-cli'"),
                out.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Loaded " + total + " events"), out.toString(StandardCharsets.UTF_8));
        try (WarehouseAdapter adapter = snowflake()) {
            for (Map.Entry<String, Long> topic : produced.entrySet()) {
                Map<Integer, long[]> partitions = rowsPerPartition(adapter, topic.getKey());
                assertEquals(topic.getValue(), partitions.values().stream().mapToLong(p -> p[0]).sum(), topic.getKey());
                partitions.forEach((partition, p) -> assertEquals(p[0], p[1], topic.getKey() + "/" + partition));
            }
        }
        // Snowpipe Streaming signs in with a key pair only: this password profile is refused, the password unshown.
        out.reset();
        err.reset();
        code = dev.model.cli.Main.run(new String[] {"ingest", "consume", "--bootstrap-servers", kafka.bootstrapServers(),
                "--topics", String.join(",", produced.keySet()), "--group", "g-cli2", "--project-dir", dir.toString(),
                "--sink", "snowpipe-streaming", "--idle-exit-ms", "1000"}, env);
        String printed = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertEquals(2, code, printed);
        assertTrue(printed.contains("Error: profiles.yml: target 'dev' has no private_key_path: Snowpipe Streaming signs in "
                + "with a key pair only"), printed);
        assertTrue(!printed.contains("model_password"), printed);
    }

    private static int indexOf(List<ReceivedStatement> statements, java.util.function.Predicate<ReceivedStatement> test) {
        for (int i = 0; i < statements.size(); i++) {
            if (test.test(statements.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no such statement among " + statements.size());
    }

    private static int lastIndexBefore(List<ReceivedStatement> statements, int end,
                                       java.util.function.Predicate<ReceivedStatement> test) {
        for (int i = end - 1; i >= 0; i--) {
            if (test.test(statements.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
