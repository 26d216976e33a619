package dev.model.adapter.snowflake;

import dev.model.adapter.Adapters;
import dev.model.adapter.Quoting;
import dev.model.adapter.WarehouseAdapter;
import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import dev.model.log.Log;
import dev.model.project.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parsing and checking {@code type: snowflake} profiles, as dbt-snowflake users write them. */
final class TestSnowflakeProfile {

    private static final String PASSWORD = "hunter2-correct-horse";
    private static final String PASSPHRASE = "open-sesame-42";
    private static final String TOKEN = "oauth-access-token-xyz";

    @TempDir
    Path dir;

    /** A valid password profile; {@code changes} adds fields, and a null value removes one. */
    static Target target(Map<String, Object> changes) {
        return TestingSnowflakeTarget.of(Map.of("account", "xy12345.eu-west-1", "user", "ana", "password", PASSWORD,
                "threads", 4), changes);
    }

    private SnowflakeProfile profile(Map<String, Object> changes) {
        return SnowflakeProfile.of(target(changes), dir);
    }

    private ModelException bad(Map<String, Object> changes) {
        ModelException error = assertThrows(ModelException.class, () -> profile(changes));
        assertEquals(ErrorCategory.PROJECT, error.category());
        assertNoSecret(error.getMessage());
        return error;
    }

    static void assertNoSecret(String text) {
        for (String secret : new String[] {PASSWORD, PASSPHRASE, TOKEN, "hunter2", "sesame"}) {
            assertFalse(text.contains(secret), text);
        }
        assertFalse(text.contains("MII"), "no key material: " + text);
    }

    @Test
    void passwordProfileBecomesTheDriversLogin() {
        SnowflakeProfile profile = profile(Map.of("query_tag", "dbt_ana_run"));

        assertEquals("jdbc:snowflake://xy12345.eu-west-1.snowflakecomputing.com:443/", profile.jdbcUrl());
        Properties login = profile.driverProperties();
        assertEquals("xy12345", login.getProperty("account"));
        assertEquals("ana", login.getProperty("user"));
        assertEquals(PASSWORD, login.getProperty("password"));
        assertEquals("TRANSFORMER", login.getProperty("role"));
        assertEquals("TRANSFORMING", login.getProperty("warehouse"));
        assertEquals("ANALYTICS", login.getProperty("db"));
        assertEquals("dbt_ana", login.getProperty("schema"));
        assertEquals("10", login.getProperty("loginTimeout"), "dbt-snowflake's documented connect_timeout default");
        assertNull(login.getProperty("ssl"));
        assertNull(login.getProperty("authenticator"));
        assertNull(login.getProperty("CLIENT_SESSION_KEEP_ALIVE"));
        assertEquals("true", login.getProperty("disablePlatformDetection"));
        assertEquals("dbt_ana_run", profile.queryTag());
        assertEquals(1, profile.connectRetries(), "dbt-snowflake's default");
        assertTrue(profile.reuseConnections());
        assertEquals(4, profile.threads());
    }

    @Test
    void hostPortAndProtocolReachAPrivateLinkOrLocalServer() {
        SnowflakeProfile profile = profile(Map.of("account", "my_org-my_acct", "host", "127.0.0.1", "port", 8123,
                "protocol", "http", "connect_timeout", "3", "client_session_keep_alive", true, "insecure_mode", "true",
                "connect_retries", 0));

        assertEquals("jdbc:snowflake://127.0.0.1:8123/", profile.jdbcUrl());
        Properties login = profile.driverProperties();
        assertEquals("my-org-my-acct", login.getProperty("account"), "dbt-snowflake: underscores become hyphens");
        assertEquals("off", login.getProperty("ssl"));
        assertEquals("3", login.getProperty("loginTimeout"));
        assertEquals("true", login.getProperty("CLIENT_SESSION_KEEP_ALIVE"));
        assertEquals("true", login.getProperty("insecureMode"));
        assertEquals(0, profile.connectRetries());
        assertFalse(profile.reuseConnections(), "keep-alive turns reuse off unless the profile sets it");
        assertTrue(profile(Map.of("client_session_keep_alive", true, "reuse_connections", true)).reuseConnections());
        assertFalse(profile(Map.of("reuse_connections", "false")).reuseConnections());
    }

    @Test
    void missingRequiredFieldsAreNamedWithTheTarget() {
        for (String field : new String[] {"account", "user", "warehouse", "database", "schema"}) {
            Map<String, Object> without = new LinkedHashMap<>();
            without.put(field, null);
            assertEquals("profiles.yml: target 'dev' (type snowflake) is missing '" + field + "'", bad(without).getMessage());
        }
    }

    @Test
    void noWayToLogInIsNamed() {
        assertEquals("profiles.yml: target 'dev' (type snowflake) has no way to log in: set 'password',"
                + " 'private_key_path' (key pair), or 'authenticator' (externalbrowser, oauth, ...)",
                bad(nullMap("password")).getMessage());
    }

