package dev.model.ingest.consume;

import dev.model.adapter.TargetSettings;
import dev.model.adapter.WarehouseAdapter;
import dev.model.adapter.snowflake.SnowflakeProfile;
import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import dev.model.log.Log;
import dev.model.project.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import net.snowflake.ingest.streaming.OpenChannelRequest;
import net.snowflake.ingest.streaming.SnowflakeStreamingIngestClient;
import net.snowflake.ingest.streaming.SnowflakeStreamingIngestClientFactory;

/**
 * One Snowpipe Streaming client (classic channel API of {@code net.snowflake:snowflake-ingest-sdk})
 * for a process, from a {@code type: snowflake} profile target; each consumer opens its channels
 * through it ({@code model ingest consume --sink snowpipe-streaming}).
 *
 * <p>The SDK signs in with a key pair only, so the target needs {@code private_key_path} (or
 * {@code private_key}) and, for an encrypted key, {@code private_key_passphrase}. NOT tested
 * against a live Snowflake account: the sink is tested against a fake of the channel interface.
 */
public final class SnowpipeStreaming implements AutoCloseable {

    /** How often a write asks the channels for their committed offset tokens. */
    private static final long COMMITTED_REFRESH_MS = 1000;

    private final SnowflakeStreamingIngestClient client;

    private SnowpipeStreaming(SnowflakeStreamingIngestClient client) {
        this.client = client;
    }

    /** Starts the SDK's client; {@code name} appears in Snowflake's channel history. */
    public static SnowpipeStreaming start(Target target, Path projectDir, String name) {
        Properties properties = properties(target, projectDir);
        try {
            return new SnowpipeStreaming(SnowflakeStreamingIngestClientFactory.builder(name).setProperties(properties).build());
        } catch (RuntimeException e) {
            throw new ModelException(ErrorCategory.WAREHOUSE, "Starting the Snowpipe Streaming client for target '"
                    + target.name() + "' failed: " + firstLine(e.getMessage()), null, e);
        }
    }

    /**
     * The SDK's connection properties from the profile fields dbt-snowflake users write: account,
     * user, role, warehouse, database, the key pair, and host/port/protocol where the account is
     * reached through a private link or proxy. Error messages name fields, never their values.
     */
    static Properties properties(Target target, Path projectDir) {
        if (!target.type().equals("snowflake")) {
            throw ModelException.usage("--sink snowpipe-streaming needs a type: snowflake target; target '"
                    + target.name() + "' is type " + target.type());
        }
        // The adapter's reading of the profile: the same defaults, checks and messages.
        SnowflakeProfile profile = SnowflakeProfile.of(target, projectDir);
        TargetSettings settings = new TargetSettings(target);
        if (profile.user() == null) {
            throw ModelException.project("profiles.yml: target '" + target.name() + "' has no 'user', which Snowpipe "
                    + "Streaming needs");
        }
        String account = profile.account().contains(".")
                ? profile.account().substring(0, profile.account().indexOf('.')) : profile.account();
        Properties p = new Properties();
        p.setProperty("account", account);
        p.setProperty("user", profile.user());
        p.setProperty("host", profile.host());
        p.setProperty("port", String.valueOf(profile.port()));
        p.setProperty("scheme", profile.protocol());
        p.setProperty("ssl", profile.protocol().equals("http") ? "off" : "on");
        p.setProperty("url", profile.protocol() + "://" + profile.host() + ":" + profile.port());
        p.setProperty("private_key", privateKey(target, settings, projectDir));
        String passphrase = settings.string("private_key_passphrase", null);
        if (passphrase != null) {
            p.setProperty("private_key_passphrase", passphrase);
        }
        p.setProperty("database", profile.database());
        p.setProperty("schema", profile.schema());
        if (profile.warehouse() != null) {
            p.setProperty("warehouse", profile.warehouse());
        }
        if (profile.role() != null) {
            p.setProperty("role", profile.role());
        }
        return p;
    }

    private static String privateKey(Target target, TargetSettings settings, Path projectDir) {
        String inline = settings.string("private_key", null);
        if (inline != null && !inline.isBlank()) {
            return inline;
        }
        String path = settings.string("private_key_path", null);
        if (path == null || path.isBlank()) {
            throw ModelException.project("profiles.yml: target '" + target.name() + "' has no private_key_path: "
                    + "Snowpipe Streaming signs in with a key pair only (set private_key_path, and "
                    + "private_key_passphrase for an encrypted key), or load with --sink jdbc");
        }
        try {
            return Files.readString(projectDir.resolve(path));
        } catch (IOException | RuntimeException e) {
            // The path is a secret field of the profile: name the field, not its value.
            throw ModelException.project("profiles.yml: the private_key_path of target '" + target.name()
                    + "' cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** A sink for one consumer: channels through this client, tables and dead letters through the adapter. */
    RawSink sink(WarehouseAdapter adapter, String group, int index, Log log) {
        SnowpipeStreamingSink.ChannelOpener opener = (channel, database, schema, table) -> client.openChannel(
                OpenChannelRequest.builder(channel).setDBName(database).setSchemaName(schema).setTableName(table)
                        .setOnErrorOption(OpenChannelRequest.OnErrorOption.ABORT).build());
        return new SnowpipeStreamingSink(JdbcRawSink.forAdapter(adapter, group, index, BatchWriter.TransactionHook.NONE),
                opener, adapter.database().toUpperCase(Locale.ROOT), group, COMMITTED_REFRESH_MS, log);
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (Exception e) {
            throw new ModelException(ErrorCategory.WAREHOUSE, "Closing the Snowpipe Streaming client failed: "
                    + firstLine(e.getMessage()), null, e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
