package dev.model.run.seed;

import dev.model.adapter.Relation;
import dev.model.run.NodeResult;
import dev.model.run.TestingExecution;
import dev.model.run.execute.RunFlags;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A manual check, not a test (no timing assertions belong in the suite): seeds a CSV of
 * {@code rows} rows (default 1,000,000) on DuckDB through {@link SeedExecutor}, and loads the same
 * file with DuckDB's own {@code create table as select * from read_csv(...)}, and prints rows/s.
 * Run: {@code java -cp <test-classes>:<classes>:<dependencies> dev.model.run.seed.SeedSpeedCheck [rows]}.
 */
final class SeedSpeedCheck {

    private SeedSpeedCheck() {
    }

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = Files.createTempDirectory("seed-speed");
        try (TestingExecution project = new TestingExecution(dir, TestingExecution.Warehouse.DUCKDB)) {
            writeCsv(dir.resolve("seeds/orders.csv"), rows);
            for (int round = 1; round <= 5; round++) {
                var context = project.context(new RunFlags(round % 2 == 1, false, 1, false));
                long start = System.nanoTime();
                NodeResult result = project.execute(new SeedExecutor(), "seed.shop.orders", context);
                double seedSeconds = (System.nanoTime() - start) / 1e9;
                if (!result.message().equals("INSERT " + rows)) {
                    throw new IllegalStateException(result.message());
                }
                Relation raw = project.adapter().relation(null, "main", "orders_raw");
                project.adapter().execute("drop table if exists " + raw.render());
                start = System.nanoTime();
                project.adapter().execute("create table " + raw.render() + " as select * from read_csv("
                        + "'" + dir.resolve("seeds/orders.csv").toAbsolutePath() + "')");
                double rawSeconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("round %d: model seed %.3f s (%,.0f rows/s)   duckdb read_csv %.3f s (%,.0f rows/s)   ratio %.2f%n",
                        round, seedSeconds, rows / seedSeconds, rawSeconds, rows / rawSeconds, seedSeconds / rawSeconds);
            }
        }
    }

    private static void writeCsv(Path file, int rows) throws IOException {
        Files.createDirectories(file.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,customer,amount,ordered_on,ordered_at,paid,note\n");
            for (int i = 1; i <= rows; i++) {
                out.write(i + ",customer_" + (i % 5000) + "," + (i % 1000) + "." + (i % 100) + ",2024-0" + (1 + i % 9)
                        + "-1" + (i % 10) + ",2024-01-01 10:" + (10 + i % 50) + ":00," + (i % 2 == 0) + ",\"note, "
                        + i + "\"\n");
            }
        }
    }
}