    @Test
    void twoWaysToLogInAtOnceAreRefused() throws Exception {
        Path key = dir.resolve("rsa_key.p8");
        Files.writeString(key, TestingKeys.pkcs8Pem(TestingKeys.generate()));

        assertEquals("profiles.yml: target 'dev' (type snowflake) sets both 'password' and 'private_key_path';"
                + " choose one way to log in", bad(Map.of("private_key_path", key.toString())).getMessage());
        Map<String, Object> both = new LinkedHashMap<>(Map.of("private_key_path", key.toString(), "private_key", "x"));
        both.put("password", null);
        assertEquals("profiles.yml: target 'dev' (type snowflake) sets both 'private_key' and 'private_key_path';"
                + " choose one way to log in", bad(both).getMessage());
        assertEquals("profiles.yml: target 'dev' (type snowflake) sets both 'password' and 'private_key_path';"
                + " choose one way to log in",
                bad(Map.of("authenticator", "snowflake_jwt", "private_key_path", key.toString())).getMessage());
        assertEquals("profiles.yml: target 'dev' (type snowflake) sets 'password' but logs in with authenticator oauth;"
                + " choose one way to log in", bad(Map.of("authenticator", "oauth", "token", TOKEN)).getMessage());
        assertEquals("profiles.yml: target 'dev' (type snowflake) sets 'password' but logs in with authenticator"
                + " externalbrowser; choose one way to log in", bad(Map.of("authenticator", "externalbrowser")).getMessage());
        assertEquals("profiles.yml: target 'dev' (type snowflake) sets 'token' but logs in with 'password';"
                + " choose one way to log in", bad(Map.of("token", TOKEN)).getMessage());
    }

    @Test
    void unknownAuthenticatorListsTheKnownOnes() {
        assertEquals("profiles.yml: field 'authenticator' of target 'dev' (type snowflake) is 'saml'; expected snowflake,"
                + " snowflake_jwt, jwt, oauth, externalbrowser, username_password_mfa, or an Okta URL"
                + " (https://<okta account>.okta.com)", bad(Map.of("authenticator", "saml")).getMessage());
    }

    @Test
    void badValuesNameTheField() {
        assertEquals("profiles.yml: field 'connect_retries' of target 'dev' (type snowflake) must be a whole number,"
                + " not 'often'", bad(Map.of("connect_retries", "often")).getMessage());
        assertEquals("profiles.yml: field 'port' of target 'dev' (type snowflake) must be between 1 and 65535, not 0",
                bad(Map.of("port", 0)).getMessage());
        assertEquals("profiles.yml: field 'protocol' of target 'dev' (type snowflake) must be https or http, not 'ftp'",
                bad(Map.of("protocol", "ftp")).getMessage());
        assertEquals("profiles.yml: field 'client_session_keep_alive' of target 'dev' (type snowflake) must be true"
                + " or false, not 'sometimes'", bad(Map.of("client_session_keep_alive", "sometimes")).getMessage());
        assertEquals("profiles.yml: field 'private_key_passphrase' of target 'dev' (type snowflake) is set without"
                + " private_key_path or private_key", bad(Map.of("private_key_passphrase", PASSPHRASE)).getMessage());
        assertEquals("profiles.yml: field 'token' of target 'dev' (type snowflake) is required with authenticator oauth",
                bad(Map.of("authenticator", "oauth", "password", "")).getMessage());
    }

    @Test
    void keyPairLoginLoadsTheEncryptedKeyForTheDriver() throws Exception {
        PrivateKey key = TestingKeys.generate();
        Path file = dir.resolve("keys/rsa_key.p8");
        Files.createDirectories(file.getParent());
        Files.writeString(file, TestingKeys.encryptedPem(key, PASSPHRASE, TestingKeys.PBES2_AES));
        Map<String, Object> keyPair = new LinkedHashMap<>(Map.of("private_key_path", "keys/rsa_key.p8",
                "private_key_passphrase", PASSPHRASE));
        keyPair.put("password", null);

        SnowflakeProfile profile = profile(keyPair);

        Properties login = profile.driverProperties();
        assertEquals("SNOWFLAKE_JWT", login.getProperty("authenticator"));
        assertArrayEquals(key.getEncoded(), ((PrivateKey) login.get("privateKey")).getEncoded());
        assertNull(login.getProperty("password"));
        assertFalse(login.containsKey("private_key_file_pwd"), "the driver never sees the passphrase");
        assertTrue(profile.secrets().contains(PASSPHRASE));
        assertNoSecret(profile.toString());
        assertNoSecret(profile.authentication().toString());

        // The same key inline, as dbt-snowflake's private_key field takes it.
        Map<String, Object> inline = new LinkedHashMap<>(Map.of("private_key", TestingKeys.pkcs8Pem(key),
                "authenticator", "snowflake_jwt"));
        inline.put("password", null);
        assertArrayEquals(key.getEncoded(), ((PrivateKey) profile(inline).driverProperties().get("privateKey")).getEncoded());
    }

