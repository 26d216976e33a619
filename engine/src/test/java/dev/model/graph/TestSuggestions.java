package dev.model.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

final class TestSuggestions {

    @Test
    void countsInsertionsDeletionsSubstitutionsAndTranspositionsAsOneEdit() {
        assertEquals(1, Suggestions.distance("stg_ordrs", "stg_orders", 3));
        assertEquals(1, Suggestions.distance("stg_orders", "stg_ordrs", 3));
        assertEquals(1, Suggestions.distance("stg_orders", "stg_ordres", 3));
        assertEquals(1, Suggestions.distance("orders", "orderz", 3));
        assertEquals(0, Suggestions.distance("Orders", "orders", 3));
    }

    @Test
    void givesUpBeyondTheLimit() {
        assertEquals(2, Suggestions.distance("a", "customers", 1));
    }

    @Test
    void suggestsOnlyReasonablyCloseNames() {
        List<String> names = List.of("orders", "customers", "order_items", "stg_orders", "Orders_v");
        assertEquals(List.of("orders"), Suggestions.closest("ordres", names));
        assertEquals(List.of(), Suggestions.closest("payments", names));
        assertEquals(List.of("stg_orders"), Suggestions.closest("stg_ordrs", names));
        assertEquals(List.of("stg_orders", "stg_ordrs_", "stg_orderz"),
                Suggestions.closest("stg_ordrs", List.of("stg_orderz", "stg_ordrs_", "stg_orders", "stg_ordrs", "x")));
    }

    @Test
    void phrasesOneTwoOrThreeSuggestions() {
        assertEquals("", Suggestions.didYouMean(List.of()));
        assertEquals(" Did you mean 'a'?", Suggestions.didYouMean(List.of("a")));
        assertEquals(" Did you mean 'a' or 'b'?", Suggestions.didYouMean(List.of("a", "b")));
        assertEquals(" Did you mean 'a', 'b' or 'c'?", Suggestions.didYouMean(List.of("a", "b", "c")));
    }
}
