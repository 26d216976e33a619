package dev.model.adapter.snowflake;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Reads the RSA private key of Snowflake's key-pair login with the JDK alone, in the forms
 * dbt-snowflake accepts: PEM ({@code BEGIN PRIVATE KEY}, {@code BEGIN ENCRYPTED PRIVATE KEY}, or
 * PKCS#1 {@code BEGIN RSA PRIVATE KEY}) or base64 DER. Failures say what is wrong with the key,
 * never a byte of it.
 */
final class PrivateKeys {

    /** Why a key could not be read; the message is safe to show (no key material). */
    static final class KeyProblem extends Exception {
        KeyProblem(String message) {
            super(message);
        }
    }

    private static final String PBES2_OID = "1.2.840.113549.1.5.13";

    private PrivateKeys() {
    }

    /** Parses {@code text}; {@code passphrase} may be null for an unencrypted key. */
    static PrivateKey parse(String text, String passphrase) throws KeyProblem {
        String trimmed = text.strip();
        if (trimmed.startsWith("-----BEGIN")) {
            return parsePem(trimmed, passphrase);
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(trimmed.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new KeyProblem("is neither a PEM key (-----BEGIN PRIVATE KEY-----) nor base64 DER");
        }
        if (der.length == 0) {
            throw new KeyProblem("is empty");
        }
        return passphrase == null ? pkcs8(der) : decryptIfEncrypted(der, passphrase);
    }

    private static PrivateKey parsePem(String pem, String passphrase) throws KeyProblem {
        String header = pem.substring(0, pem.indexOf('\n') < 0 ? pem.length() : pem.indexOf('\n')).strip();
        byte[] der = pemBody(pem);
        return switch (header) {
            case "-----BEGIN PRIVATE KEY-----" -> pkcs8(der);
            case "-----BEGIN ENCRYPTED PRIVATE KEY-----" -> {
                if (passphrase == null) {
                    throw new KeyProblem("is encrypted; set private_key_passphrase");
                }
                yield decrypt(der, passphrase);
            }
            case "-----BEGIN RSA PRIVATE KEY-----" -> {
                if (pem.contains("Proc-Type: 4,ENCRYPTED")) {
                    throw new KeyProblem("is an encrypted PKCS#1 key, which needs OpenSSL's legacy encryption;"
                            + " convert it with: openssl pkcs8 -topk8 -v2 aes256 -in <key> -out rsa_key.p8");
                }
                yield pkcs8(wrapPkcs1(der));
            }
            default -> throw new KeyProblem("has an unsupported PEM header '" + header
                    + "' (expected BEGIN PRIVATE KEY or BEGIN ENCRYPTED PRIVATE KEY)");
        };
    }

    private static byte[] pemBody(String pem) throws KeyProblem {
        StringBuilder body = new StringBuilder();
        for (String line : pem.split("\\R")) {
            String l = line.strip();
            if (l.startsWith("-----") || l.contains(":") || l.isEmpty()) {
                continue;
            }
            body.append(l);
        }
        try {
            return Base64.getDecoder().decode(body.toString());
        } catch (IllegalArgumentException e) {
            throw new KeyProblem("is not valid PEM (its body is not base64)");
        }
    }

    private static PrivateKey pkcs8(byte[] der) throws KeyProblem {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new KeyProblem("is not an unencrypted PKCS#8 RSA private key");
        }
    }

    /** Base64 DER with a passphrase: dbt accepts both encrypted and plain DER there. */
    private static PrivateKey decryptIfEncrypted(byte[] der, String passphrase) throws KeyProblem {
        try {
            new EncryptedPrivateKeyInfo(der);
        } catch (java.io.IOException notEncrypted) {
            return pkcs8(der);
        }
        return decrypt(der, passphrase);
    }

    private static PrivateKey decrypt(byte[] der, String passphrase) throws KeyProblem {
        EncryptedPrivateKeyInfo info;
        try {
            info = new EncryptedPrivateKeyInfo(der);
        } catch (java.io.IOException e) {
            throw new KeyProblem("is not a valid encrypted PKCS#8 key");
        }
        // PBES2 (OpenSSL's default, e.g. -v2 aes256) names its real cipher in the parameters.
        String algorithm = info.getAlgName();
        if ((algorithm.equalsIgnoreCase("PBES2") || algorithm.equals(PBES2_OID)) && info.getAlgParameters() != null) {
            algorithm = info.getAlgParameters().toString();
        }
        PKCS8EncodedKeySpec spec;
        try {
            SecretKey key = SecretKeyFactory.getInstance(algorithm).generateSecret(new PBEKeySpec(passphrase.toCharArray()));
            Cipher cipher = Cipher.getInstance(algorithm);
            cipher.init(Cipher.DECRYPT_MODE, key, info.getAlgParameters());
            spec = info.getKeySpec(cipher);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new KeyProblem("is encrypted with " + algorithm.toLowerCase(Locale.ROOT)
                    + ", which this Java runtime cannot decrypt; re-encrypt it with: openssl pkcs8 -topk8 -v2 aes256");
        } catch (GeneralSecurityException e) {
            throw new KeyProblem("could not be decrypted with private_key_passphrase (wrong passphrase?)");
        }
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(spec);
        } catch (GeneralSecurityException e) {
            throw new KeyProblem("could not be decrypted with private_key_passphrase (wrong passphrase?)");
        }
    }

    /** PKCS#1 RSAPrivateKey DER inside a PKCS#8 PrivateKeyInfo, which the JDK's KeyFactory reads. */
    static byte[] wrapPkcs1(byte[] pkcs1) {
        byte[] version = {0x02, 0x01, 0x00};
        // SEQUENCE { OID 1.2.840.113549.1.1.1 (rsaEncryption), NULL }
        byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01,
                0x01, 0x05, 0x00};
        byte[] octets = tlv(0x04, pkcs1);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(version);
        body.writeBytes(algorithm);
        body.writeBytes(octets);
        return tlv(0x30, body.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = value.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = length > 0xffffff ? 4 : length > 0xffff ? 3 : length > 0xff ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write((length >>> (8 * i)) & 0xff);
            }
        }
        out.writeBytes(value);
        return out.toByteArray();
    }
}
