package dev.model.ingest.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.model.cli.CliEnvironment;
import dev.model.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main job, on a copy of the example project: embedded broker, produce, exactly-once
 * load into RAW, build with tests, docs. Every produced event must be in RAW exactly once.
 */
final class TestPipelineCommand {

    private static final Path EXAMPLE_PROJECT = Path.of("../project");

    @TempDir
    Path dir;

    @Test
    @Timeout(300)
    void runsTheWholePipelineOnTheExampleProject() throws Exception {
        Path project = dir.resolve("project");
        copy(EXAMPLE_PROJECT, project);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliEnvironment env = new CliEnvironment(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), dir, dir, false);

        int exit = Main.run(new String[] {"pipeline", "--project-dir", "project", "--events", "600", "--idle-exit-ms", "2000"},
                env);

        String printed = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, printed);
        assertTrue(printed.contains("Sent 600 events"), printed);
        assertTrue(printed.contains("ERROR=0 SKIP=0"), printed);
        assertTrue(Files.exists(project.resolve("target/index.html")), printed);
        assertTrue(Files.exists(project.resolve("target/junit.xml")), printed);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:" + project.resolve("target/shop.duckdb"));
             Statement query = db.createStatement();
             ResultSet counts = query.executeQuery("""
                     select count(*), count(distinct kafka_topic || ':' || kafka_partition || ':' || kafka_offset)
                     from (select * from raw.shop_orders union all select * from raw.shop_web)
                     """)) {
            counts.next();
            assertEquals(600, counts.getLong(1), "every produced event in RAW");
            assertEquals(600, counts.getLong(2), "no Kafka record twice");
        }
    }

    @Test
    @Timeout(120)
    void theTargetGoesToTheLoad() throws Exception {
        Path project = dir.resolve("project");
        copy(EXAMPLE_PROJECT, project);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CliEnvironment env = new CliEnvironment(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8), Map.of(), dir, dir, false);

        int exit = Main.run(new String[] {"pipeline", "--project-dir", "project", "--events", "10", "--target", "nosuch"}, env);

        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(2, exit, printed);
        assertTrue(printed.contains("== pipeline 3/4 loading"), printed);
        assertTrue(printed.contains("nosuch"), printed);
        assertTrue(!printed.contains("== pipeline 4/4"), printed);
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path relative = from.relativize(source);
                if (relative.startsWith("target") || relative.startsWith("logs")) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
