package dev.model.run.materialize;

import dev.model.adapter.Relation;
import java.util.Optional;

/**
 * How a model becomes a relation, chosen by its {@code materialized} config. Each strategy does
 * its SQL through the {@link ModelBuild}; a failure is a {@link dev.model.error.ModelException}.
 */
sealed interface Materialization
        permits ViewMaterialization, TableMaterialization, IncrementalMaterialization, EphemeralMaterialization,
        DynamicTableMaterialization, ProjectMaterialization {

    /** The name as configs spell it: {@code view}, {@code table}, ... */
    String name();

    /** Whether {@code is_incremental()} may be true when the model is compiled for this run. */
    default boolean canBeIncremental() {
        return false;
    }

    /** Whether the strategy runs the model's pre- and post-hooks itself (project blocks do, via run_hooks). */
    default boolean runsOwnHooks() {
        return false;
    }

    /** Whether the engine applies the {@code grants} config after the build (project blocks apply their own). */
    default boolean appliesGrants() {
        return true;
    }

    /**
     * dbt's {@code should_revoke(existing_relation, ...)} first argument: whether a relation existed
     * before the build whose grants may have been kept. {@code before} is the relation then.
     */
    default boolean existedForGrants(Optional<Relation> before) {
        return before.isPresent();
    }

    /**
     * dbt's {@code full_refresh_mode} for grants: the relation was replaced, so its old grants are
     * kept only where {@code copy_grants()} says so.
     */
    default boolean replacesForGrants(ModelBuild build) {
        return true;
    }

    void build(ModelBuild build);
}
