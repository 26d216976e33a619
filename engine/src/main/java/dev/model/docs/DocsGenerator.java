package dev.model.docs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.model.adapter.Relation;
import dev.model.adapter.WarehouseAdapter;
import dev.model.artifacts.ArtifactMetadata;
import dev.model.artifacts.PreviousRun;
import dev.model.artifacts.RunResultsReader;
import dev.model.compile.CompiledNode;
import dev.model.compile.CompiledProject;
import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import dev.model.graph.ProjectGraph;
import dev.model.log.Log;
import dev.model.parse.ColumnInfo;
import dev.model.parse.ModelNode;
import dev.model.parse.Node;
import dev.model.parse.NodeVisitor;
import dev.model.parse.SeedNode;
import dev.model.parse.SnapshotNode;
import dev.model.parse.SourceNode;
import dev.model.parse.TestNode;
import dev.model.task.CompileTask;
import dev.model.task.LoadedProject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
        Map<String, ColumnLineage.Result> lineage = lineage(graph, compiledProject, catalog);
        started = phase(log, "worked out column lineage", started);

        ArtifactMetadata metadata = new ArtifactMetadata(CatalogWriter.SCHEMA, ArtifactMetadata.DBT_VERSION,
                Instant.now(), project.invocationId());
        Path catalogFile = write(targetDir.resolve(CATALOG), json(CatalogWriter.toMap(catalog, metadata)));
        List<Exposure> exposures = ExposureReader.read(project.config(), graph, project.parsed().docs());
        exposures.stream().filter(exposure -> !exposure.unresolved().isEmpty()).forEach(exposure -> notes.add(
                "Exposure '" + exposure.name() + "' depends on " + String.join(", ", exposure.unresolved())
                        + ", which the project does not have"));
        SiteData.Inputs inputs = new SiteData.Inputs(project.config().name(), graph, compiledProject, catalog, statuses,
                lineage, exposures, notes, ArtifactMetadata.iso(metadata.generatedAt()));
        Map<String, Object> data = SiteData.build(inputs);
        started = phase(log, "laid out the graph", started);
        Path index = write(targetDir.resolve(INDEX), SitePage.render(project.config().name(), data));
        phase(log, "wrote the page", started);
        notes.forEach(log::warn);
        return new Result(index, catalogFile, compiled.manifest(), graph.size() + exposures.size(), List.copyOf(notes));
    }

    private static long phase(Log log, String what, long since) {
        long now = System.nanoTime();
        log.debug("docs: " + what + " in " + (now - since) / 1_000_000 + " ms");
        return now;
    }

    /**
     * Column lineage of every model and snapshot. A node's {@code select *} expands through its
     * parents' lineage, so nodes go depth by depth (parents first), each depth in parallel.
     */
    static Map<String, ColumnLineage.Result> lineage(ProjectGraph graph, CompiledProject compiled, Catalog catalog) {
        Map<String, String> tables = relationIndex(graph, compiled.relations());
        Map<String, ColumnLineage.Result> results = new ConcurrentHashMap<>();
        Map<String, ColumnLineage.Known> columns = new ConcurrentHashMap<>();
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8));
        try (ColumnLineage analyzer = new ColumnLineage(name -> Optional.ofNullable(tables.get(name)),
                id -> columns.computeIfAbsent(id, key -> knownColumns(graph.node(key), catalog, results)), threads)) {
            for (List<String> depth : depths(graph)) {
                depth.parallelStream().forEach(id -> {
                    Node node = graph.node(id);
                    CompiledNode compiledNode = compiled.nodes().get(id);
                    if (!(node instanceof TestNode) && compiledNode != null && compiledNode.hasCode()) {
                        results.put(id, analyzer.analyze(compiledNode.compiledCode()));
                    }
                });
            }
        }
        Map<String, ColumnLineage.Result> ordered = new LinkedHashMap<>();
        graph.topologicalOrder().forEach(id -> {
            if (results.containsKey(id)) {
                ordered.put(id, results.get(id));
            }
        });
        return ordered;
    }

    /** Nodes grouped by longest path from a root: every parent is in an earlier group. */
    private static List<List<String>> depths(ProjectGraph graph) {
        Map<String, Integer> depth = new HashMap<>();
        List<List<String>> out = new ArrayList<>();
        for (String id : graph.topologicalOrder()) {
            int d = 0;
            for (String parent : graph.parents(id)) {
                d = Math.max(d, depth.get(parent) + 1);
            }
            depth.put(id, d);
            while (out.size() <= d) {
                out.add(new ArrayList<>());
            }
            out.get(d).add(id);
        }
        return out;
    }

    /**
     * What is known of a node's columns, best source first: the catalog, the node's own lineage
     * (when every {@code *} in it expanded), a seed's CSV header, then the YAML (which may list
     * only some columns, so it is never complete).
     */
    private static ColumnLineage.Known knownColumns(Node node, Catalog catalog,
                                                    Map<String, ColumnLineage.Result> lineage) {
        Optional<Catalog.Table> table = catalog.table(node.uniqueId());
        if (table.isPresent() && !table.get().columns().isEmpty()) {
            return new ColumnLineage.Known(table.get().columns().stream().map(Catalog.CatalogColumn::name).toList(),
                    true);
        }
        ColumnLineage.Result own = lineage.get(node.uniqueId());
        if (own != null && own.note().isEmpty()) {
            return new ColumnLineage.Known(List.copyOf(own.columns().keySet()), true);
        }
        if (node instanceof SeedNode seed) {
            List<String> header = SeedHeader.read(seed.file());
            if (!header.isEmpty()) {
                return new ColumnLineage.Known(header, true);
            }
        }
        Map<String, ColumnInfo> declared = DeclaredColumns.of(node);
        return new ColumnLineage.Known(declared.values().stream().map(ColumnInfo::name).toList(), false);
    }

    /** SQL names of every relation, lower case: database.schema.identifier, schema.identifier, and a unique identifier. */
    static Map<String, String> relationIndex(ProjectGraph graph, Map<String, Relation> relations) {
        Map<String, String> out = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        Map<String, String> short_ = new HashMap<>();
        relations.forEach((id, relation) -> {
            Optional<Node> node = graph.find(id);
            if (node.isEmpty() || node.get() instanceof TestNode) {
                return;
            }
            String identifier = relation.identifier().toLowerCase(Locale.ROOT);
            if (node.get() instanceof ModelNode model && "ephemeral".equals(model.config().materialized())) {
                String cte = identifier.startsWith("__dbt__cte__") ? identifier : "__dbt__cte__" + identifier;
                out.put(cte, id);
                return;
            }
            String schema = relation.schema() == null ? "" : relation.schema().toLowerCase(Locale.ROOT);
            String database = relation.database() == null ? "" : relation.database().toLowerCase(Locale.ROOT);
            if (!database.isEmpty()) {
                out.put(database + "." + schema + "." + identifier, id);
            }
            out.put(schema + "." + identifier, id);
            if (short_.putIfAbsent(identifier, id) != null) {
                ambiguous.add(identifier);
            }
        });
        short_.forEach((identifier, id) -> {
            if (!ambiguous.contains(identifier)) {
                out.putIfAbsent(identifier, id);
            }
        });
        return out;
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

    private static Path write(Path file, String content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
            try {
                Files.writeString(temp, content, StandardCharsets.UTF_8);
                // Temporary files are private; the site is meant to be opened, copied and served like any file.
                if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
                    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
                }
                try {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException notAtomic) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
            return file;
        } catch (IOException e) {
            throw new ModelException(ErrorCategory.PROJECT, "Could not write " + file + ": " + e.getMessage(), null, e);
        }
    }
}
