package dev.model.adapter.snowflake;

import dev.model.adapter.WarehouseAdapter;
import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import dev.model.project.TestingLog;
import dev.model.task.DebugTask;
import dev.model.task.InvocationOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real driver against a port where nothing listens: retries, the error, and no secret anywhere. */
final class TestSnowflakeUnreachable {

    private static final String PASSWORD = "hunter2-correct-horse";

    @TempDir
    Path dir;

    static int deadPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void connectRetriesRetriesTheNetworkFailureThenNamesItOnce() {
        int port = deadPort();
        List<Duration> waits = new ArrayList<>();
        TestingLog log = new TestingLog();
        var target = TestSnowflakeProfile.target(Map.of("account", "emulator", "host", "127.0.0.1", "port", port,
                "protocol", "http", "connect_retries", 2, "connect_timeout", 1));

        try (WarehouseAdapter adapter = SnowflakeAdapter.open(target, dir, log, waits::add)) {
            ModelException error = assertThrows(ModelException.class, adapter::testConnection);

            assertEquals(ErrorCategory.WAREHOUSE, error.category());
            String message = error.getMessage();
            assertTrue(message.startsWith("Could not reach Snowflake at http://127.0.0.1:" + port
                    + " after 3 attempts (connect_retries: 2): Snowflake error 200015: JDBC driver encountered"
                    + " communication error."), message);
            assertTrue(message.endsWith("(target 'dev', user 'ana', account 'emulator')"), message);
            assertFalse(message.contains("\n"), message);
            assertFalse(message.contains(PASSWORD), message);
            for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
                assertFalse(String.valueOf(cause.getMessage()).contains(PASSWORD), "the driver's own text: " + cause);
            }
            assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(4)), waits);
            assertEquals(2, log.debugMessages().stream().filter(m -> m.startsWith("Snowflake login attempt ")).count(),
                    log.debugMessages().toString());
            log.debugMessages().forEach(m -> assertFalse(m.contains(PASSWORD), m));
        }
    }

    @Test
    void withoutRetriesOneAttemptIsMade() {
        int port = deadPort();
        List<Duration> waits = new ArrayList<>();
        var target = TestSnowflakeProfile.target(Map.of("account", "emulator", "host", "127.0.0.1", "port", port,
                "protocol", "http", "connect_retries", 0, "connect_timeout", 1));
        try (WarehouseAdapter adapter = SnowflakeAdapter.open(target, dir, new TestingLog(), waits::add)) {
            ModelException error = assertThrows(ModelException.class, () -> adapter.query("select 1", 0));
            assertTrue(error.getMessage().contains(" after 1 attempt (connect_retries: 0): Snowflake error 200015"),
                    error.getMessage());
            assertEquals(List.of(), waits);
        }
    }

    @Test
    void modelDebugMasksEverySnowflakeSecret() throws IOException {
        Path key = dir.resolve("rsa_key.p8");
        Files.writeString(key, TestingKeys.encryptedPem(TestingKeys.generate(), "open-sesame-42", TestingKeys.PBES2_AES));
        Files.writeString(dir.resolve("dbt_project.yml"), "name: shop\nprofile: shop\nconfig-version: 2\n");
        Files.writeString(dir.resolve("profiles.yml"), """
                shop:
                  target: dev
                  outputs:
                    dev:
                      type: snowflake
                      account: emulator
                      host: 127.0.0.1
                      port: %d
                      protocol: http
                      user: ana
                      private_key_path: %s
                      private_key_passphrase: open-sesame-42
                      role: TRANSFORMER
                      warehouse: TRANSFORMING
                      database: ANALYTICS
                      schema: dbt_ana
                      connect_retries: 0
                      connect_timeout: 1
                """.formatted(deadPort(), key));
        InvocationOptions options = new InvocationOptions(dir, Optional.of(dir), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), List.of(), false, Map.of(), dir);

        DebugTask.Report report = DebugTask.run(options, dir, new TestingLog());

        String text = String.join("\n", report.lines());
        assertFalse(report.passed(), text);
        assertTrue(report.lines().contains("  private_key_passphrase: ****"), text);
        assertTrue(report.lines().contains("  private_key_path: ****"), text);
        assertTrue(report.lines().contains("  user: ana"), text);
        assertTrue(text.contains("Snowflake error 200015"), text);
        assertFalse(text.contains("open-sesame-42"), text);
        assertFalse(text.contains("MII"), text);
    }
}
