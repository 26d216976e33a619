package dev.model.run.materialize;

import dev.model.adapter.Capability;
import dev.model.adapter.GrantRows;
import dev.model.adapter.Relation;
import dev.model.adapter.Session;
import dev.model.jinja.JinjaEngine;
import dev.model.jinja.RenderScope;
import dev.model.parse.NodeConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * dbt's {@code apply_grants}, run after a model, seed or snapshot is built where the warehouse has
 * {@link Capability#GRANTS}: when old grants may still be on the relation ({@code should_revoke}),
 * the current ones are read with {@code get_show_grant_sql} and diffed with the {@code grants}
 * config (privileges and grantees compared without regard to case); what is no longer configured
 * is revoked, then what is missing granted, with {@code get_revoke_sql} and {@code get_grant_sql},
 * one grantee per statement where {@code support_multiple_grantees_per_dcl_statement()} says so.
 * Every SQL text comes from those dispatched macros, so a project overrides them as in dbt.
 *
 * @param jinja   renders the macros
 * @param scope   the node's scope ({@code config} is the node's)
 * @param session runs the statements
 * @param record  sees each statement before it is sent (for {@code target/run/})
 */
public record Grants(JinjaEngine jinja, RenderScope scope, Session session, Consumer<String> record) {

    /** {@code privilege -> grantees} from a {@code grants} config value; empty when none. */
    static Map<String, List<String>> configured(Object grants) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (grants instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                List<String> grantees = NodeConfig.stringList(entry.getValue()).stream()
                        .map(String::strip).filter(g -> !g.isEmpty()).toList();
                out.put(entry.getKey().toString().strip(), grantees);
            }
        }
        return out;
    }

    /**
     * Applies {@code config}'s grants to {@code relation} where the adapter supports grants.
     *
     * @param existed  the relation existed before the build (dbt's {@code existing_relation})
     * @param replaced the build replaced it rather than changing its rows (dbt's {@code full_refresh_mode})
     */
    public static void apply(dev.model.run.execute.ExecutionContext context, Grants grants, NodeConfig config,
                             Relation relation, boolean existed, boolean replaced) {
        if (!context.adapter().supports(Capability.GRANTS)) {
            return;
        }
        grants.apply(configured(config.get("grants")), relation, existed, replaced);
    }

    void apply(Map<String, List<String>> desired, Relation relation, boolean existed, boolean replaced) {
        if (desired.isEmpty()) {
            return;
        }
        Map<String, List<String>> needsGranting;
        Map<String, List<String>> needsRevoking;
        if (shouldRevoke(existed, replaced)) {
            Map<String, List<String>> current = current(relation);
            needsGranting = diff(desired, current);
            needsRevoking = diff(current, desired);
        } else {
            needsGranting = desired;
            needsRevoking = Map.of();
        }
        boolean together = truthy(jinja.callMacro("support_multiple_grantees_per_dcl_statement", List.of(), Map.of(), scope));
        List<String> statements = new ArrayList<>();
        statements.addAll(dcl("get_revoke_sql", relation, needsRevoking, together));
        statements.addAll(dcl("get_grant_sql", relation, needsGranting, together));
        for (String statement : statements) {
            for (String part : SqlStatements.split(statement)) {
                record.accept(part);
                session.execute(part);
            }
        }
    }

    /** dbt's {@code should_revoke}: nothing to revoke on a new relation; a replaced one kept its grants only with copy_grants. */
    boolean shouldRevoke(boolean existed, boolean replaced) {
        if (!existed) {
            return false;
        }
        return !replaced || truthy(jinja.callMacro("copy_grants", List.of(), Map.of(), scope));
    }

    private Map<String, List<String>> current(Relation relation) {
        String sql = text(jinja.callMacro("get_show_grant_sql", List.of(relation), Map.of(), scope));
        record.accept(sql);
        return GrantRows.standardize(session.query(sql, 0));
    }

    /** dbt's {@code diff_of_two_dicts}: what {@code a} has that {@code b} lacks, ignoring case, spelled as in {@code a}. */
    static Map<String, List<String>> diff(Map<String, List<String>> a, Map<String, List<String>> b) {
        Map<String, Set<String>> lowered = new LinkedHashMap<>();
        b.forEach((k, v) -> lowered.put(k.toLowerCase(Locale.ROOT),
                new LinkedHashSet<>(v.stream().map(x -> x.toLowerCase(Locale.ROOT)).toList())));
        Map<String, List<String>> out = new LinkedHashMap<>();
        a.forEach((k, v) -> {
            Set<String> other = lowered.get(k.toLowerCase(Locale.ROOT));
            List<String> missing = other == null ? v : v.stream().filter(x -> !other.contains(x.toLowerCase(Locale.ROOT))).toList();
            if (!missing.isEmpty()) {
                out.put(k, missing);
            }
        });
        return out;
    }

    private List<String> dcl(String macro, Relation relation, Map<String, List<String>> grants, boolean together) {
        List<String> out = new ArrayList<>();
        grants.forEach((privilege, grantees) -> {
            if (together) {
                out.add(text(jinja.callMacro(macro, List.of(relation, privilege, grantees), Map.of(), scope)));
            } else {
                for (String grantee : grantees) {
                    out.add(text(jinja.callMacro(macro, List.of(relation, privilege, List.of(grantee)), Map.of(), scope)));
                }
            }
        });
        return out;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().strip();
    }

    static boolean truthy(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        return value != null && Boolean.parseBoolean(value.toString().strip());
    }
}
