package dev.model.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

final class TestCteInjector {

    private static final String CTE = CteInjector.cteFor("int_lines", "select 1 as id");

    @Test
    void leavesQueriesWithoutEphemeralInputsAlone() {
        assertEquals("select 1", CteInjector.inject("select 1", List.of()));
    }

    @Test
    void startsAWithClauseWhenTheQueryHasNone() {
        assertEquals("with __dbt__cte__int_lines as (\nselect 1 as id\n) select * from __dbt__cte__int_lines",
                CteInjector.inject("select * from __dbt__cte__int_lines", List.of(CTE)));
    }

    @Test
    void joinsTheQuerysOwnWithClause() {
        String sql = "WITH orders as (select 2) select * from orders";
        assertEquals("WITH __dbt__cte__int_lines as (\nselect 1 as id\n), orders as (select 2) select * from orders",
                CteInjector.inject(sql, List.of(CTE)));
    }

    @Test
    void skipsLeadingCommentsAndBlankLines() {
        String sql = "\n-- a comment\n/* block */\nwith a as (select 1) select * from a";
        String injected = CteInjector.inject(sql, List.of(CTE));
        assertEquals("\n-- a comment\n/* block */\nwith __dbt__cte__int_lines as (\nselect 1 as id\n), a as (select 1) select * from a",
                injected);
    }

    @Test
    void putsANewWithBeforeLeadingComments() {
        String injected = CteInjector.inject("\n-- why\nselect 1", List.of(CTE));
        assertEquals("\nwith __dbt__cte__int_lines as (\nselect 1 as id\n) -- why\nselect 1", injected);
    }

    @Test
    void keepsRecursiveAfterWith() {
        String injected = CteInjector.inject("with recursive t(n) as (select 1) select * from t", List.of(CTE));
        assertEquals("with recursive __dbt__cte__int_lines as (\nselect 1 as id\n), t(n) as (select 1) select * from t",
                injected);
    }

    @Test
    void doesNotMistakeAnIdentifierStartingWithWithForTheKeyword() {
        String injected = CteInjector.inject("withdrawals", List.of(CTE));
        assertEquals("with __dbt__cte__int_lines as (\nselect 1 as id\n) withdrawals", injected);
    }

    @Test
    void joinsSeveralCtesInOrder() {
        String second = CteInjector.cteFor("int_b", "select 2");
        assertEquals("with __dbt__cte__int_lines as (\nselect 1 as id\n),  __dbt__cte__int_b as (\nselect 2\n) select 3",
                CteInjector.inject("select 3", List.of(CTE, second)));
    }
}
