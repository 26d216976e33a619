package dev.model.jinja;

import dev.model.adapter.Relation;
import dev.model.parse.RefCall;
import dev.model.parse.SourceCall;
import java.util.Map;
import java.util.Optional;

/**
 * What the caller of a render supplies for one node: how {@code ref}, {@code source},
 * {@code config}, {@code this} and {@code is_incremental()} behave. Parsing supplies a scope that
 * records calls and returns placeholder relations with {@code execute} false; compiling supplies
 * one that resolves them to real relations with {@code execute} true.
 *
 * Implementations throw {@link dev.model.error.ModelException} (e.g. for a missing ref); the
 * Jinja layer lets it through with the template location attached.
 */
public interface RenderScope {

    Relation ref(RefCall call);

    Relation source(SourceCall call);

    /** {@code {{ config(materialized='table') }}}: captured at parse time, ignored later. */
    void config(Map<String, Object> kwargs);

    /** {@code config.get('key', default)} sees the node's resolved config. */
    Object configGet(String key, Object fallback);

    /** {@code config.require('key')}: the value, or a compiler error naming the key. */
    default Object configRequire(String key) {
        Object value = configGet(key, null);
        if (value == null) {
            throw dev.model.error.ModelException.project("Required config '" + key + "' was not set");
        }
        return value;
    }

    /** {@code this}; empty for templates that are not a node (hooks, YAML, operations). */
    Optional<Relation> self();

    boolean isIncremental();

    boolean execute();

    /** Runs {@code run_query} and {@code statement} blocks; empty when there is no warehouse. */
    Optional<QueryRunner> queries();

    /** Extra names for this render only, e.g. {@code model} (the node as a map) or test kwargs. */
    default Map<String, Object> extraContext() {
        return Map.of();
    }
}
