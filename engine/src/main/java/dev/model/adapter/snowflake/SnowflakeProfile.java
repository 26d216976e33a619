package dev.model.adapter.snowflake;

import dev.model.adapter.TargetSettings;
import dev.model.adapter.snowflake.SnowflakeAuthentication.Method;
import dev.model.error.ModelException;
import dev.model.project.Target;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * A {@code type: snowflake} target as dbt-snowflake reads it, validated: every bad field is a
 * PROJECT error naming the field and the target, and no secret appears in any message or in
 * {@link #toString()}.
 *
 * @param connectTimeoutSeconds the driver's login timeout; null leaves the driver's default
 * @param connectRetries        further attempts after a transient network failure
 * @param retryAll              dbt's {@code retry_all}/{@code retry_on_database_errors}: retry any
 *                              failure to connect except a refused login
 */
public record SnowflakeProfile(
        String targetName,
        String account,
        String user,
        String role,
        String warehouse,
        String database,
        String schema,
        int threads,
        SnowflakeAuthentication authentication,
        String queryTag,
        boolean clientSessionKeepAlive,
        Integer connectTimeoutSeconds,
        int connectRetries,
        boolean retryAll,
        boolean reuseConnections,
        String host,
        int port,
        String protocol,
        boolean insecureMode,
        String proxyHost,
        Integer proxyPort) {

    static final String TYPE = "snowflake";
    private static final String KNOWN_AUTHENTICATORS = "snowflake, snowflake_jwt, jwt, oauth, externalbrowser,"
            + " username_password_mfa, or an Okta URL (https://<okta account>.okta.com)";

    /** Reads and checks {@code target}; relative key paths resolve against {@code baseDirectory}. */
    public static SnowflakeProfile of(Target target, Path baseDirectory) {
        return new Reader(target, baseDirectory).read();
    }

    /** The JDBC URL: dbt-snowflake's {@code host}/{@code port}/{@code protocol}, else the account's own host. */
    public String jdbcUrl() {
        return "jdbc:snowflake://" + host + ":" + port + "/";
    }

    /** What the driver gets at login, secrets included: never print it. */
    Properties driverProperties() {
        Properties p = new Properties();
        p.setProperty("account", account.contains(".") ? account.substring(0, account.indexOf('.')) : account);
        if (user != null) {
            p.setProperty("user", user);
        }
        authentication.addTo(p);
        p.setProperty("db", database);
        p.setProperty("schema", schema);
        p.setProperty("warehouse", warehouse);
        if (role != null) {
            p.setProperty("role", role);
        }
        if (protocol.equals("http")) {
            p.setProperty("ssl", "off");
        }
        if (connectTimeoutSeconds != null) {
            p.setProperty("loginTimeout", String.valueOf(connectTimeoutSeconds));
        }
        if (clientSessionKeepAlive) {
            p.setProperty("CLIENT_SESSION_KEEP_ALIVE", "true");
        }
        if (insecureMode) {
            p.setProperty("insecureMode", "true");
        }
        if (proxyHost != null) {
            p.setProperty("useProxy", "true");
            p.setProperty("proxyHost", proxyHost);
            p.setProperty("proxyPort", String.valueOf(proxyPort == null ? 8080 : proxyPort));
        }
        // The driver otherwise probes cloud metadata endpoints at every login: no hidden network calls.
        p.setProperty("disablePlatformDetection", "true");
        // JSON results need no Arrow memory access, which Java 17 refuses without --add-opens flags.
        p.setProperty("JDBC_QUERY_RESULT_FORMAT", "JSON");
        return p;
    }

    /** Every secret value of the profile, for {@link SecretScrubber}. */
    List<String> secrets() {
        return authentication.secrets();
    }

    /** {@code (target 'dev', user 'x', account 'y')}: who failed to log in, without the secret. */
    String who() {
        return "(target '" + targetName + "'" + (user == null ? "" : ", user '" + user + "'") + ", account '" + account + "')";
    }

    @Override
    public String toString() {
        return "SnowflakeProfile[target=" + targetName + ", account=" + account + ", user=" + user + ", role=" + role
                + ", warehouse=" + warehouse + ", database=" + database + ", schema=" + schema + ", threads=" + threads
                + ", login=" + authentication.method().profileName() + ", url=" + jdbcUrl() + "]";
    }

    /** One pass over the target's fields. */
    private static final class Reader {

        private final Target target;
        private final TargetSettings settings;
        private final Path baseDirectory;

        Reader(Target target, Path baseDirectory) {
            this.target = target;
            this.settings = new TargetSettings(target);
            this.baseDirectory = baseDirectory;
        }

        SnowflakeProfile read() {
            String account = required("account");
            account = account.strip().replaceFirst("(?i)^https?://", "").replaceFirst("(?i)\\.snowflakecomputing\\.com/?$", "")
                    // dbt-snowflake: account names with underscores are not valid host names.
                    .replace('_', '-');
            SnowflakeAuthentication auth = authentication();
            String user = optional("user");
            if (user == null && auth.method() != Method.OAUTH && auth.method() != Method.JWT) {
                throw missing("user");
            }
            String database = target.database();
            if (database == null || database.isBlank()) {
                throw missing("database");
            }
            String schema = target.schema();
            if (schema == null || schema.isBlank()) {
                throw missing("schema");
            }
            String warehouse = required("warehouse");

            String protocol = optional("protocol");
            protocol = protocol == null ? "https" : protocol.toLowerCase(Locale.ROOT);
            if (!protocol.equals("https") && !protocol.equals("http")) {
                throw field("protocol", "must be https or http, not '" + protocol + "'");
            }
            String host = optional("host");
            if (host == null) {
                host = account + ".snowflakecomputing.com";
            }
            Integer port = wholeNumber("port", 1, 65_535);
            if (port == null) {
                port = protocol.equals("http") ? 80 : 443;
            }
            Integer timeout = wholeNumber("connect_timeout", 1, Integer.MAX_VALUE);
            if (timeout == null && auth.method() != Method.EXTERNAL_BROWSER) {
                // dbt-snowflake's documented default; the driver's own is five minutes per attempt.
                timeout = 10;
            }
            Integer retries = wholeNumber("connect_retries", 0, 100);
            boolean keepAlive = bool("client_session_keep_alive", false);
            Boolean reuse = optionalBool("reuse_connections");
            // dbt-snowflake: reuse unless keep-alive is on, where idle sessions would never end.
            boolean reuseConnections = reuse != null ? reuse : !keepAlive;
            String proxyHost = optional("proxy_host");
            Integer proxyPort = wholeNumber("proxy_port", 1, 65_535);
            return new SnowflakeProfile(target.name(), account, user, optional("role"), warehouse, database, schema,
                    target.threads(), auth, optional("query_tag"), keepAlive, timeout, retries == null ? 1 : retries,
                    bool("retry_all", false) || bool("retry_on_database_errors", false), reuseConnections,
                    host, port, protocol, bool("insecure_mode", false), proxyHost, proxyPort);
        }

        private SnowflakeAuthentication authentication() {
            String password = optional("password");
            String keyPath = optional("private_key_path");
            String keyText = optional("private_key");
            String passphrase = optional("private_key_passphrase");
            String token = optional("token");
            String authenticator = optional("authenticator");
            List<String> secretTexts = new ArrayList<>();
            for (String secret : new String[] {passphrase, keyText, optional("oauth_client_secret")}) {
                if (secret != null) {
                    secretTexts.add(secret);
                }
            }
            if (keyPath != null && keyText != null) {
                throw both("private_key", "private_key_path");
            }
            boolean hasKey = keyPath != null || keyText != null;
            String keyField = keyPath != null ? "private_key_path" : "private_key";
            if (passphrase != null && !hasKey) {
                throw field("private_key_passphrase", "is set without private_key_path or private_key");
            }
            Method method = method(authenticator, hasKey);
            if (optional("oauth_client_id") != null || optional("oauth_client_secret") != null) {
                throw field("oauth_client_id", "(the refresh-token OAuth flow) is not supported by model;"
                        + " put an access token in 'token' with authenticator: oauth");
            }
            switch (method) {
                case PASSWORD, USERNAME_PASSWORD_MFA, OKTA -> {
                    forbid(method, "private_key_path", keyPath);
                    forbid(method, "private_key", keyText);
                    forbid(method, "token", token);
                    if (password == null) {
                        throw method == Method.PASSWORD
                                ? invalid(prefix() + "has no way to log in: set 'password', 'private_key_path'"
                                        + " (key pair), or 'authenticator' (externalbrowser, oauth, ...)")
                                : field("password", "is required with authenticator " + authenticator);
                    }
                    return new SnowflakeAuthentication(method, password, null, null,
                            method == Method.OKTA ? authenticator : null, secretTexts);
                }
                case KEY_PAIR -> {
                    if (password != null) {
                        throw both("password", keyField);
                    }
                    forbid(method, "token", token);
                    if (!hasKey) {
                        throw field("private_key_path", "is required with authenticator " + authenticator);
                    }
                    PrivateKey key = keyPath != null ? keyFromFile(keyPath, passphrase) : keyFromText(keyText, passphrase);
                    return new SnowflakeAuthentication(method, null, key, null, null, secretTexts);
                }
                case OAUTH, JWT -> {
                    forbid(method, "password", password);
                    forbid(method, keyField, hasKey ? "set" : null);
                    if (token == null) {
                        throw field("token", "is required with authenticator " + authenticator);
                    }
                    return new SnowflakeAuthentication(method, null, null, token, null, secretTexts);
                }
                case EXTERNAL_BROWSER -> {
                    forbid(method, "password", password);
                    forbid(method, keyField, hasKey ? "set" : null);
                    forbid(method, "token", token);
                    return new SnowflakeAuthentication(method, null, null, null, null, secretTexts);
                }
                default -> throw new IllegalStateException(method.name());
            }
        }

        private Method method(String authenticator, boolean hasKey) {
            if (authenticator == null) {
                return hasKey ? Method.KEY_PAIR : Method.PASSWORD;
            }
            String a = authenticator.strip().toLowerCase(Locale.ROOT);
            if (a.startsWith("https://") && a.contains(".okta.com")) {
                return Method.OKTA;
            }
            return switch (a) {
                case "snowflake" -> hasKey ? Method.KEY_PAIR : Method.PASSWORD;
                case "snowflake_jwt" -> Method.KEY_PAIR;
                case "jwt" -> Method.JWT;
                case "oauth" -> Method.OAUTH;
                case "externalbrowser" -> Method.EXTERNAL_BROWSER;
                case "username_password_mfa" -> Method.USERNAME_PASSWORD_MFA;
                default -> throw field("authenticator", "is '" + authenticator + "'; expected " + KNOWN_AUTHENTICATORS);
            };
        }

        private PrivateKey keyFromFile(String keyPath, String passphrase) {
            String expanded = keyPath.startsWith("~/") ? System.getProperty("user.home") + keyPath.substring(1) : keyPath;
            Path file = baseDirectory.resolve(expanded).toAbsolutePath().normalize();
            String text;
            try {
                text = Files.readString(file, java.nio.charset.StandardCharsets.US_ASCII);
            } catch (NoSuchFileException e) {
                throw field("private_key_path", "points at " + file + ", which does not exist");
            } catch (AccessDeniedException e) {
                throw field("private_key_path", "points at " + file + ", which cannot be read (permission denied)");
            } catch (java.nio.charset.MalformedInputException e) {
                throw field("private_key_path", "points at " + file + ", which is not a PEM or base64 key file");
            } catch (IOException e) {
                throw field("private_key_path", "points at " + file + ", which cannot be read ("
                        + e.getClass().getSimpleName() + ")");
            }
            try {
                return PrivateKeys.parse(text, passphrase);
            } catch (PrivateKeys.KeyProblem problem) {
                throw invalid(prefix() + "private key file " + file + " " + problem.getMessage());
            }
        }

        private PrivateKey keyFromText(String text, String passphrase) {
            try {
                return PrivateKeys.parse(text, passphrase);
            } catch (PrivateKeys.KeyProblem problem) {
                throw field("private_key", problem.getMessage());
            }
        }

        private void forbid(Method method, String key, String value) {
            if (value != null) {
                throw invalid(prefix() + "sets '" + key + "' but logs in with "
                        + (method == Method.PASSWORD ? "'password'" : "authenticator " + method.profileName())
                        + "; choose one way to log in");
            }
        }

        private ModelException both(String first, String second) {
            return invalid(prefix() + "sets both '" + first + "' and '" + second
                    + "'; choose one way to log in");
        }

        private String required(String key) {
            String value = optional(key);
            if (value == null) {
                throw missing(key);
            }
            return value;
        }

        private String optional(String key) {
            String value = settings.string(key, null);
            return value == null || value.isBlank() ? null : value;
        }

        private Integer wholeNumber(String key, int min, int max) {
            String value = optional(key);
            if (value == null) {
                return null;
            }
            int n;
            try {
                n = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw field(key, "must be a whole number, not '" + value + "'");
            }
            if (n < min || n > max) {
                throw field(key, "must be between " + min + " and " + max + ", not " + n);
            }
            return n;
        }

        private boolean bool(String key, boolean fallback) {
            Boolean value = optionalBool(key);
            return value == null ? fallback : value;
        }

        private Boolean optionalBool(String key) {
            String value = optional(key);
            if (value == null) {
                return null;
            }
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "1" -> true;
                case "false", "no", "0" -> false;
                default -> throw field(key, "must be true or false, not '" + value + "'");
            };
        }

        private ModelException missing(String key) {
            return invalid(prefix() + "is missing '" + key + "'");
        }

        private ModelException field(String key, String problem) {
            return invalid("profiles.yml: field '" + key + "' of target '" + target.name()
                    + "' (type " + TYPE + ") " + problem);
        }

        /** Bad settings point at the target in profiles.yml when it was read from one. */
        private ModelException invalid(String message) {
            return ModelException.project(message, target.location());
        }

        private String prefix() {
            return "profiles.yml: target '" + target.name() + "' (type " + TYPE + ") ";
        }
    }
}
