package dev.model.project;

import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

final class TestProfileLoader {

    private static final String PROFILES = """
            shop:
              target: dev
              outputs:
                dev:
                  type: duckdb
                  path: "{{ env_var('DUCKDB_PATH', 'target/dev.duckdb') }}"
                prod:
                  type: snowflake
                  account: acme
                  user: "{{ env_var('SF_USER') }}"
                  password: "{{ env_var('SF_PASSWORD') }}"
                  database: ANALYTICS
                  schema: MARTS
                  threads: "{{ env_var('SF_THREADS', '4') | as_number }}"
                mem:
                  type: duckdb
                  path: ":memory:"
                  schema: raw
                  threads: 3
            """;

    @TempDir
    Path dir;
    Path home;
    ProjectConfig project;

    @BeforeEach
    void setUp() {
        TestingFiles.write(dir, "project/dbt_project.yml", "name: shop\nprofile: shop\n");
        project = ProjectLoader.load(dir.resolve("project"), new TestingLog(), Map.of(), Map.of());
        home = dir.resolve("home");
    }

    @Test
    void duckdbTargetGetsDbtDuckdbDefaults() {
        TestingFiles.write(dir, "project/profiles.yml", PROFILES);
        Target target = ProfileLoader.load(project, Optional.empty(), Optional.empty(), Map.of(), home);
        assertEquals("shop", target.profileName());
        assertEquals("dev", target.name());
        assertEquals("duckdb", target.type());
        assertEquals("dev", target.database(), "database is the stem of the file");
        assertEquals("main", target.schema());
        assertEquals(1, target.threads());
        assertEquals("target/dev.duckdb", target.setting("path"));
    }

    @Test
    void memoryDatabaseAndExplicitThreads() {
        TestingFiles.write(dir, "project/profiles.yml", PROFILES);
        Target target = ProfileLoader.load(project, Optional.empty(), Optional.of("mem"), Map.of(), home);
        assertEquals("memory", target.database());
        assertEquals("raw", target.schema());
        assertEquals(3, target.threads());
    }

    @Test
    void envVarsRenderedAndTypedInTheChosenTarget() {
        TestingFiles.write(dir, "home/.dbt/profiles.yml", PROFILES);
        Target target = ProfileLoader.load(project, Optional.empty(), Optional.of("prod"),
                Map.of("SF_USER", "loader", "SF_PASSWORD", "hunter2"), home);
        assertEquals("snowflake", target.type());
        assertEquals("ANALYTICS", target.database());
        assertEquals("MARTS", target.schema());
        assertEquals(4, target.threads());
        assertEquals("loader", target.setting("user"));
        assertEquals("hunter2", target.setting("password"));
        assertFalse(target.toString().contains("hunter2"));
        assertFalse(target.publicFields().containsValue("hunter2"));
    }

    @Test
    void profilesDirWinsOverProjectAndHome() {
        TestingFiles.write(dir, "project/profiles.yml", PROFILES);
        TestingFiles.write(dir, "elsewhere/profiles.yml", PROFILES.replace("target: dev", "target: mem"));
        Target target = ProfileLoader.load(project, Optional.of(dir.resolve("elsewhere")), Optional.empty(), Map.of(), home);
        assertEquals("mem", target.name());
    }

    @Test
    void notFoundListsEveryPlaceLooked() {
        ModelException e = assertThrows(ModelException.class,
                () -> ProfileLoader.load(project, Optional.empty(), Optional.empty(), Map.of(), home));
        assertEquals(ErrorCategory.PROJECT, e.category());
        assertTrue(e.getMessage().startsWith("Could not find profiles.yml. Looked in: "), e.getMessage());
        assertTrue(e.getMessage().contains(dir.resolve("project").toString()), e.getMessage());
        assertTrue(e.getMessage().contains(home.resolve(".dbt").toString()), e.getMessage());
    }

    @Test
    void missingProfileIsNamed() {
        Path file = TestingFiles.write(dir, "project/profiles.yml", PROFILES.replace("shop:", "other:"));
        ModelException e = assertThrows(ModelException.class,
                () -> ProfileLoader.load(project, Optional.empty(), Optional.empty(), Map.of(), home));
        assertEquals("Could not find profile named 'shop' in " + file + " (profiles found: other)", e.getMessage());
        assertEquals(file, e.location().orElseThrow().file());
    }

    @Test
    void missingTargetListsTheOnesThatExist() {
        Path file = TestingFiles.write(dir, "project/profiles.yml", PROFILES);
        ModelException e = assertThrows(ModelException.class,
                () -> ProfileLoader.load(project, Optional.empty(), Optional.of("staging"), Map.of(), home));
        assertEquals("The profile 'shop' does not have a target named 'staging'. Valid targets: dev, prod, mem",
                e.getMessage());
        assertEquals(file, e.location().orElseThrow().file());
        assertEquals(3, e.location().orElseThrow().line(), "the outputs line");
    }

    @Test
    void missingEnvVarIsNamedWithItsLocation() {
        Path file = TestingFiles.write(dir, "project/profiles.yml", PROFILES);
        ModelException e = assertThrows(ModelException.class,
                () -> ProfileLoader.load(project, Optional.empty(), Optional.of("prod"), Map.of("SF_USER", "u"), home));
        assertEquals("Env var required but not provided: 'SF_PASSWORD'", e.getMessage());
        assertEquals(file, e.location().orElseThrow().file());
        assertEquals(11, e.location().orElseThrow().line(), "the password line");
    }

    @Test
    void badThreadsNeverEchoesSecrets() {
        TestingFiles.write(dir, "project/profiles.yml", """
                shop:
                  target: dev
                  outputs:
                    dev:
                      type: postgres
                      password: s3cret-value
                      threads: many
                """);
        ModelException e = assertThrows(ModelException.class,
                () -> ProfileLoader.load(project, Optional.empty(), Optional.empty(), Map.of(), home));
        assertEquals("'threads' of target 'dev' must be a whole number", e.getMessage());
        assertFalse(e.describe().contains("s3cret"));
    }

    @Test
    void malformedProfilesPointsAtLineAndColumn() {
        Path file = TestingFiles.write(dir, "project/profiles.yml", "shop:\n  outputs:\n    dev: {type: duckdb\n");
        ModelException e = assertThrows(ModelException.class,
                () -> ProfileLoader.load(project, Optional.empty(), Optional.empty(), Map.of(), home));
        assertTrue(e.getMessage().startsWith("Malformed YAML in profiles.yml"), e.getMessage());
        assertEquals(file, e.location().orElseThrow().file());
        assertTrue(e.location().orElseThrow().line() >= 3, e.describe());
    }
}
