package dev.model.adapter.snowflake.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Key-pair login (authenticator SNOWFLAKE_JWT) to the Snowflake protocol emulator, through the real driver and by hand-made JWTs. */
final class TestSnowflakeEmulatorKeyPair {

    private static KeyPair registered;
    private static KeyPair other;
    private static TestingSnowflakeEmulator emulator;

    @BeforeAll
    static void start() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        registered = generator.generateKeyPair();
        other = generator.generateKeyPair();
        emulator = TestingSnowflakeEmulator.start(TestingSnowflakeEmulator.Options.defaults()
                .withPublicKey("key_user", registered.getPublic())
                .withPublicKey("model_user", registered.getPublic()));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    /** The driver's key-pair properties: authenticator SNOWFLAKE_JWT and the decrypted key as an object, no password. */
    private static Connection connect(String user, PrivateKey key) throws SQLException {
        Properties properties = emulator.connectionProperties(user, "unused");
        properties.remove("password");
        properties.setProperty("authenticator", "SNOWFLAKE_JWT");
        properties.put("privateKey", key);
        return DriverManager.getConnection(emulator.jdbcUrl(), properties);
    }

    private static String query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            assertTrue(rows.next());
            return rows.getString(1);
        }
    }

    @Test
    void theDriversJwtLogsInAUserWithoutAPassword() throws SQLException {
        try (Connection connection = connect("key_user", registered.getPrivate())) {
            assertEquals("KEY_USER", query(connection, "select current_user()"));
            assertEquals("2", query(connection, "select 1 + 1"));
        }
    }

    @Test
    void aKeyThatIsNotRegisteredIsSnowflakesJwtTokenIsInvalid() {
        SQLException error = assertThrows(SQLException.class, () -> connect("key_user", other.getPrivate()).close());
        assertEquals(390144, error.getErrorCode());
        assertEquals("08001", error.getSQLState());
        assertTrue(error.getMessage().matches("(?s).*JWT token is invalid\\. \\[[0-9a-f-]{36}].*"), error.getMessage());
    }

    @Test
    void aUserWithoutARegisteredKeyCannotUseOne() {
        TestingSnowflakeEmulator.Options noKeys = TestingSnowflakeEmulator.Options.defaults();
        try (TestingSnowflakeEmulator plain = TestingSnowflakeEmulator.start(noKeys)) {
            Properties properties = plain.connectionProperties("model_user", "unused");
            properties.remove("password");
            properties.setProperty("authenticator", "SNOWFLAKE_JWT");
            properties.put("privateKey", registered.getPrivate());
            SQLException error = assertThrows(SQLException.class, () -> DriverManager.getConnection(plain.jdbcUrl(), properties).close());
            assertEquals(390144, error.getErrorCode());
        }
    }

    @Test
    void aUserWithBothLogsInEitherWayAndAKeyOnlyUserHasNoPassword() throws SQLException {
        try (Connection byKey = connect("model_user", registered.getPrivate());
             Connection byPassword = DriverManager.getConnection(emulator.jdbcUrl(), emulator.connectionProperties())) {
            assertEquals("MODEL_USER", query(byKey, "select current_user()"));
            assertEquals("MODEL_USER", query(byPassword, "select current_user()"));
        }
        SQLException error = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(emulator.jdbcUrl(), emulator.connectionProperties("key_user", "any-password")).close());
        assertEquals(390100, error.getErrorCode());
    }

    // ---------------------------------------------------------------- the checks, one by one, on hand-made JWTs

    private static final String ACCOUNT = "EMULATOR";

    private static String jwt(String header, String claims, PrivateKey key) throws GeneralSecurityException {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64.encodeToString(rsa.sign());
    }

    private static String claims(String iss, String sub, long iat, long exp) {
        return "{\"iss\":\"" + iss + "\",\"sub\":\"" + sub + "\",\"iat\":" + iat + ",\"exp\":" + exp + "}";
    }

    private static Optional<String> check(String token, Instant now) {
        return KeyPairJwt.problem(token, "emulator", "key_user", registered.getPublic(), now);
    }

    @Test
    void handMadeJwtsAreCheckedForSignerIssuerSubjectAndTime() throws GeneralSecurityException {
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        long t = now.getEpochSecond();
        String rs256 = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        PublicKey key = registered.getPublic();
        String iss = ACCOUNT + ".KEY_USER." + KeyPairJwt.fingerprint(key);
        String sub = ACCOUNT + ".KEY_USER";

        assertEquals(Optional.empty(), check(jwt(rs256, claims(iss, sub, t, t + 60), registered.getPrivate()), now));
        assertEquals(Optional.of("signature does not match the registered public key"),
                check(jwt(rs256, claims(iss, sub, t, t + 60), other.getPrivate()), now));
        String otherFingerprint = ACCOUNT + ".KEY_USER." + KeyPairJwt.fingerprint(other.getPublic());
        assertEquals(Optional.of("issuer is not " + iss),
                check(jwt(rs256, claims(otherFingerprint, sub, t, t + 60), registered.getPrivate()), now));
        assertEquals(Optional.of("issuer is not " + iss),
                check(jwt(rs256, claims("OTHER_ACCOUNT.KEY_USER." + KeyPairJwt.fingerprint(key), sub, t, t + 60),
                        registered.getPrivate()), now));
        assertEquals(Optional.of("subject is not " + sub),
                check(jwt(rs256, claims(iss, ACCOUNT + ".MODEL_USER", t, t + 60), registered.getPrivate()), now));
        assertEquals(Optional.of("expired"), check(jwt(rs256, claims(iss, sub, t - 120, t - 60), registered.getPrivate()), now));
        assertEquals(Optional.of("issued in the future"),
                check(jwt(rs256, claims(iss, sub, t + 600, t + 660), registered.getPrivate()), now));
        assertEquals(Optional.of("valid for more than an hour"),
                check(jwt(rs256, claims(iss, sub, t, t + 7200), registered.getPrivate()), now));
        assertEquals(Optional.of("algorithm is not RS256"),
                check(jwt("{\"alg\":\"none\"}", claims(iss, sub, t, t + 60), registered.getPrivate()), now));
        assertEquals(Optional.of("not a signed JWT (header.claims.signature)"), check("abc.def", now));
        assertEquals(Optional.of("the user has no registered public key"),
                KeyPairJwt.problem(jwt(rs256, claims(iss, sub, t, t + 60), registered.getPrivate()), "emulator", "key_user", null, now));
    }
}
