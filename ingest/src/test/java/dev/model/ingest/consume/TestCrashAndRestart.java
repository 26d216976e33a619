package dev.model.ingest.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.model.adapter.WarehouseAdapter;
import dev.model.ingest.broker.EmbeddedKafka;
import dev.model.ingest.metrics.IngestMetrics;
import dev.model.log.Log;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Exactly-once across a SIGKILLed consumer process and across a broker restart. */
final class TestCrashAndRestart {

    private static final Pattern LOADED = Pattern.compile("^model_ingest_events_loaded_total\\{.*} ([0-9.Ee+]+)$", Pattern.MULTILINE);

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void killedConsumerProcessRestartsWithoutLossOrDuplicates() throws Exception {
        try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"), 0, 3).start()) {
            Map<String, Long> produced = TestingIngest.produce(kafka.bootstrapServers(), "kill", 60_000, 11, 3);
            Path project = project(dir.resolve("project"));
            int metricsPort = freePort();
            Process first = consumerProcess(kafka.bootstrapServers(), project, metricsPort, dir.resolve("first.log"));
            try {
                TestingIngest.waitUntil("the consumer loaded some rows", Duration.ofSeconds(120),
                        () -> loaded(metricsPort) > 0 || !first.isAlive());
                assertTrue(first.isAlive(), "the consumer exited before the kill: " + Files.readString(dir.resolve("first.log")));
                double atKill = loaded(metricsPort);
                long total = produced.values().stream().mapToLong(Long::longValue).sum();
                assertTrue(atKill < total, "the kill came after everything loaded: " + atKill);
            } finally {
                first.destroyForcibly();
                first.waitFor(30, TimeUnit.SECONDS);
            }
            Process second = consumerProcess(kafka.bootstrapServers(), project, freePort(), dir.resolve("second.log"));
            try {
                assertTrue(second.waitFor(180, TimeUnit.SECONDS), "the restarted consumer did not finish");
                assertEquals(0, second.exitValue(), Files.readString(dir.resolve("second.log")));
            } finally {
                second.destroyForcibly();
            }
            try (WarehouseAdapter adapter = TestingIngest.duckdb(project.resolve("target/shop.duckdb"))) {
                for (Map.Entry<String, Long> topic : produced.entrySet()) {
                    long[] rows = TestingIngest.rowsAndDistinct(adapter, topic.getKey());
                    assertEquals(topic.getValue(), rows[0], topic.getKey());
                    assertEquals(rows[0], rows[1], "duplicate Kafka coordinates in " + topic.getKey());
                }
            }
        }
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void brokerRestartMidStreamLosesAndDuplicatesNothing() throws Exception {
        EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"), 0, 3).start();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Map<String, Long> produced = new java.util.TreeMap<>(TestingIngest.produce(kafka.bootstrapServers(), "restart", 5000, 21, 3));
            List<String> topics = new ArrayList<>(produced.keySet());
            try (WarehouseAdapter adapter = TestingIngest.duckdb(dir.resolve("shop.duckdb"));
                 IngestMetrics metrics = new IngestMetrics();
                 RawConsumer consumer = new RawConsumer(adapter, TestingIngest.settings(kafka.bootstrapServers(), topics,
                         "g-restart"), 0, metrics, Log.silent())) {
                Future<RawConsumer.Totals> run = thread.submit(consumer::run);
                TestingIngest.waitUntil("the first events loaded", Duration.ofSeconds(60), () -> metrics.loadedCount() > 0);
                kafka.stop();
                Thread.sleep(1500);
                kafka.start();
                TestingIngest.produce(kafka.bootstrapServers(), "restart", 5000, 22, 3)
                        .forEach((topic, n) -> produced.merge(topic, n, Long::sum));
                long total = produced.values().stream().mapToLong(Long::longValue).sum();
                TestingIngest.waitUntil("every event loaded", Duration.ofSeconds(90), () -> metrics.loadedCount() >= total);
                consumer.stop();
                assertEquals(total, run.get(60, TimeUnit.SECONDS).loaded());
                for (String topic : topics) {
                    long[] rows = TestingIngest.rowsAndDistinct(adapter, topic);
                    assertEquals(produced.get(topic), rows[0], topic);
                    assertEquals(rows[0], rows[1], "duplicate Kafka coordinates in " + topic);
                }
            }
        } finally {
            thread.shutdownNow();
            kafka.stop();
        }
    }

    private static Path project(Path project) throws IOException {
        Files.createDirectories(project);
        Files.writeString(project.resolve("dbt_project.yml"), "name: shop\nversion: '1.0.0'\nconfig-version: 2\nprofile: shop\n");
        Files.writeString(project.resolve("profiles.yml"),
                "shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: target/shop.duckdb\n      schema: main\n");
        return project;
    }

    /** The real command, {@code model ingest consume}, in its own JVM, so it can be killed with SIGKILL. */
    private static Process consumerProcess(String bootstrap, Path project, int metricsPort, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = List.of(java, "-Xmx512m", "-cp", classPath, "dev.model.cli.Main", "ingest", "consume",
                "--bootstrap-servers", bootstrap, "--topics", "kill.orders,kill.web", "--group", "g-kill",
                "--project-dir", project.toString(), "--max-batch-records", "1000", "--max-batch-ms", "50",
                "--idle-exit-ms", "5000", "--metrics-port", String.valueOf(metricsPort));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static double loaded(int port) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/metrics")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = LOADED.matcher(response.body());
            double sum = 0;
            while (m.find()) {
                sum += Double.parseDouble(m.group(1));
            }
            return sum;
        } catch (IOException e) {
            return 0; // Not serving yet.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
