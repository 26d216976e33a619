package dev.model.adapter.snowflake;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;

/** RSA keys for key-pair login tests, made with the JDK and written as OpenSSL writes them. */
final class TestingKeys {

    /** OpenSSL's default for {@code openssl pkcs8 -topk8 -v2 aes256}: PBES2 with PBKDF2-HMAC-SHA256. */
    static final String PBES2_AES = "PBEWithHmacSHA256AndAES_256";

    private TestingKeys() {
    }

    static PrivateKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** {@code -----BEGIN PRIVATE KEY-----}: unencrypted PKCS#8. */
    static String pkcs8Pem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    /** {@code -----BEGIN ENCRYPTED PRIVATE KEY-----}: PKCS#8 encrypted with {@code algorithm}. */
    static String encryptedPem(PrivateKey key, String passphrase, String algorithm) {
        return pem("ENCRYPTED PRIVATE KEY", encryptedDer(key, passphrase, algorithm));
    }

    static byte[] encryptedDer(PrivateKey key, String passphrase, String algorithm) {
        try {
            byte[] salt = new byte[16];
            Arrays.fill(salt, (byte) 7);
            PBEParameterSpec spec = algorithm.contains("AES")
                    ? new PBEParameterSpec(salt, 2048, new javax.crypto.spec.IvParameterSpec(new byte[16]))
                    : new PBEParameterSpec(Arrays.copyOf(salt, 8), 2048);
            var secret = SecretKeyFactory.getInstance(algorithm).generateSecret(new PBEKeySpec(passphrase.toCharArray()));
            Cipher cipher = Cipher.getInstance(algorithm);
            cipher.init(Cipher.ENCRYPT_MODE, secret, spec);
            byte[] encrypted = cipher.doFinal(key.getEncoded());
            if (!algorithm.startsWith("PBEWithHmac")) {
                return new EncryptedPrivateKeyInfo(cipher.getParameters(), encrypted).getEncoded();
            }
            // The JDK writes PBES2 parameters but cannot name them in an EncryptedPrivateKeyInfo: build its DER.
            byte[] pbes2Oid = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x05, 0x0d};
            byte[] algorithmId = tlv(0x30, concat(pbes2Oid, cipher.getParameters().getEncoded()));
            return tlv(0x30, concat(algorithmId, tlv(0x04, encrypted)));
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** {@code -----BEGIN RSA PRIVATE KEY-----}: the PKCS#1 body that PKCS#8 wraps, read out of the DER. */
    static String pkcs1Pem(PrivateKey key) {
        byte[] der = key.getEncoded();
        int[] at = {0};
        readHeader(der, at, 0x30);                 // PrivateKeyInfo SEQUENCE
        int version = readHeader(der, at, 0x02);   // version INTEGER
        at[0] += version;
        int algorithm = readHeader(der, at, 0x30); // AlgorithmIdentifier SEQUENCE
        at[0] += algorithm;
        int length = readHeader(der, at, 0x04);    // OCTET STRING holding RSAPrivateKey
        return pem("RSA PRIVATE KEY", Arrays.copyOfRange(der, at[0], at[0] + length));
    }

    /** Reads a DER tag and length at {@code at}, leaves {@code at} on the value, returns the length. */
    private static int readHeader(byte[] der, int[] at, int tag) {
        if ((der[at[0]] & 0xff) != tag) {
            throw new AssertionError("expected DER tag " + tag + " at " + at[0]);
        }
        int first = der[at[0] + 1] & 0xff;
        at[0] += 2;
        if (first < 0x80) {
            return first;
        }
        int length = 0;
        for (int i = 0; i < (first & 0x7f); i++) {
            length = (length << 8) | (der[at[0]++] & 0xff);
        }
        return length;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] tlv(int tag, byte[] value) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(tag);
        if (value.length < 0x80) {
            out.write(value.length);
        } else if (value.length < 0x100) {
            out.write(0x81);
            out.write(value.length);
        } else {
            out.write(0x82);
            out.write(value.length >> 8);
            out.write(value.length & 0xff);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
