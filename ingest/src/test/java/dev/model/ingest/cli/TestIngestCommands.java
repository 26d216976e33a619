package dev.model.ingest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.model.cli.CliEnvironment;
import dev.model.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code model ingest ...} through the real CLI entry point, found by the engine's plugin SPI. */
final class TestIngestCommands {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        CliEnvironment env = new CliEnvironment(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), dir, dir, false);
        return Main.run(args, env);
    }

    @Test
    void theIngestCommandIsAddedByThePlugin() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("ingest"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void generateWritesReproducibleSeedCsvs() throws Exception {
        assertEquals(0, run("ingest", "generate", "--customers", "50", "--products", "40", "--orders", "100", "--seed", "3",
                "--events", "20", "--out", "a"));
        assertEquals(0, run("ingest", "generate", "--customers", "50", "--products", "40", "--orders", "100", "--seed", "3",
                "--out", "b"));
        List<String> customers = Files.readAllLines(dir.resolve("a/customers.csv"));
        assertEquals("customer_id,first_name,last_name,email,city,country_code,signup_date,acquisition_channel", customers.get(0));
        assertEquals(51, customers.size());
        assertEquals("order_id,customer_id,ordered_at,status,payment_method,sales_channel,shipping_cents,currency",
                Files.readAllLines(dir.resolve("a/orders.csv")).get(0));
        assertEquals(101, Files.readAllLines(dir.resolve("a/orders.csv")).size());
        assertEquals(41, Files.readAllLines(dir.resolve("a/products.csv")).size());
        for (String file : List.of("customers.csv", "products.csv", "orders.csv", "order_lines.csv")) {
            assertEquals(Files.readString(dir.resolve("a").resolve(file)), Files.readString(dir.resolve("b").resolve(file)), file);
        }
        assertEquals(20, Files.readAllLines(dir.resolve("a/events.jsonl")).size());
    }

    @Test
    void produceToAnUnreachableBrokerFailsWithAClearMessage() {
        assertEquals(2, run("ingest", "produce", "--bootstrap-servers", "127.0.0.1:1", "--count", "1"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("Error: No Kafka broker answered at 127.0.0.1:1 within 10 s;"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void replayNeedsAFileAndNamesTheBadLine() throws Exception {
        assertEquals(2, run("ingest", "produce", "--bootstrap-servers", "127.0.0.1:1", "--mode", "replay"));
        assertEquals("Error: --mode replay needs --file with the events to send", err.toString(StandardCharsets.UTF_8).trim());
    }
}
