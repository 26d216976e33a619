package dev.model.parse;

import dev.model.jinja.JinjaEngine;
import dev.model.jinja.TemplateSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds what a SQL template calls ({@code ref}, {@code source}, {@code config}): with the
 * {@link FastPathScanner} when its Jinja is that simple, else by rendering it once in a
 * {@link ParseScope} as dbt does.
 */
final class TemplateCalls {

    /** The calls of one template, and whether the scanner alone found them. */
    record Found(Dependencies dependencies, Map<String, Object> config, boolean scanned) {
    }

    private final JinjaEngine engine;
    private final String database;
    private final String schema;

    TemplateCalls(JinjaEngine engine, String database, String schema) {
        this.engine = engine;
        this.database = database;
        this.schema = schema;
    }

    /**
     * @param firstLine       the line of the file on which {@code text} starts
     * @param inheritedConfig the config known before the template's own {@code config()}
     */
    Found find(String text, Path file, int firstLine, String nodeName, Map<String, Object> inheritedConfig) {
        Optional<FastPathScanner.Extracted> scanned = FastPathScanner.scan(text, file);
        if (scanned.isPresent()) {
            FastPathScanner.Extracted found = scanned.get();
            return new Found(new Dependencies(shiftRefs(found.refs(), firstLine), shiftSources(found.sources(), firstLine),
                    Set.of()), found.config(), true);
        }
        ParseScope scope = new ParseScope(database, schema, nodeName, inheritedConfig);
        engine.render(text, new TemplateSource(file, firstLine), scope);
        return new Found(new Dependencies(scope.refs(), scope.sources(), Set.of()), scope.capturedConfig(), false);
    }

    private static List<RefCall> shiftRefs(List<RefCall> refs, int firstLine) {
        if (firstLine == 1) {
            return refs;
        }
        List<RefCall> out = new ArrayList<>(refs.size());
        refs.forEach(r -> out.add(new RefCall(r.packageName(), r.name(), r.version(),
                r.location().withLineOffset(firstLine - 1))));
        return out;
    }

    private static List<SourceCall> shiftSources(List<SourceCall> sources, int firstLine) {
        if (firstLine == 1) {
            return sources;
        }
        List<SourceCall> out = new ArrayList<>(sources.size());
        sources.forEach(s -> out.add(new SourceCall(s.sourceName(), s.tableName(),
                s.location().withLineOffset(firstLine - 1))));
        return out;
    }
}
