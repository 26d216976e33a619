package dev.model.run.materialize;

/**
 * How a model becomes a relation, chosen by its {@code materialized} config. Each strategy does
 * its SQL through the {@link ModelBuild}; a failure is a {@link dev.model.error.ModelException}.
 */
sealed interface Materialization
        permits ViewMaterialization, TableMaterialization, IncrementalMaterialization, EphemeralMaterialization,
        ProjectMaterialization {

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

    void build(ModelBuild build);
}
