package dev.model.jinja;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.model.error.ModelException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

final class TestDbtContext {

    private final JinjaEngine engine = TestJinjaEngine.engine(
            "{% macro default__greet(n) %}hi {{ n }}{% endmacro %}{% macro duckdb__greet(n) %}duck {{ n }}{% endmacro %}",
            "{% macro generate_schema_name(custom_schema_name, node) %}custom{% endmacro %}");

    private String render(String template) {
        return TestJinjaEngine.render(engine, template);
    }

    @Test
    void varsCliWinThenScopedThenGlobal() {
        assertEquals("c 1 s d", render("{{ var('cli') }} {{ var('x') }} {{ var('scoped') }} {{ var('nope', 'd') }}"));
        ModelException e = assertThrows(ModelException.class, () -> render("\n{{ var('missing_var') }}"));
        assertEquals("Required var 'missing_var' not found in config", e.getMessage());
        assertEquals("models/m.sql:2", e.location().orElseThrow().toString());
    }

    @Test
    void envVarAndSecretsNeverEchoed() {
        assertEquals("/h x", render("{{ env_var('HOME_DIR') }} {{ env_var('NOPE', 'x') }}"));
        ModelException e = assertThrows(ModelException.class, () -> render("{{ env_var('NOPE') }}"));
        assertEquals("Env var required but not provided: 'NOPE'", e.getMessage());
        ModelException secret = assertThrows(ModelException.class,
                () -> render("{{ exceptions.raise_compiler_error('pw=' ~ env_var('DBT_ENV_SECRET_PW')) }}"));
        assertEquals("pw=*****", secret.getMessage());
    }

    @Test
    void targetThisAndGlobals() {
        assertEquals("dev main duckdb 4 \"db\".\"main\".\"this_model\" proj false",
                render("{{ target.name }} {{ target.schema }} {{ target.type }} {{ target.threads }} {{ this }} {{ project_name }} {{ is_incremental() }}"));
        assertEquals("2024 20240304", render("{{ run_started_at.year }} {{ run_started_at.strftime('%Y%m%d') }}"));
    }

    @Test
    void dispatchPrefersAdapterAndCallResult() {
        assertEquals("duck 1", render("{{ adapter.dispatch('greet', 'proj')(1) }}"));
        assertEquals("duck 2", render("{% set m = adapter.dispatch('greet', 'proj') %}{{ m(2) }}"));
        assertEquals("duck 3", engine.dispatch("greet", "proj", List.of(3), Map.of(), new TestingScope()));
        ModelException e = assertThrows(ModelException.class, () -> render("{{ adapter.dispatch('nothing', 'proj')() }}"));
        assertTrue(e.getMessage().startsWith("In dispatch: No macro named 'nothing'"), e.getMessage());
    }

    @Test
    void rootMacroOverridesBuiltinAndDbtReachesBuiltin() {
        assertEquals("custom", engine.callMacro("generate_schema_name", java.util.Arrays.asList("x", null), Map.of(), new TestingScope()));
        assertEquals("main_x", render("{{ dbt.generate_schema_name('x', none) }}"));
    }

    @Test
    void crossDatabaseMacrosUseDuckdbSyntax() {
        assertEquals("cast(a as int)", render("{{ dbt.safe_cast('a', 'int') }}"));
        assertEquals("d + ((interval '1 day') * (1))", render("{{ dbt.dateadd('day', 1, 'd') }}"));
        assertEquals("((b)::date - (a)::date)", render("{{ datediff('a', 'b', 'day') }}"));
        assertEquals("(((b)::date - (a)::date) * 24 + date_part('hour', (b)::timestamp) - date_part('hour', (a)::timestamp))",
                render("{{ datediff('a', 'b', 'hour') }}"));
        assertEquals("arbitrary(x)", render("{{ any_value('x') }}"));
        assertEquals("coalesce(string_split(s, ',')[ 2 ], '')", render("{{ split_part('s', \"','\", 2) }}"));
        assertEquals("string_agg(\n        m,\n        ','\n        \n        )", render("{{ listagg('m') }}").strip());
        assertEquals("md5(cast(x as TEXT))", render("{{ hash('x') }}"));
        assertEquals("concat(a, b)", render("{{ concat(['a', 'b']) }}"));
        assertEquals("TEXT INT bigint numeric(28,6)", render("{{ type_string() }} {{ type_int() }} {{ type_bigint() }} {{ type_numeric() }}"));
        assertEquals("now()", render("{{ current_timestamp() }}"));
        assertEquals("it''s", render("{{ escape_single_quotes(\"it's\") }}"));
    }

