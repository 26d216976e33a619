package dev.model.run.materialize;

import dev.model.adapter.Capability;
import dev.model.adapter.Relation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code create or replace view}. A table of the same name is dropped first, in the same
 * transaction where DDL is transactional, so readers never see the name missing there.
 */
record ViewMaterialization() implements Materialization {

    @Override
    public String name() {
        return "view";
    }

    @Override
    public boolean existedForGrants(Optional<Relation> before) {
        return before.isPresent() && before.get().type() == Relation.RelationType.VIEW;
    }

    @Override
    public void build(ModelBuild build) {
        Relation view = build.target().withType(Relation.RelationType.VIEW);
        Optional<Relation> existing = build.existing(build.target());
        List<String> statements = new ArrayList<>();
        if (existing.isPresent() && existing.get().type() != Relation.RelationType.VIEW) {
            statements.add(build.macros().dropRelation(existing.get()));
        } else if (existing.isPresent() && !build.supports(Capability.CREATE_OR_REPLACE_VIEW)) {
            statements.add(build.macros().dropRelation(existing.get()));
        }
        statements.add(build.macros().createViewAs(view, build.sql()));
        if (statements.size() == 1) {
            build.run(statements.get(0));
        } else {
            build.runAtomically(statements);
        }
        build.cache().created(view);
    }
}
