package dev.model.run.materialize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

final class TestSqlStatements {

    @Test
    void splitsAtTopLevelSemicolonsOnly() {
        assertEquals(List.of("delete from t where a = ';'", "insert into \"odd;name\" select 1"),
                SqlStatements.split("delete from t where a = ';';\n  insert into \"odd;name\" select 1;\n"));
    }

    @Test
    void keepsSemicolonsInCommentsAndDoubledQuotes() {
        assertEquals(List.of("select 'it''s; fine' -- a; comment\n from x", "select 2 /* x; y */"),
                SqlStatements.split("select 'it''s; fine' -- a; comment\n from x; select 2 /* x; y */"));
    }

    @Test
    void dropsEmptyAndCommentOnlyStatements() {
        assertEquals(List.of("select 1"), SqlStatements.split(" ; -- nothing here\n; select 1;;"));
        assertEquals(List.of(), SqlStatements.split("  \n -- only a comment"));
    }

    @Test
    void anUnclosedQuoteRunsToTheEnd() {
        assertEquals(List.of("select 'a; b"), SqlStatements.split("select 'a; b"));
    }

    @Test
    void keepsSemicolonsInDollarQuotedText() {
        assertEquals(List.of("comment on table t is $$one row; per order$$", "select 1"),
                SqlStatements.split("comment on table t is $$one row; per order$$; select 1"));
    }
}
