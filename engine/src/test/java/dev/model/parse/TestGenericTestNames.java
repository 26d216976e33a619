package dev.model.parse;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

final class TestGenericTestNames {

    private static Map<String, Object> args(Object... keyValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            out.put((String) keyValues[i], keyValues[i + 1]);
        }
        return out;
    }

    @Test
    void columnTestNames() {
        assertEquals("not_null_orders_order_id",
                GenericTestNames.synthesize("not_null", "orders", args("column_name", "order_id")).fullName());
        assertEquals("accepted_values_orders_status__placed__shipped__completed",
                GenericTestNames.synthesize("accepted_values", "orders",
                        args("values", List.of("placed", "shipped", "completed"), "column_name", "status")).fullName());
        assertEquals("relationships_orders_customer_id__customer_id__ref_customers_",
                GenericTestNames.synthesize("relationships", "orders", args("to", "ref('customers')",
                        "field", "customer_id", "column_name", "customer_id")).fullName());
        assertEquals("source_not_null_raw_orders_id",
                GenericTestNames.synthesize("source_not_null", "raw_orders", args("column_name", "id")).fullName());
    }

    @Test
    void longNamesAreShortenedWithAnMd5() {
        GenericTestNames.Names names = GenericTestNames.synthesize("dbt_utils_expression_is_true", "customer_lifetime_value",
                args("expression", "lifetime_value >= 0 and lifetime_value < 1000000"));
        assertEquals("dbt_utils_expression_is_true_customer_lifetime_value_lifetime_value_0_and_lifetime_value_1000000",
                names.fullName());
        assertEquals("dbt_utils_expression_is_true_c_" + GenericTestNames.md5(names.fullName()), names.shortName());
        assertEquals(63, names.shortName().length());
    }

    /** Unique ids as dbt 1.x writes them in jaffle_shop's manifest.json. */
    @Test
    void uniqueIdHashesMatchDbt() {
        Map<String, Object> kwargs = args("column_name", "customer_id",
                "model", "{{ get_where_subquery(ref('customers')) }}");
        assertEquals("c5af1ff4b1", GenericTestNames.uniqueIdHash("unique_customers_customer_id", "unique", null, kwargs));
        assertEquals("5c9bf9911d", GenericTestNames.uniqueIdHash("not_null_customers_customer_id", "not_null", null, kwargs));
    }

    @Test
    void hashDependsOnArguments() {
        Map<String, Object> a = args("column_name", "x", "values", List.of(1, 2), "model", "m");
        Map<String, Object> b = args("column_name", "x", "values", List.of(1, 3), "model", "m");
        assertNotEquals(GenericTestNames.uniqueIdHash("t", "accepted_values", null, a),
                GenericTestNames.uniqueIdHash("t", "accepted_values", null, b));
    }

    @Test
    void pythonReprOfHashInputs() {
        assertEquals("{'kwargs': {'a': 'True', 'b': ['1', 'None']}, 'name': \"it's\"}",
                PythonRepr.repr(new java.util.TreeMap<>(Map.of("kwargs", new java.util.TreeMap<>(Map.of("a", "True",
                        "b", java.util.Arrays.asList("1", "None"))), "name", "it's"))));
        assertEquals("1.5", PythonRepr.str(1.5));
        assertEquals("True", PythonRepr.str(true));
    }
}
