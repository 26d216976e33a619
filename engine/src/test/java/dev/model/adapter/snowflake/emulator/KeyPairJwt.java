package dev.model.adapter.snowflake.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks the JWT of a key-pair login (authenticator SNOWFLAKE_JWT, the token in the login request's
 * {@code data.TOKEN}) the way Snowflake documents it: RS256, signed by the user's registered RSA
 * public key, issuer {@code ACCOUNT.USER.SHA256:<base64 SHA-256 of the public key's DER>}, subject
 * {@code ACCOUNT.USER}, issued no later than now and expiring in the future, at most an hour after issue.
 */
final class KeyPairJwt {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Snowflake accepts a JWT for at most an hour after it was issued. */
    private static final Duration LONGEST_LIFETIME = Duration.ofHours(1);
    /** Clocks of client and server differ a little; Snowflake tolerates some skew on the issue time. */
    private static final Duration SKEW = Duration.ofSeconds(60);

    private KeyPairJwt() {
    }

    /** {@code SHA256:<base64>}: the fingerprint Snowflake shows as RSA_PUBLIC_KEY_FP. */
    static String fingerprint(PublicKey key) {
        try {
            return "SHA256:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Why {@code jwt} does not log {@code user} in to {@code account} with {@code key} (null: no key
     * registered), or empty if it does. The reason is for the emulator's own tests; the driver only
     * ever sees Snowflake's one message.
     */
    static Optional<String> problem(String jwt, String account, String user, PublicKey key, Instant now) {
        if (key == null) {
            return Optional.of("the user has no registered public key");
        }
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.of("not a signed JWT (header.claims.signature)");
        }
        JsonNode header;
        JsonNode claims;
        byte[] signature;
        try {
            header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            signature = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException | IOException e) {
            return Optional.of("not base64url JSON");
        }
        if (!"RS256".equals(header.path("alg").asText())) {
            return Optional.of("algorithm is not RS256");
        }
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rsa.verify(signature)) {
                return Optional.of("signature does not match the registered public key");
            }
        } catch (GeneralSecurityException e) {
            return Optional.of("signature does not match the registered public key");
        }
        String qualifiedUser = account.toUpperCase(Locale.ROOT) + "." + user.toUpperCase(Locale.ROOT);
        if (!(qualifiedUser + "." + fingerprint(key)).equals(claims.path("iss").asText())) {
            return Optional.of("issuer is not " + qualifiedUser + "." + fingerprint(key));
        }
        if (!qualifiedUser.equals(claims.path("sub").asText())) {
            return Optional.of("subject is not " + qualifiedUser);
        }
        if (!claims.path("iat").canConvertToLong() || !claims.path("exp").canConvertToLong()) {
            return Optional.of("issue or expiry time missing");
        }
        Instant issued = Instant.ofEpochSecond(claims.path("iat").asLong());
        Instant expires = Instant.ofEpochSecond(claims.path("exp").asLong());
        if (issued.isAfter(now.plus(SKEW))) {
            return Optional.of("issued in the future");
        }
        if (!expires.isAfter(now)) {
            return Optional.of("expired");
        }
        if (Duration.between(issued, expires).compareTo(LONGEST_LIFETIME) > 0) {
            return Optional.of("valid for more than an hour");
        }
        return Optional.empty();
    }
}
