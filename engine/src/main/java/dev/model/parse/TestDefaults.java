package dev.model.parse;

import java.util.LinkedHashMap;
import java.util.Map;

/** dbt's defaults for a data test's config ({@code TestConfig}), which the run stage reads. */
final class TestDefaults {

    static final Map<String, Object> VALUES;

    static {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("materialized", "test");
        values.put("severity", "ERROR");
        values.put("fail_calc", "count(*)");
        values.put("warn_if", "!= 0");
        values.put("error_if", "!= 0");
        values.put("schema", "dbt_test__audit");
        VALUES = java.util.Collections.unmodifiableMap(values);
    }

    private TestDefaults() {
    }
}
