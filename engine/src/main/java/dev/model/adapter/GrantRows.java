package dev.model.adapter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a warehouse's grant listing reads as {@code privilege -> grantees}: one rule for the grants a
 * build applies (read through the dispatched {@code get_show_grant_sql}) and for
 * {@link WarehouseOperations#showGrants}.
 */
public final class GrantRows {

    private GrantRows() {
    }

    /**
     * dbt's {@code standardize_grants_dict}: Snowflake's rows ({@code privilege}, {@code granted_to},
     * {@code grantee_name}), without ownership and without grants to shares and database roles, or
     * the ANSI shape ({@code privilege_type}, {@code grantee}).
     */
    public static Map<String, List<String>> standardize(QueryResult rows) {
        int privilege = column(rows, "privilege", "privilege_type");
        int grantee = column(rows, "grantee_name", "grantee");
        int grantedTo = column(rows, "granted_to");
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (privilege < 0 || grantee < 0) {
            return out;
        }
        for (List<Object> row : rows.rows()) {
            String p = String.valueOf(row.get(privilege));
            String to = grantedTo < 0 ? "ROLE" : String.valueOf(row.get(grantedTo)).toUpperCase(Locale.ROOT);
            if (p.equalsIgnoreCase("OWNERSHIP") || to.equals("SHARE") || to.equals("DATABASE_ROLE")) {
                continue;
            }
            List<String> grantees = out.computeIfAbsent(p, k -> new ArrayList<>());
            String name = String.valueOf(row.get(grantee));
            if (!grantees.contains(name)) {
                grantees.add(name);
            }
        }
        return out;
    }

    private static int column(QueryResult rows, String... names) {
        List<String> columns = rows.columnNames();
        for (String name : names) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).equalsIgnoreCase(name)) {
                    return i;
                }
            }
        }
        return -1;
    }
}
