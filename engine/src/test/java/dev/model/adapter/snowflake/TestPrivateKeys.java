package dev.model.adapter.snowflake;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.PrivateKey;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

final class TestPrivateKeys {

    private static final String PASSPHRASE = "open-sesame-42";
    private static PrivateKey key;

    @BeforeAll
    static void generate() {
        key = TestingKeys.generate();
    }

    @Test
    void readsUnencryptedPkcs8Pem() throws Exception {
        PrivateKey read = PrivateKeys.parse(TestingKeys.pkcs8Pem(key), null);
        assertArrayEquals(key.getEncoded(), read.getEncoded());
        assertEquals("RSA", read.getAlgorithm());
    }

    @Test
    void readsPkcs8EncryptedWithOpenSslsDefaultPbes2Aes256() throws Exception {
        String pem = TestingKeys.encryptedPem(key, PASSPHRASE, TestingKeys.PBES2_AES);
        assertArrayEquals(key.getEncoded(), PrivateKeys.parse(pem, PASSPHRASE).getEncoded());
    }

    @Test
    void readsPkcs8EncryptedWithLegacyTripleDes() throws Exception {
        String pem = TestingKeys.encryptedPem(key, PASSPHRASE, "PBEWithSHA1AndDESede");
        assertArrayEquals(key.getEncoded(), PrivateKeys.parse(pem, PASSPHRASE).getEncoded());
    }

    @Test
    void readsPkcs1RsaPrivateKeyPem() throws Exception {
        assertArrayEquals(key.getEncoded(), PrivateKeys.parse(TestingKeys.pkcs1Pem(key), null).getEncoded());
    }

    @Test
    void readsBase64DerAsDbtSnowflakeAcceptsInline() throws Exception {
        String der = Base64.getEncoder().encodeToString(key.getEncoded());
        assertArrayEquals(key.getEncoded(), PrivateKeys.parse(der, null).getEncoded());
        String encrypted = Base64.getEncoder().encodeToString(TestingKeys.encryptedDer(key, PASSPHRASE, TestingKeys.PBES2_AES));
        assertArrayEquals(key.getEncoded(), PrivateKeys.parse(encrypted, PASSPHRASE).getEncoded());
        // A passphrase given for a plain DER key is not needed, and not an error (dbt's loader ignores it too).
        assertArrayEquals(key.getEncoded(), PrivateKeys.parse(der, PASSPHRASE).getEncoded());
    }

    @Test
    void wrongPassphraseSaysSoWithoutTheKeyOrThePassphrase() {
        String pem = TestingKeys.encryptedPem(key, PASSPHRASE, TestingKeys.PBES2_AES);
        PrivateKeys.KeyProblem problem = assertThrows(PrivateKeys.KeyProblem.class, () -> PrivateKeys.parse(pem, "wrong-one"));
        assertEquals("could not be decrypted with private_key_passphrase (wrong passphrase?)", problem.getMessage());
        assertNoKeyMaterial(problem.getMessage(), pem);
    }

    @Test
    void encryptedKeyWithoutPassphraseAsksForIt() {
        String pem = TestingKeys.encryptedPem(key, PASSPHRASE, TestingKeys.PBES2_AES);
        PrivateKeys.KeyProblem problem = assertThrows(PrivateKeys.KeyProblem.class, () -> PrivateKeys.parse(pem, null));
        assertEquals("is encrypted; set private_key_passphrase", problem.getMessage());
    }

    @Test
    void garbageIsNamedWithoutEchoingIt() {
        String secretish = "this-is-not-a-key-but-looks-secret";
        PrivateKeys.KeyProblem notBase64 = assertThrows(PrivateKeys.KeyProblem.class, () -> PrivateKeys.parse(secretish, null));
        assertEquals("is neither a PEM key (-----BEGIN PRIVATE KEY-----) nor base64 DER", notBase64.getMessage());

        String truncated = TestingKeys.pkcs8Pem(key).substring(0, 200) + "\n-----END PRIVATE KEY-----\n";
        PrivateKeys.KeyProblem broken = assertThrows(PrivateKeys.KeyProblem.class, () -> PrivateKeys.parse(truncated, null));
        assertEquals("is not an unencrypted PKCS#8 RSA private key", broken.getMessage());

        PrivateKeys.KeyProblem certificate = assertThrows(PrivateKeys.KeyProblem.class,
                () -> PrivateKeys.parse("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----", null));
        assertEquals("has an unsupported PEM header '-----BEGIN CERTIFICATE-----' (expected BEGIN PRIVATE KEY"
                + " or BEGIN ENCRYPTED PRIVATE KEY)", certificate.getMessage());
    }

    private static void assertNoKeyMaterial(String message, String pem) {
        for (String line : pem.split("\n")) {
            if (!line.startsWith("-----")) {
                assertFalse(message.contains(line), message);
            }
        }
        assertFalse(message.contains(PASSPHRASE), message);
    }
}
