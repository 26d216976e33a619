package dev.model.run.materialize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.model.adapter.GrantRows;
import dev.model.adapter.QueryResult;
import java.sql.Types;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class TestGrants {

    @Test
    void theDiffIgnoresCaseAndKeepsTheFirstDictsSpelling() {
        Map<String, List<String>> configured = new LinkedHashMap<>();
        configured.put("select", List.of("reporter", "bi_tool"));
        configured.put("insert", List.of("loader"));
        Map<String, List<String>> current = Map.of("SELECT", List.of("REPORTER", "OLD_ANALYST"));
        assertEquals(Map.of("select", List.of("bi_tool"), "insert", List.of("loader")), Grants.diff(configured, current));
        assertEquals(Map.of("SELECT", List.of("OLD_ANALYST")), Grants.diff(current, configured));
        assertEquals(Map.of(), Grants.diff(Map.of("Select", List.of("Reporter")), Map.of("SELECT", List.of("REPORTER"))));
    }

    @Test
    void snowflakesShowGrantsLeavesOutOwnershipSharesAndDatabaseRoles() {
        QueryResult rows = result(List.of("created_on", "privilege", "granted_on", "name", "granted_to", "grantee_name"),
                List.of(Arrays.asList("t", "OWNERSHIP", "TABLE", "ORDERS", "ROLE", "TRANSFORMER"),
                        Arrays.asList("t", "SELECT", "TABLE", "ORDERS", "ROLE", "REPORTER"),
                        Arrays.asList("t", "SELECT", "TABLE", "ORDERS", "SHARE", "PARTNER"),
                        Arrays.asList("t", "SELECT", "TABLE", "ORDERS", "DATABASE_ROLE", "DB_READER"),
                        Arrays.asList("t", "INSERT", "TABLE", "ORDERS", "ROLE", "LOADER")));
        assertEquals(Map.of("SELECT", List.of("REPORTER"), "INSERT", List.of("LOADER")), GrantRows.standardize(rows));
    }

    @Test
    void theAnsiShapeIsReadToo() {
        QueryResult rows = result(List.of("grantee", "privilege_type"),
                List.of(Arrays.asList("reporter", "SELECT"), Arrays.asList("bi", "SELECT")));
        assertEquals(Map.of("SELECT", List.of("reporter", "bi")), GrantRows.standardize(rows));
    }

    @Test
    void aConfigTakesOneGranteeOrAList() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("select", "reporter");
        config.put("insert", List.of(" loader ", ""));
        assertEquals(Map.of("select", List.of("reporter"), "insert", List.of("loader")), Grants.configured(config));
        assertEquals(Map.of(), Grants.configured(null));
    }

    private static QueryResult result(List<String> names, List<List<Object>> rows) {
        return new QueryResult(names.stream().map(n -> new QueryResult.ResultColumn(n, Types.VARCHAR, "VARCHAR")).toList(),
                rows, -1, false);
    }
}
