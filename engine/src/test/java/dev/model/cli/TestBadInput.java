package dev.model.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of broken project ends the same way for the user: exit 2, one {@code Error:} line
 * naming the file (and line where there is one), no Java stack trace.
 */
final class TestBadInput {

    @TempDir
    Path dir;

    private TestingCli.Outcome compile(TestingProject project, String... more) {
        return TestingCli.inProject(project.root(), "compile", more);
    }

    private static void assertCouldNotRun(TestingCli.Outcome outcome, String... expectedParts) {
        assertEquals(2, outcome.exitCode(), outcome::toString);
        List<String> errors = outcome.errorLines();
        assertEquals(1, errors.size(), outcome::toString);
        for (String part : expectedParts) {
            assertTrue(errors.get(0).contains(part), () -> "expected '" + part + "' in: " + errors.get(0));
        }
        assertFalse(outcome.err().contains("\tat "), "no stack trace without --debug:\n" + outcome.err());
        assertFalse(outcome.out().contains("\tat "), "no stack trace without --debug:\n" + outcome.out());
    }

    @Test
    void malformedPropertyYamlNamesFileAndLine() {
        TestingProject project = TestingProject.create(dir)
                .file("models/a.sql", "select 1 as id\n")
                .file("models/schema.yml", "version: 2\nmodels:\n  - name: a\n    columns: [\n");

        assertCouldNotRun(compile(project), "models/schema.yml:");
    }

    @Test
    void malformedProjectFileIsNamed() {
        TestingProject project = TestingProject.create(dir).file("dbt_project.yml", "name: shop\nprofile: [oops\n");

        assertCouldNotRun(compile(project), "dbt_project.yml");
    }

    @Test
    void jinjaSyntaxErrorNamesFileAndLine() {
        TestingProject project = TestingProject.create(dir)
                .file("models/a.sql", "select 1 as id\n{% if true %}\nfrom x\n");

        assertCouldNotRun(compile(project), "models/a.sql:");
    }

    @Test
    void unknownMacroIsAnErrorNotEmptyOutput() {
        TestingProject project = TestingProject.create(dir)
                .file("models/a.sql", "select 1 as id,\n  {{ no_such_macro('x') }} as y\n");

        assertCouldNotRun(compile(project), "models/a.sql:2", "no_such_macro");
    }

    @Test
    void unknownFilterIsAnError() {
        TestingProject project = TestingProject.create(dir)
                .file("models/a.sql", "select '{{ 'x' | no_such_filter }}' as y\n");

        assertCouldNotRun(compile(project), "models/a.sql:1", "no_such_filter");
    }

    @Test
    void undefinedVariableInSqlIsAnError() {
        TestingProject project = TestingProject.create(dir)
                .file("models/a.sql", "select 1 as id\nwhere x = {{ not_defined_anywhere }}\n");

        assertCouldNotRun(compile(project), "models/a.sql:2", "not_defined_anywhere");
    }

    @Test
    void missingVarIsAnError() {
        TestingProject project = TestingProject.create(dir)
                .file("models/a.sql", "select {{ var('start_date') }} as d\n");

        assertCouldNotRun(compile(project), "models/a.sql:1", "start_date");
    }

    @Test
    void missingProfileIsNamed() {
        TestingProject project = TestingProject.create(dir)
                .file("dbt_project.yml", "name: shop\nversion: '1.0'\nprofile: nowhere\n");

        assertCouldNotRun(compile(project), "nowhere");
    }

    @Test
    void missingTargetListsTheOnesThatExist() {
        TestingProject project = TestingProject.create(dir).file("models/a.sql", "select 1\n");

        assertCouldNotRun(compile(project, "--target", "prod"), "prod", "dev");
    }

    @Test
    void missingEnvironmentVariableIsNamed() {
        TestingProject project = TestingProject.create(dir).file("profiles.yml", """
                shop:
                  target: dev
                  outputs:
                    dev:
                      type: duckdb
                      path: "{{ env_var('MODEL_TEST_NO_SUCH_VARIABLE') }}"
                """);

        assertCouldNotRun(compile(project), "MODEL_TEST_NO_SUCH_VARIABLE");
    }

