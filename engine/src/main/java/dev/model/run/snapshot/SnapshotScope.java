package dev.model.run.snapshot;

import dev.model.adapter.Relation;
import dev.model.error.ModelException;
import dev.model.jinja.QueryRunner;
import dev.model.jinja.RenderScope;
import dev.model.parse.NodeConfig;
import dev.model.parse.RefCall;
import dev.model.parse.SourceCall;
import java.util.Map;
import java.util.Optional;

/** The scope the snapshot's SQL macros run in: {@code this} is the snapshot table, the warehouse is live. */
record SnapshotScope(Relation target, NodeConfig config, QueryRunner runner) implements RenderScope {

    @Override
    public Relation ref(RefCall call) {
        throw ModelException.project("ref() cannot be used in a snapshot macro", call.location());
    }

    @Override
    public Relation source(SourceCall call) {
        throw ModelException.project("source() cannot be used in a snapshot macro", call.location());
    }

    @Override
    public void config(Map<String, Object> kwargs) {
        // Config was captured at parse time; calls while executing change nothing, as in dbt.
    }

    @Override
    public Object configGet(String key, Object fallback) {
        return config.get(key, fallback);
    }

    @Override
    public Optional<Relation> self() {
        return Optional.of(target);
    }

    @Override
    public boolean isIncremental() {
        return false;
    }

    @Override
    public boolean execute() {
        return true;
    }

    @Override
    public Optional<QueryRunner> queries() {
        return Optional.of(runner);
    }
}
