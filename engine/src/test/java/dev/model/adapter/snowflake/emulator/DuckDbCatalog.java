package dev.model.adapter.snowflake.emulator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Catalog look-ups on DuckDB through a session's own connection (so a session sees what its open
 * transaction created). DuckDB matches names case-insensitively, and so do these look-ups.
 */
final class DuckDbCatalog {

    enum Kind { TABLE, VIEW }

    record Relation(String name, Kind kind, String comment) {
    }

    record ColumnInfo(String name, String duckDbType, boolean nullable, String defaultValue, String comment) {
    }

    private final Connection connection;

    DuckDbCatalog(Connection connection) {
        this.connection = connection;
    }

    boolean databaseExists(String database) {
        return !strings("select database_name from duckdb_databases() where lower(database_name) = lower(?)", database).isEmpty();
    }

    /** The database's name as stored, if it exists. */
    Optional<String> database(String database) {
        return strings("select database_name from duckdb_databases() where lower(database_name) = lower(?)", database)
                .stream().findFirst();
    }

    boolean schemaExists(String database, String schema) {
        return !strings("select schema_name from duckdb_schemas() where lower(database_name) = lower(?)"
                + " and lower(schema_name) = lower(?)", database, schema).isEmpty();
    }

    List<String> schemas(String database) {
        return strings("select schema_name from duckdb_schemas() where lower(database_name) = lower(?)"
                + " and schema_name not in ('main', 'pg_catalog', 'information_schema') order by schema_name", database);
    }

    List<Relation> relations(String database, String schema) {
        String sql = "select table_name, 'TABLE', comment from duckdb_tables()"
                + " where lower(database_name) = lower(?) and lower(schema_name) = lower(?) and not temporary"
                + " union all select view_name, 'VIEW', comment from duckdb_views()"
                + " where lower(database_name) = lower(?) and lower(schema_name) = lower(?) and not internal and not temporary"
                + " order by 1";
        List<Relation> relations = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, database);
            statement.setString(2, schema);
            statement.setString(3, database);
            statement.setString(4, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    relations.add(new Relation(rows.getString(1), Kind.valueOf(rows.getString(2)), rows.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw DuckDbErrors.translate(e);
        }
        return relations;
    }

    Optional<Relation> relation(ObjectName name) {
        return relations(name.database(), name.schema()).stream()
                .filter(r -> r.name().equalsIgnoreCase(name.name()))
                .findFirst();
    }

    List<ColumnInfo> columns(ObjectName name) {
        String sql = "select column_name, data_type, is_nullable, column_default, comment from duckdb_columns()"
                + " where lower(database_name) = lower(?) and lower(schema_name) = lower(?) and lower(table_name) = lower(?)"
                + " order by column_index";
        List<ColumnInfo> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, name.database());
            statement.setString(2, name.schema());
            statement.setString(3, name.name());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(new ColumnInfo(rows.getString(1), rows.getString(2), rows.getBoolean(3),
                            rows.getString(4), rows.getString(5)));
                }
            }
        } catch (SQLException e) {
            throw DuckDbErrors.translate(e);
        }
        return columns;
    }

    private List<String> strings(String sql, String... args) {
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setString(i + 1, args[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw DuckDbErrors.translate(e);
        }
        return values;
    }
}