    @Test
    void unreadableOrWrongKeysNameThePathButNoKeyMaterial() throws Exception {
        Path missing = dir.resolve("nowhere/rsa_key.p8");
        Map<String, Object> keyPair = new LinkedHashMap<>(Map.of("private_key_path", missing.toString(),
                "private_key_passphrase", PASSPHRASE));
        keyPair.put("password", null);
        assertEquals("profiles.yml: field 'private_key_path' of target 'dev' (type snowflake) points at " + missing
                + ", which does not exist", bad(keyPair).getMessage());

        Path file = dir.resolve("rsa_key.p8");
        String pem = TestingKeys.encryptedPem(TestingKeys.generate(), "another-passphrase", TestingKeys.PBES2_AES);
        Files.writeString(file, pem);
        keyPair.put("private_key_path", file.toString());
        ModelException wrong = bad(keyPair);
        assertEquals("profiles.yml: target 'dev' (type snowflake) private key file " + file
                + " could not be decrypted with private_key_passphrase (wrong passphrase?)", wrong.getMessage());
        pem.lines().filter(l -> !l.startsWith("-----")).forEach(l -> assertFalse(wrong.getMessage().contains(l)));

        Map<String, Object> inline = new LinkedHashMap<>(Map.of("private_key", "not-a-key-at-all"));
        inline.put("password", null);
        assertEquals("profiles.yml: field 'private_key' of target 'dev' (type snowflake) is neither a PEM key"
                + " (-----BEGIN PRIVATE KEY-----) nor base64 DER", bad(inline).getMessage());
    }

    @Test
    void authenticatorsMapAsDbtSnowflakeMapsThem() {
        Map<String, Object> oauth = new LinkedHashMap<>(Map.of("authenticator", "oauth", "token", TOKEN));
        oauth.put("password", null);
        oauth.put("user", null);
        Properties o = profile(oauth).driverProperties();
        assertEquals("OAUTH", o.getProperty("authenticator"));
        assertEquals(TOKEN, o.getProperty("token"));
        assertNull(o.getProperty("user"), "user is optional with oauth, as in dbt-snowflake");

        oauth.put("authenticator", "jwt");
        assertEquals("OAUTH", profile(oauth).driverProperties().getProperty("authenticator"),
                "dbt-snowflake passes a jwt profile's token as an OAuth token");

        Map<String, Object> browser = new LinkedHashMap<>(Map.of("authenticator", "ExternalBrowser"));
        browser.put("password", null);
        Properties b = profile(browser).driverProperties();
        assertEquals("EXTERNALBROWSER", b.getProperty("authenticator"));
        assertNull(b.getProperty("loginTimeout"), "a browser login waits for the user, not for 10 seconds");

        Properties mfa = profile(Map.of("authenticator", "username_password_mfa")).driverProperties();
        assertEquals("USERNAME_PASSWORD_MFA", mfa.getProperty("authenticator"));
        assertEquals(PASSWORD, mfa.getProperty("password"));
        assertEquals("true", mfa.getProperty("clientRequestMfaToken"));

        Properties okta = profile(Map.of("authenticator", "https://acme.okta.com")).driverProperties();
        assertEquals("https://acme.okta.com", okta.getProperty("authenticator"));
        assertEquals(PASSWORD, okta.getProperty("password"));
    }

    @Test
    void refreshTokenOauthIsRefusedWithTheWayOut() {
        Map<String, Object> refresh = new LinkedHashMap<>(Map.of("authenticator", "oauth", "token", TOKEN,
                "oauth_client_id", "id", "oauth_client_secret", "client-secret-value"));
        refresh.put("password", null);
        ModelException error = bad(refresh);
        assertEquals("profiles.yml: field 'oauth_client_id' of target 'dev' (type snowflake) (the refresh-token OAuth"
                + " flow) is not supported by model; put an access token in 'token' with authenticator: oauth",
                error.getMessage());
        assertFalse(error.getMessage().contains("client-secret-value"));
    }

    @Test
    void secretsNeverReachToStringOrTheTargetsPublicFields() {
        Target target = target(Map.of("private_key_passphrase", PASSPHRASE, "token", TOKEN));
        assertNoSecret(target.toString());
        assertNoSecret(target.publicFields().toString());
        try (WarehouseAdapter adapter = SnowflakeAdapter.open(target(Map.of()), dir, Log.silent())) {
            assertNoSecret(adapter.toString());
            assertNoSecret(((SnowflakeAdapter) adapter).profile().toString());
        }
    }

    @Test
    void theFactoryDeclaresSnowflakesQuotePolicyWithoutConnecting() {
        assertEquals(Quoting.NONE, Adapters.discover().factory("snowflake").quoting());
        assertEquals(Quoting.ALL_DOUBLE, Adapters.discover().factory("duckdb").quoting());
        try (WarehouseAdapter adapter = Adapters.discover().open(target(Map.of()), dir, Log.silent())) {
            assertEquals(Adapters.discover().factory("snowflake").quoting(), adapter.quoting());
        }
    }

    private static Map<String, Object> nullMap(String key) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(key, null);
        return out;
    }
}
