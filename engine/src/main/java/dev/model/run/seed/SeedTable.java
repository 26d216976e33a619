package dev.model.run.seed;

import dev.model.adapter.Capability;
import dev.model.adapter.Column;
import dev.model.adapter.Relation;
import dev.model.adapter.Session;
import dev.model.adapter.WarehouseAdapter;
import dev.model.run.materialize.ExplicitTransactions;
import dev.model.run.materialize.ReplaceInPlace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Replaces a seed's table all or nothing: the file goes into a new {@code <name>__dbt_tmp} table
 * first, so a bad file leaves the previous table as it was. Where DDL is transactional (DuckDB),
 * the old table is dropped and the new one renamed into place in one transaction: atomic, and
 * without copying the rows a second time. Elsewhere, when the old table has the same columns and
 * no full refresh is asked, its rows are replaced in one transaction (dbt truncates and inserts,
 * keeping the table's grants); otherwise the old table is dropped and the new one renamed.
 */
final class SeedTable {

    private final WarehouseAdapter adapter;
    private final Session session;
    private final Relation target;

    SeedTable(WarehouseAdapter adapter, Session session, Relation target) {
        this.adapter = adapter;
        this.session = session;
        this.target = target;
    }

    /**
     * What a load did: the rows loaded, whether a table was there before, and whether it was
     * replaced by a new one (rather than its rows), which decides what happens to its grants.
     */
    record Loaded(long rows, boolean existed, boolean replaced) {
    }

    Loaded replaceWith(SeedLoader loader, boolean fullRefresh) {
        session.createSchemaIfMissing(target.database(), target.schema());
        Relation staged = target.withIdentifier(target.identifier() + "__dbt_tmp").withType(Relation.RelationType.TABLE);
        session.dropRelation(staged);
        long rows;
        Loaded loaded = null;
        try {
            rows = loader.createAndLoad(session, staged);
            loaded = swapIn(staged, fullRefresh, rows);
        } finally {
            if (loaded == null) {
                session.dropRelation(staged.withType(Relation.RelationType.UNKNOWN));
            }
        }
        return loaded;
    }

    private Loaded swapIn(Relation staged, boolean fullRefresh, long rows) {
        Optional<Relation> existing = session.getRelation(target);
        boolean atomicSwap = adapter.supports(Capability.TRANSACTIONAL_DDL);
        if (!atomicSwap && existing.isPresent() && existing.get().type() == Relation.RelationType.TABLE && !fullRefresh
                && sameColumns(session.getColumns(existing.get()), session.getColumns(staged))) {
            List<String> replaceRows = List.of(
                    "delete from " + target.render(),
                    "insert into " + target.render() + " select * from " + staged.render());
            if (ReplaceInPlace.appliesTo(adapter)) {
                // dbt-snowflake's DML shape: an explicit begin ... commit, not the driver's auto-commit switch
                List<String> explicit = new ArrayList<>();
                explicit.add("begin");
                explicit.addAll(replaceRows);
                explicit.add("commit");
                ExplicitTransactions.run(session, explicit, statement -> { });
            } else {
                session.executeInTransaction(replaceRows);
            }
            session.dropRelation(staged);
            return new Loaded(rows, true, false);
        }
        List<String> drop = new ArrayList<>();
        existing.ifPresent(old -> drop.add("drop " + (old.type() == Relation.RelationType.VIEW ? "view" : "table")
                + " if exists " + target.render()));
        if (atomicSwap) {
            String newName = target.quoting().identifier() ? target.quoting().quote(target.identifier()) : target.identifier();
            List<String> statements = new ArrayList<>(drop);
            statements.add("alter table " + staged.render() + " rename to " + newName);
            session.executeInTransaction(statements);
        } else {
            drop.forEach(session::execute);
            // the adapter's own rename: Snowflake resolves an unqualified new name in the session's schema
            session.renameRelation(staged, target.identifier());
        }
        return new Loaded(rows, existing.isPresent(), true);
    }

    private static boolean sameColumns(List<Column> old, List<Column> fresh) {
        if (old.size() != fresh.size()) {
            return false;
        }
        for (int i = 0; i < old.size(); i++) {
            Column a = old.get(i);
            Column b = fresh.get(i);
            if (!a.name().equals(b.name()) || !a.dataType().toLowerCase(Locale.ROOT).equals(b.dataType().toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }
}
