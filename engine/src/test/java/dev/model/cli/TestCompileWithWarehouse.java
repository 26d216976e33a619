package dev.model.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code model compile} opens the warehouse only when a template queries it, as dbt compile does. */
final class TestCompileWithWarehouse {

    private static final String RUN_QUERY_MODEL = """
            {% if execute %}
              {% set n = run_query('select 7 as n').columns[0].values()[0] %}
              {% call statement('word', fetch_result=True) %}select 'seven' as w{% endcall %}
              {% set w = load_result('word')['data'][0][0] %}
            {% else %}
              {% set n = 0 %}{% set w = 'none' %}
            {% endif %}
            select {{ n }} as n, '{{ w }}' as w
            """;

    @TempDir
    Path dir;

    @Test
    void runQueryAndStatementReachTheWarehouseAtCompileTime() {
        TestingProject project = TestingProject.create(dir).file("models/answer.sql", RUN_QUERY_MODEL);

        TestingCli.Outcome outcome = TestingCli.inProject(dir, "compile");

        assertEquals(0, outcome.exitCode(), outcome::toString);
        String compiled = TestDbtCompatibility.normalized(project.read("target/compiled/shop/models/answer.sql"));
        assertEquals("select 7 as n, 'seven' as w", compiled);
    }

    @Test
    void aCompileWithoutQueriesNeverOpensTheWarehouse() {
        // The DuckDB file's folder does not exist: opening it would fail.
        TestingProject project = unreachableWarehouse().file("models/plain.sql", "select 1 as id\n");

        TestingCli.Outcome outcome = TestingCli.inProject(dir, "compile");

        assertEquals(0, outcome.exitCode(), outcome::toString);
        assertEquals("select 1 as id", project.read("target/compiled/shop/models/plain.sql").trim());
        assertFalse(Files.exists(dir.resolve("no-such-folder")));
    }

    @Test
    void aQueryAgainstAnUnreachableWarehouseFailsTheCompileNamingTheModel() {
        unreachableWarehouse().file("models/answer.sql", RUN_QUERY_MODEL);

        TestingCli.Outcome outcome = TestingCli.inProject(dir, "compile");

        assertEquals(2, outcome.exitCode(), outcome::toString);
        assertEquals(1, outcome.errorLines().size(), outcome::toString);
        String error = outcome.errorLines().get(0);
        assertTrue(error.contains("answer.sql"), error);
        assertTrue(error.contains("no-such-folder"), error);
    }

    private TestingProject unreachableWarehouse() {
        return TestingProject.create(dir).file("profiles.yml", """
                shop:
                  target: dev
                  outputs:
                    dev:
                      type: duckdb
                      path: no-such-folder/shop.duckdb
                      threads: 1
                """);
    }

    @Test
    void compileInlinePrintsTheCompiledSqlWithRefsAndQueriesResolved() {
        TestingProject project = TestingProject.create(dir).file("models/plain.sql", "select 1 as id\n");

        TestingCli.Outcome outcome = TestingCli.inProject(dir, "compile", "--inline",
                "select *, {{ run_query('select 5').rows[0][0] }} as five from {{ ref('plain') }}");

        assertEquals(0, outcome.exitCode(), outcome::toString);
        assertEquals("Compiled inline node is:\nselect *, 5 as five from \"memory\".\"main\".\"plain\"\n",
                outcome.out());
        assertFalse(project.exists("target/compiled/shop/models/plain.sql"));
    }

    @Test
    void compileInlineWithAMissingRefFailsNamingIt() {
        TestingProject.create(dir).file("models/plain.sql", "select 1 as id\n");

        TestingCli.Outcome outcome = TestingCli.inProject(dir, "compile", "--inline", "select * from {{ ref('nope') }}");

        assertEquals(2, outcome.exitCode(), outcome::toString);
        assertEquals(1, outcome.errorLines().size(), outcome::toString);
        assertTrue(outcome.errorLines().get(0).contains("depends on a node named 'nope' which was not found"),
                outcome::toString);
    }
}
