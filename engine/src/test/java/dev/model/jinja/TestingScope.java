package dev.model.jinja;

import dev.model.adapter.Quoting;
import dev.model.adapter.Relation;
import dev.model.error.ModelException;
import dev.model.parse.RefCall;
import dev.model.parse.SourceCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A scope that records calls and resolves refs to relations in schema {@code main}. */
final class TestingScope implements RenderScope {

    final List<RefCall> refs = new ArrayList<>();
    final List<SourceCall> sources = new ArrayList<>();
    final Map<String, Object> config = new LinkedHashMap<>();
    boolean execute;
    boolean isNode = true;
    QueryRunner runner;

    @Override
    public synchronized Relation ref(RefCall call) {
        refs.add(call);
        if (call.name().equals("missing")) {
            throw ModelException.project("Model 'missing' was not found");
        }
        return Relation.of("db", "main", call.name(), Quoting.ALL_DOUBLE);
    }

    @Override
    public Relation source(SourceCall call) {
        sources.add(call);
        return Relation.of("db", call.sourceName(), call.tableName(), Quoting.ALL_DOUBLE);
    }

    @Override
    public void config(Map<String, Object> kwargs) {
        config.putAll(kwargs);
    }

    @Override
    public Object configGet(String key, Object fallback) {
        return config.getOrDefault(key, fallback);
    }

    @Override
    public Optional<Relation> self() {
        return isNode ? Optional.of(Relation.of("db", "main", "this_model", Quoting.ALL_DOUBLE)) : Optional.empty();
    }

    @Override
    public boolean isIncremental() {
        return false;
    }

    @Override
    public boolean execute() {
        return execute;
    }

    @Override
    public Optional<QueryRunner> queries() {
        return Optional.ofNullable(runner);
    }
}
