package dev.model.task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.model.adapter.QueryResult;
import dev.model.adapter.QueryResult.ResultColumn;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

final class TestPreviewTable {

    private static QueryResult result(List<ResultColumn> columns, List<List<Object>> rows) {
        return new QueryResult(columns, rows, -1, false);
    }

    private static List<Object> row(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    @Test
    void printsAMarkdownTableWithTextLeftAndOtherValuesRightAligned() {
        QueryResult rows = result(List.of(
                        new ResultColumn("id", Types.INTEGER, "INTEGER"),
                        new ResultColumn("name", Types.VARCHAR, "VARCHAR"),
                        new ResultColumn("amount", Types.DECIMAL, "DECIMAL(10,2)"),
                        new ResultColumn("active", Types.BOOLEAN, "BOOLEAN"),
                        new ResultColumn("ordered_on", Types.DATE, "DATE")),
                List.of(row(1, "Ana", new BigDecimal("1234.50"), true, LocalDate.of(2024, 1, 31)),
                        row(22, null, new BigDecimal("7"), false, null)));

        assertEquals("""
                | id | name |  amount | active | ordered_on |
                | -- | ---- | ------- | ------ | ---------- |
                |  1 | Ana  | 1,234.5 |   True | 2024-01-31 |
                | 22 |      |     7.0 |  False |            |
                """, PreviewTable.text(rows));
    }

    @Test
    void cutsLongValuesAndShowsAtMostSixColumns() {
        List<ResultColumn> columns = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            columns.add(new ResultColumn("c" + i, Types.VARCHAR, "VARCHAR"));
            values.add(i == 1 ? "a value much longer than twenty characters" : "v" + i);
        }

        String text = PreviewTable.text(result(columns, List.of(values)));

        assertEquals("""
                | c1                   | c2 | c3 | c4 | c5 | c6 | ... |
                | -------------------- | -- | -- | -- | -- | -- | --- |
                | a value much long... | v2 | v3 | v4 | v5 | v6 | ... |
                """, text);
    }

    @Test
    void decimalPlacesFollowTheColumnUpToThreeWithAnEllipsis() {
        QueryResult rows = result(List.of(new ResultColumn("ratio", Types.DOUBLE, "DOUBLE")),
                List.of(row(0.5), row(2.0), row(1.23456)));

        assertEquals("""
                |  ratio |
                | ------ |
                | 0.500… |
                | 2.000… |
                | 1.235… |
                """, PreviewTable.text(rows));
    }

    @Test
    void jsonHoldsTheNodeAndOneObjectPerRowAsDbtPrintsIt() throws Exception {
        QueryResult rows = result(List.of(
                        new ResultColumn("id", Types.BIGINT, "BIGINT"),
                        new ResultColumn("name", Types.VARCHAR, "VARCHAR"),
                        new ResultColumn("at", Types.TIMESTAMP, "TIMESTAMP")),
                List.of(row(1L, "Zoë \"q\"\n", LocalDateTime.of(2024, 1, 2, 3, 4, 5)), row(2L, null, null)));

        String json = PreviewJson.of("orders", rows);

        assertEquals("""
                {
                  "node": "orders",
                  "show": [
                    {
                      "id": 1,
                      "name": "Zo\\u00eb \\"q\\"\\n",
                      "at": "2024-01-02T03:04:05"
                    },
                    {
                      "id": 2,
                      "name": null,
                      "at": null
                    }
                  ]
                }""", json);
        JsonNode parsed = new ObjectMapper().readTree(json);
        assertEquals("Zoë \"q\"\n", parsed.at("/show/0/name").asText());
    }

    @Test
    void inlineJsonHasNoNodeAndAnEmptyResultIsAnEmptyList() {
        QueryResult none = result(List.of(new ResultColumn("id", Types.INTEGER, "INTEGER")), List.of());

        assertEquals("{\n  \"show\": []\n}", PreviewJson.of(null, none));
        assertEquals("| id |\n| -- |\n", PreviewTable.text(none));
    }
}
