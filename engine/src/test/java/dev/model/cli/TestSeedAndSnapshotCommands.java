package dev.model.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class TestSeedAndSnapshotCommands {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestingWarehouseProject.Warehouse.class)
    void seedThenSnapshotThenRunAModelOnTop(TestingWarehouseProject.Warehouse warehouse) {
        TestingWarehouseProject project = TestingWarehouseProject.create(dir, warehouse)
                .file("seeds/customers.csv", "id,name,updated_at\n1,ann,2024-01-01 00:00:00\n2,bob,2024-01-01 00:00:00\n")
                .file("snapshots/customers_snapshot.sql", """
                        {% snapshot customers_snapshot %}
                        {{ config(target_schema='snapshots', unique_key='id', strategy='timestamp',
                                  updated_at='updated_at') }}
                        select * from {{ ref('customers') }}
                        {% endsnapshot %}
                        """)
                .file("models/current_customers.sql",
                        "select * from {{ ref('customers_snapshot') }} where dbt_valid_to is null");

        TestingCli.Outcome seeded = project.run("seed");
        assertEquals(0, seeded.exitCode(), seeded.toString());
        assertTrue(seeded.out().contains("INSERT 2"), seeded.out());
        assertEquals(List.of("2"), project.rows("select count(*) from \"" + project.schema() + "\".\"customers\""));

        TestingCli.Outcome snapshotted = project.run("snapshot");
        assertEquals(0, snapshotted.exitCode(), snapshotted.toString());
        assertEquals(List.of("2"), project.rows("select count(*) from \"snapshots\".\"customers_snapshot\""));

        project.file("seeds/customers.csv", "id,name,updated_at\n1,anna,2024-01-02 00:00:00\n2,bob,2024-01-01 00:00:00\n");
        assertEquals(0, project.run("seed").exitCode());
        assertEquals(0, project.run("snapshot").exitCode());
        assertEquals(List.of("3"), project.rows("select count(*) from \"snapshots\".\"customers_snapshot\""));

        TestingCli.Outcome ran = project.run("run");
        assertEquals(0, ran.exitCode(), ran.toString());
        String nameColumn = warehouse == TestingWarehouseProject.Warehouse.H2 ? "NAME" : "name";
        assertEquals(List.of("anna", "bob"), project.rows("select " + nameColumn + " from \"" + project.schema()
                + "\".\"current_customers\" order by 1"));
    }

    @ParameterizedTest
    @EnumSource(TestingWarehouseProject.Warehouse.class)
    void badSeedFailsTheCommandWithFileAndLine(TestingWarehouseProject.Warehouse warehouse) {
        TestingWarehouseProject project = TestingWarehouseProject.create(dir, warehouse)
                .file("seeds/orders.csv", "id,amount\n1,2\n3\n");
        TestingCli.Outcome outcome = project.run("seed");
        assertEquals(1, outcome.exitCode(), outcome.toString());
        assertTrue(outcome.out().contains("seeds/orders.csv:3: expected 2 columns, found 1"), outcome.out());
    }

    @ParameterizedTest
    @EnumSource(TestingWarehouseProject.Warehouse.class)
    void snapshotWithoutUniqueKeyStopsTheCommandNamingTheFile(TestingWarehouseProject.Warehouse warehouse) {
        TestingWarehouseProject project = TestingWarehouseProject.create(dir, warehouse)
                .file("snapshots/broken.sql", """
                        {% snapshot broken %}
                        {{ config(target_schema='snapshots', strategy='check', check_cols='all') }}
                        select 1 as id
                        {% endsnapshot %}
                        """);
        TestingCli.Outcome outcome = project.run("snapshot");
        // Like dbt, the project does not parse: nothing runs, and the command could not run at all.
        assertEquals(2, outcome.exitCode(), outcome.toString());
        assertEquals(1, outcome.errorLines().size(), outcome.toString());
        assertTrue(outcome.errorLines().get(0).contains("snapshots/broken.sql:1: Snapshot 'broken' needs a 'unique_key' config"),
                outcome.toString());
    }
}
