package dev.model.adapter.snowflake;

import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * How a Snowflake profile logs in, with its secret. {@link #toString()} never shows the secret;
 * {@link #secrets()} lists every secret value so messages can be scrubbed of them.
 *
 * @param method        the dbt-snowflake authenticator this login uses
 * @param password      for password, MFA and Okta logins
 * @param privateKey    for key-pair logins, already decrypted
 * @param token         for OAuth (and dbt's {@code jwt}, an externally issued OAuth token)
 * @param oktaUrl       the Okta endpoint of a native SSO login
 * @param secretTexts   every secret as the profile wrote it (also the passphrase and key text)
 */
record SnowflakeAuthentication(Method method, String password, PrivateKey privateKey, String token, String oktaUrl,
                               List<String> secretTexts) {

    /** The dbt-snowflake authenticators; {@code profileNames} are how a profile writes them. */
    enum Method {
        PASSWORD("snowflake"),
        KEY_PAIR("snowflake_jwt"),
        OAUTH("oauth"),
        JWT("jwt"),
        EXTERNAL_BROWSER("externalbrowser"),
        USERNAME_PASSWORD_MFA("username_password_mfa"),
        OKTA("https://<your okta account>.okta.com");

        private final String profileName;

        Method(String profileName) {
            this.profileName = profileName;
        }

        String profileName() {
            return profileName;
        }
    }

    SnowflakeAuthentication {
        secretTexts = List.copyOf(secretTexts);
    }

    /** The driver's login properties for this method. */
    void addTo(Properties properties) {
        switch (method) {
            case PASSWORD -> properties.setProperty("password", password);
            case KEY_PAIR -> {
                properties.setProperty("authenticator", "SNOWFLAKE_JWT");
                // The driver takes the decrypted key as an object: it never sees the file or the passphrase.
                properties.put("privateKey", privateKey);
            }
            case OAUTH, JWT -> {
                // dbt-snowflake passes a 'jwt' profile's token to the connector as an OAuth token.
                properties.setProperty("authenticator", "OAUTH");
                properties.setProperty("token", token);
            }
            case EXTERNAL_BROWSER -> {
                properties.setProperty("authenticator", "EXTERNALBROWSER");
                // dbt-snowflake caches the browser's id token so each connection does not reopen the browser.
                properties.setProperty("clientStoreTemporaryCredential", "true");
            }
            case USERNAME_PASSWORD_MFA -> {
                properties.setProperty("authenticator", "USERNAME_PASSWORD_MFA");
                properties.setProperty("password", password);
                // Cached MFA token: one Duo push per run, not one per connection.
                properties.setProperty("clientRequestMfaToken", "true");
            }
            case OKTA -> {
                properties.setProperty("authenticator", oktaUrl);
                properties.setProperty("password", password);
            }
        }
    }

    /** Every secret value: the password, token, passphrase and key text as written. */
    List<String> secrets() {
        List<String> out = new ArrayList<>(secretTexts);
        if (password != null) {
            out.add(password);
        }
        if (token != null) {
            out.add(token);
        }
        return out;
    }

    @Override
    public String toString() {
        return "SnowflakeAuthentication[" + method.profileName() + (oktaUrl == null ? "" : " " + oktaUrl) + ", secrets hidden]";
    }
}
