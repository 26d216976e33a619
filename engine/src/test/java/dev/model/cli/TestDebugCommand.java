package dev.model.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code model debug} on real DuckDB profiles: good, missing, broken, unreachable. */
final class TestDebugCommand {

    private static final String PASSWORD = "hunter2-correct-horse";

    @TempDir
    Path dir;

    private TestingProject withProfile(String output) {
        return TestingProject.create(dir).file("profiles.yml", """
                shop:
                  target: dev
                  outputs:
                    dev:
                """ + output.indent(6));
    }

    private static void assertNoSecret(TestingCli.Outcome outcome) {
        assertFalse(outcome.out().contains(PASSWORD), outcome::toString);
        assertFalse(outcome.err().contains(PASSWORD), outcome::toString);
        assertFalse(outcome.out().contains("hunter2"), outcome::toString);
    }

    private static List<String> lines(TestingCli.Outcome outcome) {
        return outcome.out().lines().toList();
    }

    @Test
    void reportsFilesTargetDriverAndAPassingConnectionWithoutSecrets() {
        withProfile("""
                type: duckdb
                path: ':memory:'
                threads: 3
                password: %s
                settings:
                  memory_limit: 1GB
                credentials:
                  api_token: %s
                  user: ana
                """.formatted(PASSWORD, PASSWORD));

        TestingCli.Outcome outcome = TestingCli.inProject(dir, "debug");

        assertEquals(0, outcome.exitCode(), outcome::toString);
        List<String> lines = lines(outcome);
        assertTrue(lines.contains("Using profiles dir at " + dir), outcome::toString);
        assertTrue(lines.contains("Using profiles.yml file at " + dir.resolve("profiles.yml")), outcome::toString);
        assertTrue(lines.contains("Using dbt_project.yml file at " + dir.resolve("dbt_project.yml")), outcome::toString);
        assertTrue(lines.contains("  profiles.yml file [OK found and valid]"), outcome::toString);
        assertTrue(lines.contains("  dbt_project.yml file [OK found and valid]"), outcome::toString);
        assertTrue(lines.contains("  profile: shop [OK found]"), outcome::toString);
        assertTrue(lines.contains("  target: dev [OK found]"), outcome::toString);
        assertTrue(lines.contains("  type: duckdb"), outcome::toString);
        assertTrue(lines.contains("  database: memory"), outcome::toString);
        assertTrue(lines.contains("  schema: main"), outcome::toString);
        assertTrue(lines.contains("  threads: 3"), outcome::toString);
        assertTrue(lines.contains("  password: ****"), outcome::toString);
        assertTrue(lines.contains("  settings: {memory_limit=1GB}"), outcome::toString);
        assertTrue(lines.contains("  credentials: {api_token=****, user=ana}"), outcome::toString);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  driver: ") && l.toLowerCase().contains("duckdb")),
                outcome::toString);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  server: ") && l.toLowerCase().contains("duckdb")),
                outcome::toString);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Java version: " + System.getProperty("java.version"))),
                outcome::toString);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("model version: ")), outcome::toString);
        assertTrue(lines.contains("  Connection test: [OK connection ok]"), outcome::toString);
        assertEquals("All checks passed!", lines.get(lines.size() - 1), outcome::toString);
        assertNoSecret(outcome);
    }

    @Test
    void aMissingProfileFailsTheCheckWithExitOne() {
        TestingProject.create(dir).file("profiles.yml", "").file("profiles.yml", "other: {}\n");
        java.io.File profile = dir.resolve("profiles.yml").toFile();
        assertTrue(profile.delete());

        TestingCli.Outcome outcome = TestingCli.inProject(dir, "debug");

        assertEquals(1, outcome.exitCode(), outcome::toString);
        List<String> lines = lines(outcome);
        assertTrue(lines.contains("  dbt_project.yml file [OK found and valid]"), outcome::toString);
        assertTrue(lines.contains("  profiles.yml file [ERROR not found]"), outcome::toString);
        assertTrue(lines.contains("1 check failed:"), outcome::toString);
        assertTrue(outcome.out().contains("Could not find profiles.yml; looked in " + dir + ", "
                + dir.resolve("home-without-dbt/.dbt")), outcome::toString);
        assertFalse(outcome.out().contains("All checks passed!"), outcome::toString);
        assertFalse(outcome.out().contains("Connection test"), outcome::toString);
    }

    @Test
    void aBrokenProfileIsReportedInvalidWithTheReasonAndNoSecret() {
        TestingProject.create(dir).file("profiles.yml", """
                shop:
                  target: prod
                  outputs:
                    dev:
                      type: duckdb
                      password: %s
                """.formatted(PASSWORD));

        TestingCli.Outcome outcome = TestingCli.inProject(dir, "debug");

        assertEquals(1, outcome.exitCode(), outcome::toString);
        List<String> lines = lines(outcome);
        assertTrue(lines.contains("  profiles.yml file [ERROR invalid]"), outcome::toString);
        assertTrue(outcome.out().contains("Profile loading failed for the following reason:\n"
                + dir.resolve("profiles.yml")), outcome::toString);
        assertTrue(outcome.out().contains("The profile 'shop' does not have a target named 'prod'. Valid targets: dev"),
                outcome::toString);
        assertNoSecret(outcome);
    }

    @Test
    void anUnreachableWarehouseFailsTheConnectionTestAndMasksSecretsInTheDriverMessage() {
        // The secret is part of the path, so the driver's message would carry it.
        withProfile("""
                type: duckdb
                path: %s/shop.duckdb
                password: %s
                """.formatted(PASSWORD, PASSWORD));

        TestingCli.Outcome outcome = TestingCli.inProject(dir, "debug");

        assertEquals(1, outcome.exitCode(), outcome::toString);
        List<String> lines = lines(outcome);
        assertTrue(lines.contains("  Connection test: [ERROR]"), outcome::toString);
        assertTrue(outcome.out().contains("model was unable to connect to the specified database."), outcome::toString);
        assertTrue(outcome.out().contains("****/shop.duckdb"), outcome::toString);
        assertTrue(lines.contains("1 check failed:"), outcome::toString);
        assertNoSecret(outcome);
    }

    @Test
    void anInvalidProjectFileIsReported() {
        withProfile("type: duckdb\n").file("dbt_project.yml", "name: [unclosed\n");

        TestingCli.Outcome outcome = TestingCli.inProject(dir, "debug");

        assertEquals(1, outcome.exitCode(), outcome::toString);
        assertTrue(lines(outcome).contains("  dbt_project.yml file [ERROR invalid]"), outcome::toString);
        assertTrue(outcome.out().contains("Project loading failed for the following reason:\n"
                + dir.resolve("dbt_project.yml")), outcome::toString);
    }

    @Test
    void configDirPrintsTheFolderOfTheProfileInUse() {
        TestingProject.create(dir).file("elsewhere/profiles.yml", "shop: {}\n");

        TestingCli.Outcome here = TestingCli.inProject(dir, "debug", "--config-dir");
        TestingCli.Outcome elsewhere = TestingCli.inProject(dir, "debug", "--config-dir",
                "--profiles-dir", dir.resolve("elsewhere").toString());

        assertEquals(0, here.exitCode(), here::toString);
        assertTrue(here.out().startsWith("To view your profiles.yml file, run:\n\n"), here::toString);
        assertTrue(here.out().trim().endsWith(" " + dir), here::toString);
        assertEquals(0, elsewhere.exitCode(), elsewhere::toString);
        assertTrue(elsewhere.out().trim().endsWith(" " + dir.resolve("elsewhere")), elsewhere::toString);
    }
}
