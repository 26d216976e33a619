package dev.model.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@link TestingProject} whose profile points at a DuckDB or H2 database file in the project
 * folder, so that a test can run the CLI and then read what the run left in the warehouse.
 */
final class TestingWarehouseProject {

    enum Warehouse { DUCKDB, H2 }

    private final TestingProject project;
    private final Warehouse warehouse;

    private TestingWarehouseProject(TestingProject project, Warehouse warehouse) {
        this.project = project;
        this.warehouse = warehouse;
    }

    /** Project {@code shop}; DuckDB target schema {@code main}, H2 target schema {@code PUBLIC}. */
    static TestingWarehouseProject create(Path dir, Warehouse warehouse) {
        TestingProject project = TestingProject.create(dir);
        String output = switch (warehouse) {
            case DUCKDB -> """
                      type: duckdb
                      path: 'warehouse.duckdb'
                      schema: main
                      threads: 4
                """;
            case H2 -> """
                      type: h2
                      path: 'warehouse'
                      schema: PUBLIC
                      threads: 4
                """;
        };
        project.file("profiles.yml", """
                shop:
                  target: dev
                  outputs:
                    dev:
                """ + output);
        return new TestingWarehouseProject(project, warehouse);
    }

    TestingWarehouseProject file(String relativePath, String content) {
        project.file(relativePath, content);
        return this;
    }

    TestingProject project() {
        return project;
    }

    Path root() {
        return project.root();
    }

    Warehouse warehouse() {
        return warehouse;
    }

    /** The schema models land in without a custom schema. */
    String schema() {
        return warehouse == Warehouse.DUCKDB ? "main" : "PUBLIC";
    }

    TestingCli.Outcome run(String command, String... args) {
        return TestingCli.inProject(project.root(), command, args);
    }

    TestingCli.Outcome run(Map<String, String> env, String command, String... more) {
        List<String> args = new ArrayList<>();
        args.add(command);
        args.addAll(List.of(more));
        args.add("--project-dir");
        args.add(project.root().toString());
        return TestingCli.run(project.root(), env, args.toArray(String[]::new));
    }

    /** Rows of a query, each row's values joined by {@code |}, in the query's order. */
    List<String> rows(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int width = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= width; i++) {
                    if (i > 1) {
                        row.append('|');
                    }
                    row.append(rs.getObject(i));
                }
                rows.add(row.toString());
            }
            return rows;
        } catch (SQLException e) {
            throw new AssertionError("query failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    /** Table type by name in a schema: {@code BASE TABLE} or {@code VIEW}, or null. */
    String relationType(String schema, String name) {
        List<String> rows = rows("select table_type from information_schema.tables where table_schema = '" + schema
                + "' and table_name = '" + name + "'");
        return rows.isEmpty() ? null : rows.get(0);
    }

    List<String> relations(String schema) {
        return rows("select table_name from information_schema.tables where table_schema = '" + schema
                + "' order by table_name");
    }

    void execute(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError("statement failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        return switch (warehouse) {
            case DUCKDB -> DriverManager.getConnection("jdbc:duckdb:" + project.root().resolve("warehouse.duckdb"));
            case H2 -> DriverManager.getConnection("jdbc:h2:file:" + project.root().resolve("warehouse"), "sa", "");
        };
    }
}
