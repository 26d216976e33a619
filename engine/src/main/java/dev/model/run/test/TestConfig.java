package dev.model.run.test;

import dev.model.parse.NodeConfig;
import java.util.Locale;

/**
 * A data test's run-time configs, read as dbt's test materialization reads them.
 *
 * @param failCalc     what counts as the failure number, {@code count(*)} unless {@code fail_calc}
 * @param warnIf       the condition appended to it, {@code != 0} unless {@code warn_if}
 * @param errorIf      likewise for {@code error_if}
 * @param warnSeverity {@code severity: warn}: the test never fails, at worst it warns
 * @param limit        {@code limit}, or null for none
 * @param storeFailures whether failing rows are kept in the audit schema
 * @param storeAsView  {@code store_failures_as: view}
 */
record TestConfig(String failCalc, String warnIf, String errorIf, boolean warnSeverity, Integer limit,
                  boolean storeFailures, boolean storeAsView) {

    static TestConfig of(NodeConfig config) {
        String failCalc = text(config.get("fail_calc"), "count(*)");
        String warnIf = text(config.get("warn_if"), "!= 0");
        String errorIf = text(config.get("error_if"), "!= 0");
        boolean warn = "warn".equals(text(config.get("severity"), "error").toLowerCase(Locale.ROOT));
        Object limitValue = config.get("limit");
        Integer limit = limitValue == null ? null : Integer.valueOf(limitValue.toString().trim());
        String storeAs = config.getString("store_failures_as");
        boolean store = Boolean.TRUE.equals(config.get("store_failures")) || "true".equals(String.valueOf(config.get("store_failures")))
                || (storeAs != null && !storeAs.equals("ephemeral"));
        return new TestConfig(failCalc, warnIf, errorIf, warn, limit, store, "view".equals(storeAs));
    }

    private static String text(Object value, String fallback) {
        return value == null || value.toString().isBlank() ? fallback : value.toString().trim();
    }

    /** dbt's {@code get_test_sql}: the failure count and both thresholds in one row. */
    String wrap(String testSql) {
        return "select\n      " + failCalc + " as failures,\n      " + failCalc + " " + warnIf + " as should_warn,\n      "
                + failCalc + " " + errorIf + " as should_error\n    from (\n" + withLimit(testSql) + "\n    ) dbt_internal_test";
    }

    String withLimit(String testSql) {
        return limit == null ? testSql : testSql + "\nlimit " + limit;
    }
}
