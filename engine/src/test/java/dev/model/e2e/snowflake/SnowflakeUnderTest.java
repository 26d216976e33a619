package dev.model.e2e.snowflake;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Where the Snowflake half of an end-to-end test runs (the Snowflake protocol emulator, or a real
 * account in the opt-in live suite), and how {@code model} and the test reach it.
 *
 * @param description  what it is, for messages
 * @param cliArguments what selects it on the command line ({@code --target}, {@code --profiles-dir})
 * @param environment  the environment {@code model} runs with (profiles.yml reads it)
 * @param vars         {@code --vars} for the build, or null for none
 * @param database     the target's database, as the profile writes it
 * @param schema       the target's schema: the models
 * @param rawSchema    where the RAW tables are (the project's var {@code raw_schema})
 * @param snapshotSchema where the snapshot is (the project's var {@code snapshot_schema})
 */
record SnowflakeUnderTest(String description, List<String> cliArguments, Map<String, String> environment,
                          String vars, String database, String schema, String rawSchema, String snapshotSchema,
                          Connector connector) {

    /** Opens a JDBC connection through the Snowflake driver, for loading RAW and reading results. */
    interface Connector {
        Connection connect() throws SQLException;
    }

    Connection connect() throws SQLException {
        return connector.connect();
    }

    /** A relation of the target, unquoted as dbt-snowflake renders it. */
    String relation(String schemaName, String identifier) {
        return database + "." + schemaName + "." + identifier;
    }
}
