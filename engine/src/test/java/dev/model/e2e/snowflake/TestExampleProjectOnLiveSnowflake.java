package dev.model.e2e.snowflake;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Tag;

/**
 * The live suite: the same end-to-end tests against a real Snowflake account, through the example
 * project's own {@code snowflake} target (profiles.yml reads SNOWFLAKE_*). Opt-in only: the
 * {@code snowflake-live} tag is excluded from every build but {@code mvn -Psnowflake-live}; there,
 * without SNOWFLAKE_ACCOUNT, SNOWFLAKE_USER and a password or private key, the tests are skipped.
 *
 * <p>Everything lands in three new schemas of SNOWFLAKE_DATABASE (models, RAW, snapshot), named
 * {@code MODEL_E2E_<time>_<random>[_RAW|_SNAPSHOTS]} and dropped at the end.
 */
@Tag("snowflake-live")
final class TestExampleProjectOnLiveSnowflake extends TestingExampleProjectOnSnowflake {

    private SnowflakeUnderTest live;

    @Override
    protected SnowflakeUnderTest openSnowflake(Path workspace) {
        Map<String, String> env = new HashMap<>(System.getenv());
        assumeTrue(isSet(env, "SNOWFLAKE_ACCOUNT") && isSet(env, "SNOWFLAKE_USER")
                        && (isSet(env, "SNOWFLAKE_PASSWORD") || isSet(env, "SNOWFLAKE_PRIVATE_KEY_PATH")),
                "the live suite needs SNOWFLAKE_ACCOUNT, SNOWFLAKE_USER and SNOWFLAKE_PASSWORD or SNOWFLAKE_PRIVATE_KEY_PATH");
        String schema = "MODEL_E2E_" + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
                + "_" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36).toUpperCase(Locale.ROOT);
        env.put("SNOWFLAKE_SCHEMA", schema);
        String database = env.getOrDefault("SNOWFLAKE_DATABASE", "ANALYTICS");
        String rawSchema = schema + "_RAW";
        String snapshotSchema = schema + "_SNAPSHOTS";
        live = new SnowflakeUnderTest("Snowflake account " + env.get("SNOWFLAKE_ACCOUNT"),
                List.of("--target", "snowflake"), Map.copyOf(env),
                "{raw_schema: " + rawSchema + ", snapshot_schema: " + snapshotSchema + "}",
                database, schema, rawSchema, snapshotSchema, () -> connect(env, database));
        return live;
    }

    @Override
    protected void closeSnowflake() throws SQLException {
        if (live == null) {
            return;
        }
        try (Connection connection = live.connect(); Statement drop = connection.createStatement()) {
            for (String schema : List.of(live.schema(), live.rawSchema(), live.snapshotSchema())) {
                drop.execute("drop schema if exists " + live.database() + "." + schema + " cascade");
            }
        }
    }

    /** The driver's own properties for what the profile's fields say (see the README). */
    private static Connection connect(Map<String, String> env, String database) throws SQLException {
        Properties properties = new Properties();
        properties.put("user", env.get("SNOWFLAKE_USER"));
        if (isSet(env, "SNOWFLAKE_PRIVATE_KEY_PATH")) {
            properties.put("private_key_file", env.get("SNOWFLAKE_PRIVATE_KEY_PATH"));
            if (isSet(env, "SNOWFLAKE_PRIVATE_KEY_PASSPHRASE")) {
                properties.put("private_key_file_pwd", env.get("SNOWFLAKE_PRIVATE_KEY_PASSPHRASE"));
            }
        } else {
            properties.put("password", env.get("SNOWFLAKE_PASSWORD"));
        }
        properties.put("role", env.getOrDefault("SNOWFLAKE_ROLE", "TRANSFORMER"));
        properties.put("warehouse", env.getOrDefault("SNOWFLAKE_WAREHOUSE", "TRANSFORMING"));
        properties.put("db", database);
        return DriverManager.getConnection("jdbc:snowflake://" + env.get("SNOWFLAKE_ACCOUNT") + ".snowflakecomputing.com/",
                properties);
    }

    private static boolean isSet(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }
}
