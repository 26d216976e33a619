package dev.model.run.materialize;

import dev.model.adapter.Relation;
import dev.model.error.ModelException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A table, swapped in atomically: the new rows are built into {@code <name>__dbt_tmp} while the
 * old table stays queryable; a model whose SQL fails leaves the old table untouched and the
 * temporary one dropped. Then the old relation is renamed to {@code <name>__dbt_backup}, the
 * new one to {@code <name>}, and the backup dropped.
 *
 * <p>Where DDL is transactional (DuckDB) those three steps are one transaction: a crash leaves
 * either the old table or the new one. Where it is not (H2), they run in the safest order, and a
 * crash after step 1 leaves the old rows in {@code __dbt_backup} and the new ones in
 * {@code __dbt_tmp} with {@code <name>} missing until the next run, which drops both leftovers and
 * rebuilds; after step 2 the new table is in place and only the backup is left to drop. As with
 * dbt on Postgres, dropping the backup drops views that depend on the old table.
 *
 * <p>Where {@code create or replace} is itself the atomic swap and DDL is not transactional
 * (Snowflake, see {@link ReplaceInPlace}), the table is one {@code create or replace} statement, as
 * dbt-snowflake builds it: a failing model leaves the old table as it was, and only a view of the
 * same name is dropped first.
 */
record TableMaterialization() implements Materialization {

    static final String TMP_SUFFIX = "__dbt_tmp";
    static final String BACKUP_SUFFIX = "__dbt_backup";

    @Override
    public String name() {
        return "table";
    }

    @Override
    public void build(ModelBuild build) {
        swapIn(build, build.sql());
    }

    /** Builds {@code sql} into a temporary table and swaps it in for the model's relation. */
    static void swapIn(ModelBuild build, String sql) {
        if (build.replacesInPlace()) {
            replaceInPlace(build, sql);
            return;
        }
        Relation target = build.target().withType(Relation.RelationType.TABLE);
        Relation tmp = target.withIdentifier(target.identifier() + TMP_SUFFIX);
        Relation backup = target.withIdentifier(target.identifier() + BACKUP_SUFFIX);
        build.dropIfExists(tmp);
        build.dropIfExists(backup);
        try {
            build.runMain(build.macros().createTableAs(false, tmp, sql));
        } catch (ModelException failure) {
            dropQuietly(build, tmp, failure);
            throw failure;
        }
        build.cache().created(tmp);

        Optional<Relation> existing = build.existing(build.target());
        List<String> swap = new ArrayList<>();
        Relation backupOfExisting = null;
        if (existing.isPresent()) {
            backupOfExisting = backup.withType(existing.get().type());
            swap.add(build.macros().renameRelation(existing.get(), backupOfExisting));
        }
        swap.add(build.macros().renameRelation(tmp, target));
        if (backupOfExisting != null) {
            swap.add(build.macros().dropRelation(backupOfExisting));
        }
        build.runAtomically(swap);
        build.cache().dropped(tmp);
        build.cache().dropped(backup);
        build.cache().created(target);
    }

    /** dbt-snowflake's table: drop what is not a table in the way, then {@code create or replace}. */
    private static void replaceInPlace(ModelBuild build, String sql) {
        Relation target = build.target().withType(Relation.RelationType.TABLE);
        Optional<Relation> existing = build.existing(build.target());
        if (existing.isPresent() && existing.get().type() != Relation.RelationType.TABLE) {
            build.run(build.macros().dropRelation(existing.get()));
            build.cache().dropped(existing.get());
        }
        build.runMain(build.macros().createTableAs(false, target, sql));
        build.cache().created(target);
    }

    /** After a failed build the temporary table, if any, must not linger; its own failure is secondary. */
    private static void dropQuietly(ModelBuild build, Relation tmp, ModelException cause) {
        if (!build.session().isCancelled()) {
            try {
                build.cache().dropped(tmp);
                build.session().dropRelation(tmp);
            } catch (ModelException dropFailure) {
                cause.addSuppressed(dropFailure);
            }
        }
    }
}
