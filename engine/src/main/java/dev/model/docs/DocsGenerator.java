package dev.model.docs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.model.adapter.WarehouseAdapter;
import dev.model.artifacts.ArtifactFiles;
import dev.model.artifacts.ArtifactMetadata;
import dev.model.artifacts.PreviousRun;
import dev.model.artifacts.RunResultsReader;
import dev.model.compile.CompiledProject;
import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import dev.model.graph.ProjectGraph;
import dev.model.log.Log;
import dev.model.task.CompileTask;
import dev.model.task.LoadedProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code model docs generate}: compiles the whole project (writing manifest.json), reads the
 * catalog from the warehouse when it can, works out column lineage, and writes catalog.json and
 * the one-file site index.html to the target directory.
 */
public final class DocsGenerator {

    public static final String INDEX = "index.html";
    public static final String CATALOG = "catalog.json";
    public static final String MANIFEST = "manifest.json";

    /** The files written and what the page says could not be done. */
    public record Result(Path index, Path catalog, Path manifest, int nodeCount, List<String> notes) {
    }

    private DocsGenerator() {
    }

    /** @param warehouse opens the target's adapter; a WAREHOUSE failure is reported as a note, not an error */
    public static Result generate(LoadedProject project, Supplier<WarehouseAdapter> warehouse, Log log) {
        ProjectGraph graph = project.graph();
        long started = System.nanoTime();
        CompileTask.Result compiled = CompileTask.run(project, graph.topologicalOrder());
        CompiledProject compiledProject = compiled.compiled();
        started = phase(log, "compiled and wrote the manifest", started);
        Catalog catalog = CatalogReader.readOrExplain(warehouse, graph.nodes().values(), compiledProject.relations());
        started = phase(log, "read the catalog", started);
        Path targetDir = project.config().targetDir();
        List<String> notes = new ArrayList<>(catalog.notes());
        Map<String, String> statuses = testStatuses(targetDir, notes);
        Map<String, ColumnLineage.Result> lineage = ProjectLineage.of(graph, compiledProject, catalog);
        started = phase(log, "worked out column lineage", started);

        ArtifactMetadata metadata = new ArtifactMetadata(CatalogWriter.SCHEMA, ArtifactMetadata.DBT_VERSION,
                Instant.now(), project.invocationId());
        Path catalogFile = ArtifactFiles.writeAtomically(targetDir.resolve(CATALOG), json(CatalogWriter.toMap(catalog, metadata)));
        List<Exposure> exposures = ExposureReader.read(project.config(), graph, project.parsed().docs());
        exposures.stream().filter(exposure -> !exposure.unresolved().isEmpty()).forEach(exposure -> notes.add(
                "Exposure '" + exposure.name() + "' depends on " + String.join(", ", exposure.unresolved())
                        + ", which the project does not have"));
        SiteData.Inputs inputs = new SiteData.Inputs(project.config().name(), graph, compiledProject, catalog, statuses,
                lineage, exposures, notes, ArtifactMetadata.iso(metadata.generatedAt()));
        Map<String, Object> data = SiteData.build(inputs);
        started = phase(log, "laid out the graph", started);
        Path index = ArtifactFiles.writeAtomically(targetDir.resolve(INDEX), SitePage.render(project.config().name(), data));
        phase(log, "wrote the page", started);
        notes.forEach(log::warn);
        return new Result(index, catalogFile, compiled.manifest(), graph.size() + exposures.size(), List.copyOf(notes));
    }

    private static long phase(Log log, String what, long since) {
        long now = System.nanoTime();
        log.debug("docs: " + what + " in " + (now - since) / 1_000_000 + " ms");
        return now;
    }

    private static Map<String, String> testStatuses(Path targetDir, List<String> notes) {
        if (!Files.exists(targetDir.resolve("run_results.json"))) {
            return Map.of();
        }
        try {
            PreviousRun run = new RunResultsReader().readFromTarget(targetDir);
            Map<String, String> out = new HashMap<>();
            run.statuses().forEach((id, status) -> out.put(id, status.dbtName()));
            return out;
        } catch (ModelException unreadable) {
            notes.add("Test results are not shown: " + unreadable.getMessage());
            return Map.of();
        }
    }


    private static String json(Object value) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        } catch (IOException e) {
            throw ModelException.internal("could not encode catalog.json", e);
        }
    }
}
