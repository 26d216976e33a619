package dev.model.task;

import dev.model.adapter.Adapters;
import dev.model.adapter.Session;
import dev.model.adapter.WarehouseAdapter;
import dev.model.artifacts.SourcesJsonWriter;
import dev.model.compile.Compiler;
import dev.model.log.Log;
import dev.model.parse.Node;
import dev.model.parse.SourceNode;
import dev.model.run.freshness.FreshnessChecker;
import dev.model.run.freshness.FreshnessCriteria;
import dev.model.run.freshness.FreshnessResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code model source freshness}: every selected source table that has a {@code loaded_at_field}
 * and a {@code freshness} with a threshold is checked, one after another; the results go to
 * {@code target/sources.json}. Tables without either are left out, as in dbt.
 */
public final class FreshnessTask {

    /** What was checked and where sources.json was written. */
    public record Result(List<FreshnessResult> results, Path sourcesJson) {
    }

    private FreshnessTask() {
    }

    /** The sources to check, in graph order; their criteria are read (and checked) before the warehouse opens. */
    public static List<SourceNode> checkable(LoadedProject project, Set<String> selected) {
        List<SourceNode> out = new ArrayList<>();
        for (String id : project.graph().topologicalOrder()) {
            Node node = project.graph().node(id);
            if (selected.contains(id) && node instanceof SourceNode source && source.loadedAtField() != null
                    && source.freshness() != null && !criteria(source).isEmpty()) {
                out.add(source);
            }
        }
        return out;
    }

    /**
     * @param started called before each table is checked, with its 1-based index
     * @param finished called with each result as it comes
     */
    public static Result execute(LoadedProject project, Set<String> selected, Log log,
                                 Consumer<SourceNode> started, Consumer<FreshnessResult> finished) {
        List<SourceNode> sources = checkable(project, selected);
        long startNanos = System.nanoTime();
        Compiler compiler = CompileTask.compiler(project);
        List<FreshnessResult> results = new ArrayList<>();
        if (!sources.isEmpty()) {
            try (WarehouseAdapter adapter = Adapters.discover().open(project.target(), project.config().root(), log)) {
                for (SourceNode source : sources) {
                    started.accept(source);
                    FreshnessResult result;
                    try (Session session = adapter.openSession(source.uniqueId())) {
                        result = FreshnessChecker.check(source, compiler.relationOf(source), criteria(source), session);
                    }
                    results.add(result);
                    finished.accept(result);
                }
            }
        }
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        Path written = new SourcesJsonWriter().write(project.invocationId(), Instant.now(), results, elapsed,
                project.config().targetDir());
        return new Result(results, written);
    }

    private static FreshnessCriteria criteria(SourceNode source) {
        return FreshnessCriteria.of(source.freshness(), source.sourceName() + "." + source.name(), source.location());
    }
}
