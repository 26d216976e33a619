package dev.model.ingest.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import dev.model.project.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Snowpipe Streaming SDK's connection properties from a dbt-snowflake profile target; no secret in errors. */
final class TestSnowpipeStreamingProperties {

    @TempDir
    Path dir;

    private static Target snowflake(Map<String, Object> extra) {
        Map<String, Object> settings = new HashMap<>(Map.of("account", "xy12345.eu-central-1", "user", "loader",
                "role", "LOADER", "warehouse", "LOADING"));
        settings.putAll(extra);
        return new Target("shop", "prod", "snowflake", "ANALYTICS", "staging", 4, settings);
    }

    private String pem() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(generator.generateKeyPair().getPrivate()
                .getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
    }

    @Test
    void keyPairTargetThroughAPrivateLinkHost() throws Exception {
        String pem = pem();
        Files.writeString(dir.resolve("rsa_key.p8"), pem);
        Properties p = SnowpipeStreaming.properties(snowflake(Map.of("private_key_path", "rsa_key.p8",
                "host", "127.0.0.1", "port", 4567, "protocol", "http")), dir);
        assertEquals("xy12345", p.getProperty("account"));
        assertEquals("loader", p.getProperty("user"));
        assertEquals("http://127.0.0.1:4567", p.getProperty("url"));
        assertEquals("off", p.getProperty("ssl"));
        assertEquals(pem, p.getProperty("private_key"));
        assertEquals("ANALYTICS", p.getProperty("database"));
        assertEquals("LOADER", p.getProperty("role"));
        assertEquals("LOADING", p.getProperty("warehouse"));
        assertFalse(p.containsKey("password"));
    }

    @Test
    void theAccountsOwnHostByDefault() throws Exception {
        Properties p = SnowpipeStreaming.properties(snowflake(Map.of("private_key", pem())), dir);
        assertEquals("https://xy12345.eu-central-1.snowflakecomputing.com:443", p.getProperty("url"));
        assertEquals("on", p.getProperty("ssl"));
    }

    @Test
    void aPasswordTargetIsRefusedWithoutShowingThePassword() {
        ModelException e = assertThrows(ModelException.class, () -> SnowpipeStreaming.properties(
                snowflake(Map.of("password", "Hunter2-secret")), dir));
        assertEquals(ErrorCategory.PROJECT, e.category());
        assertTrue(e.getMessage().contains("target 'prod' has no private_key_path: Snowpipe Streaming signs in with a key "
                + "pair only"), e.getMessage());
        assertFalse(e.getMessage().contains("Hunter2-secret"));
    }

    @Test
    void aMissingKeyFileIsAProjectErrorNamingTheField() {
        // The adapter's profile reader checks the key file first, with its own message.
        ModelException e = assertThrows(ModelException.class, () -> SnowpipeStreaming.properties(
                snowflake(Map.of("private_key_path", "keys/missing.p8")), dir));
        assertEquals(ErrorCategory.PROJECT, e.category());
        assertTrue(e.getMessage().contains("field 'private_key_path' of target 'prod'"), e.getMessage());
    }

    @Test
    void onlySnowflakeTargets() {
        Target duckdb = new Target("shop", "dev", "duckdb", null, "main", 1, Map.of("path", "shop.duckdb"));
        ModelException e = assertThrows(ModelException.class, () -> SnowpipeStreaming.properties(duckdb, dir));
        assertEquals("--sink snowpipe-streaming needs a type: snowflake target; target 'dev' is type duckdb", e.getMessage());
    }
}
