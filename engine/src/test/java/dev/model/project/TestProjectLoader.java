package dev.model.project;

import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

final class TestProjectLoader {

    @TempDir
    Path dir;

    @Test
    void readsEveryFieldWithDbtDefaults() {
        TestingFiles.write(dir, "dbt_project.yml", """
                name: shop
                version: '1.0'
                config-version: 2
                require-dbt-version: ">=1.7.0"
                profile: shop_profile
                source-paths: [src_models]
                seed-paths: [data]
                target-path: out
                clean-targets: [out, dbt_packages]
                vars:
                  start_date: '2020-01-01'
                  shop:
                    scoped: 1
                  lazy: "{{ env_var('NOT_SET_AT_LOAD') }}"
                on-run-start: "create schema if not exists {{ target.schema }}"
                on-run-end:
                  - "grant usage on schema {{ target.schema }} to role reporter"
                  - "select 1"
                dispatch:
                  - macro_namespace: dbt_utils
                    search_order: [shop, dbt_utils]
                quoting:
                  identifier: false
                models:
                  shop:
                    +materialized: view
                    staging:
                      +schema: "{{ env_var('STAGING_SCHEMA', 'stg') }}"
                      +pre-hook: "insert into audit values ('{{ this }}')"
                """);
        TestingLog log = new TestingLog();
        ProjectConfig config = ProjectLoader.load(dir, log, Map.of(), Map.of());

        assertEquals("shop", config.name());
        assertEquals("1.0", config.version());
        assertEquals("shop_profile", config.profile());
        assertEquals(List.of("src_models"), config.paths().modelPaths());
        assertEquals(List.of("data"), config.paths().seedPaths());
        assertEquals(List.of("tests"), config.paths().testPaths());
        assertEquals(List.of("macros"), config.paths().macroPaths());
        assertEquals("out", config.paths().targetPath());
        assertEquals(dir.toAbsolutePath().normalize().resolve("out"), config.targetDir());
        assertEquals(List.of("out", "dbt_packages"), config.paths().cleanTargets());
        assertEquals("2020-01-01", config.vars().get("start_date"));
        assertEquals(Map.of("scoped", 1), config.vars().get("shop"));
        assertEquals("{{ env_var('NOT_SET_AT_LOAD') }}", config.vars().get("lazy"), "vars render when used");
        assertEquals(List.of("create schema if not exists {{ target.schema }}"), config.onRunStart());
        assertEquals(2, config.onRunEnd().size());
        assertEquals("grant usage on schema {{ target.schema }} to role reporter", config.onRunEnd().get(0));
        assertEquals(Map.of("dbt_utils", List.of("shop", "dbt_utils")), config.dispatch());
        assertEquals(false, config.quoting().get("identifier"));
        @SuppressWarnings("unchecked")
        Map<String, Object> staging = (Map<String, Object>) ((Map<String, Object>) config.models().get("shop")).get("staging");
        assertEquals("stg", staging.get("+schema"), "env_var default rendered at load time");
        assertEquals("insert into audit values ('{{ this }}')", staging.get("+pre-hook"), "hooks render later");
        assertTrue(log.warnings().isEmpty(), log.warnings().toString());
        assertTrue(log.debugMessages().stream().anyMatch(m -> m.contains("require-dbt-version")));
    }

    @Test
    void rendersEnvVarsAndCliVars() {
        TestingFiles.write(dir, "dbt_project.yml", """
                name: shop
                profile: "{{ env_var('PROFILE') }}"
                models:
                  shop:
                    +schema: "{{ var('schema_name') }}"
                """);
        ProjectConfig config = ProjectLoader.load(dir, new TestingLog(), Map.of("PROFILE", "from_env"),
                Map.of("schema_name", "analytics"));
        assertEquals("from_env", config.profile());
        assertEquals(Map.of("+schema", "analytics"), config.models().get("shop"));
    }

    @Test
    void richerJinjaInConfigTreesIsLeftForTheParser() {
        TestingFiles.write(dir, "dbt_project.yml", """
                name: shop
                models:
                  +materialized: "{{ 'table' if target.name == 'prod' else 'view' }}"
                """);
        ProjectConfig config = ProjectLoader.load(dir, new TestingLog(), Map.of(), Map.of());
        assertEquals("{{ 'table' if target.name == 'prod' else 'view' }}", config.models().get("+materialized"));
    }

    @Test
    void richerJinjaInTopLevelValuesIsAnError() {
        TestingFiles.write(dir, "dbt_project.yml", "name: shop\nprofile: \"{{ 'a' ~ 'b' }}\"\n");
        ModelException e = assertThrows(ModelException.class, () -> ProjectLoader.load(dir, new TestingLog(), Map.of(), Map.of()));
        assertEquals(ErrorCategory.PROJECT, e.category());
        assertTrue(e.getMessage().startsWith("Unsupported Jinja in a YAML value"), e.getMessage());
    }

    @Test
    void missingProjectFileSaysWhereItLooked() {
        ModelException e = assertThrows(ModelException.class, () -> ProjectLoader.load(dir, new TestingLog()));
        assertEquals(ErrorCategory.PROJECT, e.category());
        assertEquals("No dbt_project.yml found at " + dir.toAbsolutePath().normalize(), e.getMessage());
        assertEquals(dir.toAbsolutePath().normalize().resolve("dbt_project.yml"), e.location().orElseThrow().file());
    }

    @Test
    void malformedYamlPointsAtLineAndColumn() {
        Path file = TestingFiles.write(dir, "dbt_project.yml", "name: shop\nmodels:\n  shop: [unclosed\nprofile: x\n");
        ModelException e = assertThrows(ModelException.class, () -> ProjectLoader.load(dir, new TestingLog()));
        assertEquals(ErrorCategory.PROJECT, e.category());
        assertTrue(e.getMessage().startsWith("Malformed YAML in dbt_project.yml"), e.getMessage());
        assertEquals(file.toAbsolutePath().normalize(), e.location().orElseThrow().file());
        assertEquals(4, e.location().orElseThrow().line());
        assertTrue(e.location().orElseThrow().column() > 0);
    }

    @Test
    void unknownTopLevelKeyWarnsWithKeyAndFile() {
        TestingFiles.write(dir, "dbt_project.yml", "name: shop\nmodel-path: [models]\n");
        TestingLog log = new TestingLog();
        ProjectLoader.load(dir, log, Map.of(), Map.of());
        assertEquals(1, log.warnings().size());
        String message = log.warnings().get(0).message();
        assertTrue(message.contains("'model-path'") && message.contains("dbt_project.yml"), message);
    }

    @Test
    void missingEnvVarNamesTheVariable() {
        Path file = TestingFiles.write(dir, "dbt_project.yml", "name: shop\nprofile: \"{{ env_var('SHOP_PROFILE') }}\"\n");
        ModelException e = assertThrows(ModelException.class, () -> ProjectLoader.load(dir, new TestingLog(), Map.of(), Map.of()));
        assertEquals("Env var required but not provided: 'SHOP_PROFILE'", e.getMessage());
        assertEquals(file.toAbsolutePath().normalize(), e.location().orElseThrow().file());
    }

    @Test
    void missingNameIsAnError() {
        TestingFiles.write(dir, "dbt_project.yml", "version: '1'\n");
        ModelException e = assertThrows(ModelException.class, () -> ProjectLoader.load(dir, new TestingLog()));
        assertEquals("dbt_project.yml is missing the required key 'name'", e.getMessage());
    }
}
