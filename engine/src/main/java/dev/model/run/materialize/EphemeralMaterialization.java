package dev.model.run.materialize;

/** An ephemeral model is a CTE inside its consumers: nothing is built, as in dbt. */
record EphemeralMaterialization() implements Materialization {

    @Override
    public String name() {
        return "ephemeral";
    }

    @Override
    public boolean appliesGrants() {
        return false;
    }

    @Override
    public void build(ModelBuild build) {
        // nothing to build: consumers inline the model's SQL
    }
}
