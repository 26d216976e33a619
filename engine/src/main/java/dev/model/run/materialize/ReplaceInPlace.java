package dev.model.run.materialize;

import dev.model.adapter.Capability;
import dev.model.adapter.WarehouseAdapter;

/**
 * The Snowflake way of building relations, chosen by capabilities rather than the adapter's name:
 * where {@code create or replace table} exists and DDL is not transactional, {@code create or
 * replace} is the atomic swap (no {@code __dbt_tmp}/{@code __dbt_backup} renames), temporary
 * relations are session-scoped objects in the target schema, and DML runs in explicit
 * {@code begin ... commit} transactions that the macros write.
 */
public final class ReplaceInPlace {

    private ReplaceInPlace() {
    }

    public static boolean appliesTo(WarehouseAdapter adapter) {
        return adapter.supports(Capability.CREATE_OR_REPLACE_TABLE) && !adapter.supports(Capability.TRANSACTIONAL_DDL);
    }
}