    @Test
    void genericTestsProduceDbtSql() {
        Object sql = engine.callMacro("test_accepted_values", List.of(), Map.of("model", "m", "column_name", "c",
                "values", List.of("a", "b")), new TestingScope());
        assertTrue(sql.toString().contains("where value_field not in (\n    'a','b'\n)"), sql.toString());
        Object notNull = engine.callMacro("test_not_null", List.of("m", "c"), Map.of(), new TestingScope());
        assertEquals("select c\nfrom m\nwhere c is null", notNull);
    }

    @Test
    void pythonStringAndCollectionMethods() {
        assertEquals("a1 ab true ['a', 'b'] A-B x", render("{{ 'a{}'.format(1) }} {{ 'AB'.lower() }} {{ 'ab'.startswith('a') }}"
                + " {{ 'a,b'.split(',') }} {{ '-'.join(['A', 'B']) }} {{ '  x '.strip() }}"));
        assertEquals("1 [1, 2] a", render("{% set d = {} %}{% do d.update({'a': 1}) %}{{ d.pop('a') }}"
                + " {% set l = [1] %}{% do l.append(2) %}{{ l }} {% for k, v in {'a': 1}.items() %}{{ k }}{% endfor %}"));
    }

    @Test
    void modulesReAndDatetime() {
        assertEquals("true b2 ['1', '2']", render("{{ modules.re.search('a', 'xAy', modules.re.IGNORECASE) is not none }}"
                + " {{ modules.re.sub('a(\\\\d)', 'b\\\\1', 'a2') }} {{ modules.re.findall('\\\\d', 'a1b2') }}"));
        assertEquals("2020-01-02", render("{{ modules.datetime.datetime.strptime('2020-01-02', '%Y-%m-%d').strftime('%Y-%m-%d') }}"));
    }

    @Test
    void statementBlockAndLoadResult() {
        TestingScope scope = new TestingScope();
        scope.execute = true;
        List<String> ran = new ArrayList<>();
        scope.runner = (sql, fetch) -> {
            ran.add(sql);
            return new QueryRunner.QueryTable(List.of("n"), List.of(List.of(42)), 1);
        };
        String out = engine.render("{% call statement('q', fetch_result=True) %}select 42{% endcall %}"
                + "{{ load_result('q')['data'][0][0] }} {{ run_query('select 1').columns[0].values()[0] }}",
                TemplateSource.of(TestJinjaEngine.FILE), scope);
        assertEquals("42 42", out);
        assertEquals(List.of("select 42", "select 1"), ran);
        assertEquals("none", render("{% set r = run_query('select 1') %}{{ 'none' if r is none else 'table' }}"));
        TestingScope noWarehouse = new TestingScope();
        noWarehouse.execute = true;
        ModelException e = assertThrows(ModelException.class, () -> engine.render("\n{{ run_query('select 1') }}",
                TemplateSource.of(TestJinjaEngine.FILE), noWarehouse));
        assertTrue(e.getMessage().contains("warehouse"), e.getMessage());
        assertEquals(2, e.location().orElseThrow().line());
        assertEquals("[[1, 'a'], [2, 'b']] [1, 2]", render("{{ zip([1, 2], ['a', 'b']) }} {{ set([1, 2, 1]) }}"));
    }

    @Test
    void rendersTypicalModelsFromManyThreadsIdentically() throws Exception {
        String model = "{{ config(materialized='table') }}select\n{% for c in ['id', 'name', 'amount'] %}  {{ c }}"
                + "{% if not loop.last %},{% endif %}\n{% endfor %}from {{ ref('a') }} where {{ dbt.safe_cast('x', type_string()) }} > 0";
        String expected = render(model);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    List<String> outputs = new ArrayList<>();
                    for (int i = 0; i < 300; i++) {
                        outputs.add(render(model));
                    }
                    return outputs;
                }));
            }
            for (Future<List<String>> result : results) {
                for (String output : result.get()) {
                    assertEquals(expected, output);
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void rendersFromManyThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                results.add(pool.submit(() -> engine.render("{% set x = " + n + " %}{{ ref('m' ~ x) }}{{ adapter.dispatch('greet', 'proj')(x) }}",
                        TemplateSource.of(TestJinjaEngine.FILE), new TestingScope())));
            }
            for (int i = 0; i < 200; i++) {
                assertEquals("\"db\".\"main\".\"m" + i + "\"duck " + i, results.get(i).get());
            }
        } finally {
            pool.shutdown();
        }
    }
}