    @Test
    void badSnowflakeSettingPointsAtItsTargetInProfilesYmlWithoutTheSecret() {
        TestingProject project = TestingProject.create(dir)
                .file("models/a.sql", "select 1 as id\n")
                .file("profiles.yml", """
                        shop:
                          target: dev
                          outputs:
                            dev:
                              type: snowflake
                              account: xy12345
                              user: model_user
                              password: hunter2-not-shown
                              warehouse: transforming
                              database: analytics
                              schema: shop
                              client_session_keep_alive: maybe
                        """);

        TestingCli.Outcome outcome = TestingCli.run(project.root(), Map.of(), "run");

        assertCouldNotRun(outcome, "profiles.yml:5:", "client_session_keep_alive", "must be true or false");
        assertFalse(outcome.err().contains("hunter2") || outcome.out().contains("hunter2"), outcome::toString);
    }

    @Test
    void cyclePrintsTheWholeCycleWithFiles() {
        TestingProject project = TestingProject.create(dir)
                .file("models/a.sql", "select * from {{ ref('b') }}\n")
                .file("models/b.sql", "select * from {{ ref('a') }}\n");

        assertCouldNotRun(compile(project), "model.shop.a", "model.shop.b", "models/a.sql", "models/b.sql", "->");
    }

    @Test
    void missingRefNamesFileLineAndClosestName() {
        TestingProject project = TestingProject.create(dir)
                .file("models/stg_orders.sql", "select 1 as id\n")
                .file("models/fct_orders.sql", "select *\nfrom {{ ref('stg_ordrs') }}\n");

        assertCouldNotRun(compile(project), "models/fct_orders.sql:2", "stg_ordrs", "stg_orders");
    }

    @Test
    void missingSourceIsNamed() {
        TestingProject project = TestingProject.create(dir)
                .file("models/sources.yml", """
                        version: 2
                        sources:
                          - name: raw
                            tables:
                              - name: orders
                        """)
                .file("models/a.sql", "select * from {{ source('raw', 'ordres') }}\n");

        assertCouldNotRun(compile(project), "models/a.sql:1", "raw.ordres", "orders");
    }

    @Test
    void duplicateModelNamesNameBothFiles() {
        TestingProject project = TestingProject.create(dir)
                .file("models/one/orders.sql", "select 1\n")
                .file("models/two/orders.sql", "select 2\n");

        assertCouldNotRun(compile(project), "models/one/orders.sql", "models/two/orders.sql");
    }

    @Test
    void unknownConfigKeyIsAWarningNamingKeyAndFile() {
        TestingProject project = TestingProject.create(dir)
                .file("models/a.sql", "{{ config(materialised='table') }}\nselect 1 as id\n");

        TestingCli.Outcome outcome = compile(project);

        assertEquals(0, outcome.exitCode(), outcome::toString);
        assertTrue(outcome.out().contains("materialised") && outcome.out().contains("models/a.sql"), outcome::toString);
    }

    @Test
    void templatesCannotReachJavaReflection() {
        TestingProject project = TestingProject.create(dir)
                .file("models/a.sql", "select '{{ ''.getClass().forName('java.lang.Runtime') }}' as x\n");

        TestingCli.Outcome outcome = compile(project);

        assertCouldNotRun(outcome, "models/a.sql:1");
        assertFalse(outcome.err().contains("java.lang.Runtime@"));
    }

    @Test
    void unknownCommandLineOptionIsAUsageError() {
        TestingProject project = TestingProject.create(dir);

        TestingCli.Outcome outcome = TestingCli.run(project.root(), Map.of(), "compile", "--no-such-flag");

        assertCouldNotRun(outcome, "--no-such-flag");
    }

    @Test
    void debugShowsTheStackTrace() {
        TestingProject project = TestingProject.create(dir)
                .file("models/a.sql", "select * from {{ ref('nope') }}\n");

        TestingCli.Outcome outcome = compile(project, "--debug");

        assertEquals(2, outcome.exitCode());
        assertTrue(outcome.err().contains("\tat "), outcome::toString);
    }
}
