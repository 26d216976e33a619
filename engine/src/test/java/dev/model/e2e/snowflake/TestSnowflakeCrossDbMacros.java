package dev.model.e2e.snowflake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.model.cli.CliEnvironment;
import dev.model.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dbt's cross-database macros on a {@code type: snowflake} target render as dbt-snowflake renders
 * them (compiled without connecting: the account does not exist).
 */
final class TestSnowflakeCrossDbMacros {

    @TempDir
    Path dir;

    @Test
    void renderDbtSnowflakesSql() throws IOException {
        String[] calls = {
            "{{ dbt.current_timestamp() }}",
            "{{ dbt.dateadd('day', -7, 'd') }}",
            "{{ dbt.datediff('a', 'b', 'day') }}",
            "{{ dbt.date_trunc('week', 'd') }}",
            "{{ dbt.bool_or('flag') }}",
            "{{ dbt.array_construct(['1', '2']) }}",
            "{{ dbt.escape_single_quotes(\"it's\") }}",
            "{{ dbt.right('s', 'n') }}",
            "{{ dbt.safe_cast('x', 'date') }}",
            "{{ dbt.safe_cast(7, 'varchar') }}",
            "{{ dbt.safe_cast('v', 'variant') }}",
            "{{ dbt.hash('x') }}",
            "{{ dbt.listagg('m', \"','\", 'order by m') }}",
            "{{ dbt.type_string() }} {{ dbt.type_timestamp() }} {{ dbt.type_int() }} {{ dbt.type_numeric() }}",
        };
        Files.writeString(dir.resolve("dbt_project.yml"), "name: macros\nprofile: macros\nconfig-version: 2\n");
        Files.writeString(dir.resolve("profiles.yml"), """
                macros:
                  target: prod
                  outputs:
                    prod:
                      type: snowflake
                      account: no-such-account
                      user: U
                      password: P
                      warehouse: W
                      database: ANALYTICS
                      schema: S
                """);
        Files.createDirectories(dir.resolve("models"));
        Files.writeString(dir.resolve("models/calls.sql"), String.join("\n-- next\n", calls) + "\n");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Main.run(new String[] {"compile", "--project-dir", dir.toString()}, new CliEnvironment(
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8),
                Map.of(), dir, dir.resolve("home"), false));

        assertEquals(0, exit, () -> out.toString(StandardCharsets.UTF_8));
        String[] rendered = Files.readString(dir.resolve("target/compiled/macros/models/calls.sql")).split("\n-- next\n");
        String[] expected = {
            "convert_timezone('UTC', current_timestamp())",
            "dateadd( day, -7, d )",
            "datediff( day, a, b )",
            "date_trunc('week', d)",
            "boolor_agg(flag)",
            "array_construct( 1 , 2 )",
            "it\\'s",
            "case when n = 0 then '' else right( s, n ) end",
            "try_cast(x as date)",
            "try_cast('7' as varchar)",
            "cast(v as variant)",
            "md5(cast(x as TEXT))",
            "listagg( m, ',' ) within group (order by m)",
            "TEXT TIMESTAMP INT numeric(28,6)",
        };
        assertEquals(expected.length, rendered.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], rendered[i].replaceAll("\\s+", " ").strip(), calls[i]);
        }
    }
}
