package dev.model.parse;

import dev.model.adapter.Quoting;
import dev.model.adapter.Relation;
import dev.model.jinja.QueryRunner;
import dev.model.jinja.RenderScope;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scope a node is rendered in at parse time, as dbt's parse context: {@code execute} is false,
 * {@code ref} and {@code source} are recorded and answer with placeholder relations, and
 * {@code config()} calls are captured. One instance per render; not shared between threads.
 */
public final class ParseScope implements RenderScope {

    private final String database;
    private final String schema;
    private final String nodeName;
    private final Map<String, Object> inheritedConfig;
    private final List<RefCall> refs = new ArrayList<>();
    private final List<SourceCall> sources = new ArrayList<>();
    private final Map<String, Object> captured = new LinkedHashMap<>();

    /**
     * @param nodeName        the node being parsed, or null for a template that is not a node (a YAML value)
     * @param inheritedConfig config known before the file's own {@code config()} (folder and YAML),
     *                        which {@code config.get} sees
     */
    public ParseScope(String database, String schema, String nodeName, Map<String, Object> inheritedConfig) {
        this.database = database;
        this.schema = schema;
        this.nodeName = nodeName;
        this.inheritedConfig = inheritedConfig;
    }

    @Override
    public Relation ref(RefCall call) {
        refs.add(call);
        return Relation.of(database, schema, call.name(), Quoting.NONE);
    }

    @Override
    public Relation source(SourceCall call) {
        sources.add(call);
        return Relation.of(database, call.sourceName(), call.tableName(), Quoting.NONE);
    }

    @Override
    public void config(Map<String, Object> kwargs) {
        kwargs.forEach((k, v) -> captured.put(k, normalise(v)));
    }

    @Override
    public Object configGet(String key, Object fallback) {
        Object value = captured.containsKey(key) ? captured.get(key) : inheritedConfig.get(key);
        return value == null ? fallback : value;
    }

    @Override
    public Optional<Relation> self() {
        return nodeName == null ? Optional.empty() : Optional.of(Relation.of(database, schema, nodeName, Quoting.NONE));
    }

    @Override
    public boolean isIncremental() {
        return false;
    }

    @Override
    public boolean execute() {
        return false;
    }

    @Override
    public Optional<QueryRunner> queries() {
        return Optional.empty();
    }

    public List<RefCall> refs() {
        return List.copyOf(refs);
    }

    public List<SourceCall> sources() {
        return List.copyOf(sources);
    }

    /** The file's {@code config()} kwargs, in call order, later calls winning. */
    public Map<String, Object> capturedConfig() {
        return captured;
    }

    /** Numbers as the fast path reads them (int where it fits), lists and maps as plain copies. */
    static Object normalise(Object value) {
        if (value instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
            return l.intValue();
        }
        if (value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof java.util.Collection<?> items) {
            List<Object> out = new ArrayList<>(items.size());
            items.forEach(item -> out.add(normalise(item)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), normalise(v)));
            return out;
        }
        return value;
    }
}
