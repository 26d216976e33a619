package dev.model.adapter.snowflake;

import dev.model.adapter.WarehouseAdapter;
import dev.model.adapter.snowflake.emulator.TestingSnowflakeEmulator;
import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import dev.model.log.Log;
import dev.model.project.Target;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Key-pair login end to end: a dbt-snowflake profile with {@code private_key_path}, the adapter, the
 * unmodified driver's JWT, and the Snowflake protocol emulator checking it against the user's
 * registered public key.
 */
final class TestSnowflakeKeyPairLogin {

    private static final String PASSPHRASE = "key-pair-passphrase-77";
    private static PrivateKey key;
    private static PrivateKey otherKey;

    @TempDir
    Path dir;
    private TestingSnowflakeEmulator emulator;

    @BeforeAll
    static void generate() {
        key = TestingKeys.generate();
        otherKey = TestingKeys.generate();
    }

    @BeforeEach
    void start() {
        emulator = TestingSnowflakeEmulator.start(TestingSnowflakeEmulator.Options.defaults()
                .withPublicKey("key_user", publicKeyOf(key)));
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    /** The public half, as {@code openssl rsa -pubout} gives it to ALTER USER ... SET RSA_PUBLIC_KEY. */
    private static PublicKey publicKeyOf(PrivateKey privateKey) {
        RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) privateKey;
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private Target target(Map<String, Object> login) {
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("account", emulator.account());
        connection.put("host", emulator.host());
        connection.put("port", emulator.port());
        connection.put("protocol", "http");
        connection.put("user", "key_user");
        connection.put("connect_retries", 0);
        connection.putAll(login);
        return TestingSnowflakeTarget.of(connection, Map.of());
    }

    private Path write(String name, String pem) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, pem);
        return file;
    }

    private static void assertLogsInAndQueries(WarehouseAdapter adapter) {
        adapter.testConnection();
        assertEquals(List.of(List.of("KEY_USER")), adapter.query("select current_user()", 0).rows());
        assertEquals(List.of(List.of("TRANSFORMER")), adapter.query("select current_role()", 0).rows());
    }

    @Test
    void unencryptedPkcs8KeyFileLogsIn() throws Exception {
        Path file = write("rsa_key.p8", TestingKeys.pkcs8Pem(key));
        try (WarehouseAdapter adapter = SnowflakeAdapter.open(target(Map.of("private_key_path", file.toString())), dir, Log.silent())) {
            assertLogsInAndQueries(adapter);
        }
    }

    @Test
    void encryptedPkcs8KeyFileWithPassphraseLogsIn() throws Exception {
        Path file = write("rsa_key_enc.p8", TestingKeys.encryptedPem(key, PASSPHRASE, TestingKeys.PBES2_AES));
        try (WarehouseAdapter adapter = SnowflakeAdapter.open(target(Map.of("private_key_path", file.toString(),
                "private_key_passphrase", PASSPHRASE)), dir, Log.silent())) {
            assertLogsInAndQueries(adapter);
        }
    }

    @Test
    void inlinePrivateKeyLogsInToo() {
        try (WarehouseAdapter adapter = SnowflakeAdapter.open(target(Map.of("private_key", TestingKeys.pkcs8Pem(key))), dir,
                Log.silent())) {
            assertLogsInAndQueries(adapter);
        }
    }

    @Test
    void aKeyThatIsNotRegisteredIsSnowflakesJwtErrorWithoutKeyOrPassphrase() throws Exception {
        String pem = TestingKeys.encryptedPem(otherKey, PASSPHRASE, TestingKeys.PBES2_AES);
        Path file = write("wrong_key.p8", pem);
        try (WarehouseAdapter adapter = SnowflakeAdapter.open(target(Map.of("private_key_path", file.toString(),
                "private_key_passphrase", PASSPHRASE)), dir, Log.silent())) {
            ModelException error = assertThrows(ModelException.class, adapter::testConnection);
            assertEquals(ErrorCategory.WAREHOUSE, error.category());
            String message = error.getMessage();
            assertTrue(message.matches("Snowflake error 390144: JWT token is invalid\\. \\[[0-9a-f-]{36}]"
                    + " \\(target 'dev', user 'key_user', account 'emulator'\\)"), message);
            assertNoKeyMaterial(message, pem);
            for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
                assertNoKeyMaterial(String.valueOf(cause.getMessage()), pem);
            }
        }
    }

    @Test
    void theRegisteredKeyOfAnotherUserDoesNotLogIn() throws Exception {
        Path file = write("rsa_key.p8", TestingKeys.pkcs8Pem(key));
        try (WarehouseAdapter adapter = SnowflakeAdapter.open(target(Map.of("private_key_path", file.toString(),
                "user", "model_user")), dir, Log.silent())) {
            ModelException error = assertThrows(ModelException.class, adapter::testConnection);
            assertTrue(error.getMessage().startsWith("Snowflake error 390144: JWT token is invalid."), error.getMessage());
        }
    }

    private static void assertNoKeyMaterial(String text, String pem) {
        assertFalse(text.contains(PASSPHRASE), text);
        assertFalse(text.contains("PRIVATE KEY"), text);
        for (String line : pem.split("\n")) {
            if (!line.startsWith("-----") && line.length() > 16) {
                assertFalse(text.contains(line.substring(0, 16)), text);
            }
        }
        String der = java.util.Base64.getEncoder().encodeToString(otherKey.getEncoded());
        assertFalse(text.contains(der.substring(40, 72)), text);
    }
}
