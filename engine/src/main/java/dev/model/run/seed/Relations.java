package dev.model.run.seed;

import dev.model.adapter.Relation;
import dev.model.adapter.WarehouseAdapter;

/** Fills the database and schema a relation leaves to the target, so that SQL names it in full. */
final class Relations {

    private Relations() {
    }

    static Relation complete(Relation relation, WarehouseAdapter adapter) {
        if (relation.database() != null && relation.schema() != null) {
            return relation;
        }
        return new Relation(relation.database() == null ? adapter.database() : relation.database(),
                relation.schema() == null ? adapter.schema() : relation.schema(),
                relation.identifier(), relation.type(), relation.quoting());
    }
}
