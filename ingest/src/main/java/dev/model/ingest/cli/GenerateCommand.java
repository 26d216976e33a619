package dev.model.ingest.cli;

import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import dev.model.ingest.event.EventGenerator;
import dev.model.ingest.generate.HistoryExport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code model ingest generate}: the shop's history as seed CSVs, optionally events as JSON lines for replay. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write historical CSVs (customers, products, orders, order_lines) for seeds; with --events, "
                + "also events.jsonl for 'model ingest produce --mode replay'.")
final class GenerateCommand implements Callable<Integer> {

    @ParentCommand
    IngestCommand parent;

    @Option(names = "--customers", defaultValue = "1000", description = "Customers (default: ${DEFAULT-VALUE}).")
    int customers;

    @Option(names = "--products", defaultValue = "200", description = "Products (default: ${DEFAULT-VALUE}).")
    int products;

    @Option(names = "--orders", defaultValue = "5000", description = "Historical orders (default: ${DEFAULT-VALUE}).")
    int orders;

    @Option(names = "--events", defaultValue = "0", description = "Also write this many stream events to events.jsonl.")
    int events;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed: same seed, same files (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write to (created if missing).")
    Path out;

    @Override
    public Integer call() {
        if (customers < 1 || products < 1 || orders < 0 || events < 0) {
            throw new ModelException(ErrorCategory.USAGE, "--customers and --products must be at least 1, --orders and --events at least 0");
        }
        Path dir = parent.environment().workingDir().resolve(out).normalize();
        HistoryExport.Counts counts = HistoryExport.write(dir, customers, products, orders, seed);
        parent.environment().out().println("Wrote " + counts.customers() + " customers, " + counts.products() + " products, "
                + counts.orders() + " orders and " + counts.orderLines() + " order lines to " + dir);
        if (events > 0) {
            EventGenerator generator = new EventGenerator(seed, Instant.parse("2025-06-01T00:00:00Z"), customers, products,
                    0.02, 0.01);
            Path file = dir.resolve("events.jsonl");
            try (OutputStream stream = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
                for (int i = 0; i < events; i++) {
                    stream.write(generator.next().json());
                    stream.write('\n');
                }
            } catch (IOException e) {
                throw new ModelException(ErrorCategory.USAGE, "Could not write " + file + ": " + e.getMessage(), null, e);
            }
            parent.environment().out().println("Wrote " + events + " events to " + file);
        }
        return 0;
    }
}
