package dev.model.parse;

import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import dev.model.error.SourceLocation;
import dev.model.jinja.JinjaEngine;
import dev.model.jinja.JinjaSettings;
import dev.model.jinja.MacroDefinition;
import dev.model.jinja.MacroLibrary;
import dev.model.jinja.TemplateSource;
import dev.model.log.Log;
import dev.model.project.ProjectConfig;
import dev.model.project.Target;
import dev.model.project.TemplateValues;
import dev.model.project.YamlDocument;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;

/**
 * Parses a dbt project into a {@link ParsedProject}, as {@code dbt parse} does: models, seeds,
 * snapshots, singular and generic tests, sources, macros and doc blocks, each node with its config
 * resolved (dbt_project.yml folders, then property YAML, then the file's {@code config()}).
 * Files are read and parsed in parallel on a pool sized to the machine; the result is ordered by
 * unique id so that it does not depend on timing.
 */
public final class ProjectParser {

    private static final Set<String> SQL = Set.of(".sql");
    private static final Set<String> YAML = Set.of(".yml", ".yaml");

    private final ProjectConfig project;
    private final Target target;
    private final Map<String, Object> cliVars;
    private final Map<String, String> env;
    private final Log log;
    private final String invocationId;

    /**
     * @param cliVars      {@code --vars}, which win over the project's vars
     * @param env          what {@code env_var()} reads (System.getenv() outside tests)
     * @param invocationId this run's id, as templates see it
     */
    public ProjectParser(ProjectConfig project, Target target, Map<String, Object> cliVars, Map<String, String> env,
                         Log log, String invocationId) {
        this.project = Objects.requireNonNull(project, "project");
        this.target = Objects.requireNonNull(target, "target");
        this.cliVars = Map.copyOf(cliVars);
        this.env = Map.copyOf(env);
        this.log = Objects.requireNonNull(log, "log");
        this.invocationId = Objects.requireNonNull(invocationId, "invocationId");
    }

    public ParsedProject parse() {
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        try {
            return new Run(pool).parse();
        } finally {
            pool.shutdown();
        }
    }

    /** The settings templates of this project render with. */
    public JinjaSettings jinjaSettings() {
        return new JinjaSettings(project.name(), target.type(), target.publicFields(), project.vars(), cliVars,
                project.dispatch(), invocationId, Instant.now(), env, log);
    }

    /** One parse: holds the pool and what earlier steps found. */
    private final class Run {
        private final ForkJoinPool pool;
        private final Path root = project.root();
        private final String name = project.name();
        private final SourceLocation projectFile = SourceLocation.of(project.file());

        Run(ForkJoinPool pool) {
            this.pool = pool;
        }

        /** Time per parse phase, for --debug. */
        private static final class PhaseClock {
            private final StringBuilder laps = new StringBuilder();
            private long last = System.nanoTime();

            void lap(String phase) {
                long now = System.nanoTime();
                laps.append(laps.length() == 0 ? "" : ", ").append(phase).append(' ')
                        .append((now - last) / 1_000_000).append(" ms");
                last = now;
            }

            @Override
            public String toString() {
                return laps.toString();
            }
        }

        ParsedProject parse() {
            var paths = project.paths();
            List<String> docsPaths = paths.docsPaths().isEmpty() ? allResourcePaths() : paths.docsPaths();
            PhaseClock clock = new PhaseClock();
            var macroFiles = readAll(paths.macroPaths(), SQL, null);
            var genericTestFiles = readAll(genericTestPaths(), SQL, null);
            var modelFiles = readAll(paths.modelPaths(), SQL, null);
            var yamlFiles = readAll(propertyPaths(), YAML, null);
            var seedFiles = ProjectFiles.find(root, paths.seedPaths(), Set.of(".csv"), null).stream()
                    .map(p -> ProjectFiles.describe(root, paths.seedPaths(), p, "")).toList();
            var snapshotFiles = readAll(paths.snapshotPaths(), SQL, null);
            var testFiles = readAll(paths.testPaths(), SQL, "generic");
            var docFiles = readAll(docsPaths, Set.of(".md"), null);

            clock.lap("read files");
            MacroLibrary macros = macros(macroFiles, genericTestFiles);
            clock.lap("macros");
            JinjaSettings settings = jinjaSettings();
            JinjaEngine engine = JinjaEngine.create(macros, settings);
            TemplateValues yamlValues = new TemplateValues(env, varsForYaml(),
                    (template, where) -> engine.render(template, new TemplateSource(where.file(), Math.max(1, where.line())),
                            new ParseScope(target.database(), target.schema(), null, Map.of())));
            PropertyIndex properties = properties(yamlFiles, yamlValues);
            clock.lap("property YAML");
            TemplateCalls calls = new TemplateCalls(engine, target.database(), target.schema());
            UnknownConfigKeys unknownKeys = new UnknownConfigKeys(log);
            NodeFactory factory = new NodeFactory(name, project, properties, calls, unknownKeys, yamlValues);

            List<Node> nodes = new ArrayList<>();
            nodes.addAll(parallel(modelFiles, factory::model).stream().filter(Objects::nonNull).toList());
            nodes.addAll(parallel(seedFiles, factory::seed).stream().filter(Objects::nonNull).toList());
            parallel(snapshotFiles, factory::snapshots).forEach(nodes::addAll);
            for (PropertySpecs.YamlSnapshot snapshot : properties.snapshots()) {
                SnapshotNode node = factory.yamlSnapshot(snapshot);
                if (node != null) {
                    nodes.add(node);
                }
            }
            nodes.addAll(parallel(testFiles, factory::singularTest).stream().filter(Objects::nonNull).toList());
            clock.lap("models, seeds, snapshots, singular tests");
            checkUniqueNames(nodes);
            List<SourceNode> sources = new ArrayList<>();
            for (PropertySpecs.SourceTable table : properties.sources()) {
                SourceNode source = factory.source(table);
                if (source != null) {
                    sources.add(source);
                }
            }
            nodes.addAll(sources);
            Map<String, DocBlock> docs = docs(docFiles);
            DocReferences docRefs = new DocReferences(name, docs);
            clock.lap("sources and docs");
            nodes.addAll(new GenericTests(name, macros, project, properties, unknownKeys, yamlValues).build(nodes, this::parallel));
            clock.lap("generic tests");
            List<Node> resolved = new ArrayList<>(nodes.size());
            for (Node node : nodes) {
                resolved.add(docRefs.resolve(node));
            }
            warnUnmatchedPatches(properties, nodes, factory);
            resolved.sort(Comparator.comparing(Node::uniqueId));
            Map<String, Node> byId = new LinkedHashMap<>();
            for (Node node : resolved) {
                Node earlier = byId.putIfAbsent(node.uniqueId(), node);
                if (earlier != null) {
                    throw ModelException.project("Found two resources with the unique id '" + node.uniqueId()
                            + "': in " + earlier.originalFilePath() + " and " + node.originalFilePath(), node.location());
                }
            }
            clock.lap("ordering");
            log.debug("Parsed " + byId.size() + " nodes: " + clock);
            return new ParsedProject(project, target, byId, macros, docs);
        }

        private List<String> allResourcePaths() {
            var paths = project.paths();
            List<String> all = new ArrayList<>();
            all.addAll(paths.modelPaths());
            all.addAll(paths.seedPaths());
            all.addAll(paths.testPaths());
            all.addAll(paths.analysisPaths());
            all.addAll(paths.macroPaths());
            all.addAll(paths.snapshotPaths());
            return all;
        }

        private List<String> propertyPaths() {
            var paths = project.paths();
            List<String> all = new ArrayList<>();
            all.addAll(paths.modelPaths());
            all.addAll(paths.seedPaths());
            all.addAll(paths.snapshotPaths());
            all.addAll(paths.macroPaths());
            all.addAll(paths.testPaths());
            all.addAll(paths.analysisPaths());
            return all.stream().distinct().toList();
        }

        private List<String> genericTestPaths() {
            List<String> out = new ArrayList<>();
            for (String testPath : project.paths().testPaths()) {
                out.add(testPath + "/generic");
            }
            return out;
        }

        private List<ProjectFiles.SourceFile> readAll(List<String> resourcePaths, Set<String> extensions, String skip) {
            List<Path> files = ProjectFiles.find(root, resourcePaths, extensions, skip);
            return parallel(files, file -> ProjectFiles.read(root, resourcePaths, file));
        }

        private MacroLibrary macros(List<ProjectFiles.SourceFile> macroFiles, List<ProjectFiles.SourceFile> genericTests) {
            MacroLibrary.Builder builder = MacroLibrary.builder().withBuiltins();
            for (ProjectFiles.SourceFile file : macroFiles) {
                builder.addFile(name, file.file(), file.originalFilePath(), file.text());
            }
            for (ProjectFiles.SourceFile file : genericTests) {
                builder.addFile(name, file.file(), file.originalFilePath(), file.text());
            }
            MacroLibrary library = builder.build();
            Map<String, MacroDefinition> seen = new HashMap<>();
            for (MacroDefinition macro : library.macros()) {
                if (!macro.packageName().equals(name)) {
                    continue;
                }
                MacroDefinition earlier = seen.putIfAbsent(macro.uniqueId(), macro);
                if (earlier != null) {
                    throw ModelException.project("Found two macros named '" + macro.name() + "' in project '" + name
                            + "': in " + earlier.originalFilePath() + " and " + macro.originalFilePath(),
                            SourceLocation.of(macro.file(), macro.line()));
                }
            }
            return library;
        }

        private PropertyIndex properties(List<ProjectFiles.SourceFile> yamlFiles, TemplateValues values) {
            List<PropertyReader.Result> results = parallel(yamlFiles, file -> {
                YamlDocument doc = YamlDocument.parse(file.file(), file.text());
                PropertySpecs.Origin origin = new PropertySpecs.Origin(file.file(), file.originalFilePath(),
                        file.folders(), SourceLocation.of(file.file()));
                return new PropertyReader(doc, origin, values, log, target.database()).read();
            });
            PropertyIndex index = new PropertyIndex();
            results.forEach(index::add);
            return index;
        }

        private Map<String, Object> varsForYaml() {
            Map<String, Object> vars = new LinkedHashMap<>();
            project.vars().forEach((k, v) -> {
                if (!(v instanceof Map)) {
                    vars.put(k, v);
                }
            });
            if (project.vars().get(name) instanceof Map<?, ?> scoped) {
                scoped.forEach((k, v) -> vars.put(String.valueOf(k), v));
            }
            vars.putAll(cliVars);
            return vars;
        }

        private Map<String, DocBlock> docs(List<ProjectFiles.SourceFile> files) {
            Map<String, DocBlock> docs = new LinkedHashMap<>();
            for (ProjectFiles.SourceFile file : files) {
                for (NamedBlocks.Block block : NamedBlocks.DOCS.find(file.text(), file.file())) {
                    DocBlock doc = new DocBlock("doc." + name + "." + block.name(), block.name(), name,
                            file.originalFilePath(), file.file(), block.body().strip());
                    DocBlock earlier = docs.putIfAbsent(doc.uniqueId(), doc);
                    if (earlier != null) {
                        throw ModelException.project("Found two docs blocks named '" + block.name() + "': in "
                                + earlier.originalFilePath() + " and " + doc.originalFilePath(),
                                SourceLocation.of(file.file(), block.startLine()));
                    }
                }
            }
            return docs;
        }

        /** Models, seeds and snapshots share one name space, as {@code ref()} sees them. */
        private void checkUniqueNames(List<Node> nodes) {
            Map<String, Node> byName = new HashMap<>();
            for (Node node : nodes) {
                if (node instanceof TestNode) {
                    continue;
                }
                Node earlier = byName.putIfAbsent(node.name(), node);
                if (earlier != null) {
                    throw ModelException.project("Found two resources named '" + node.name() + "': "
                            + earlier.originalFilePath() + " and " + node.originalFilePath()
                            + " (names of models, seeds and snapshots must be unique)", node.location());
                }
            }
        }

        private void warnUnmatchedPatches(PropertyIndex properties, List<Node> nodes, NodeFactory factory) {
            Set<String> present = new java.util.HashSet<>();
            for (Node node : nodes) {
                present.add((node instanceof TestNode ? "data_test" : node.resourceType().dbtName()) + "s:" + node.name());
            }
            for (PropertySpecs.Patch patch : properties.patches()) {
                String key = patch.kind() + ":" + patch.name();
                if (!present.contains(key) && !factory.wasDisabled(key)) {
                    log.warn("Did not find matching node for patch with name '" + patch.name() + "' in the '"
                            + patch.kind() + "' section of file '" + patch.origin().originalFilePath() + "'",
                            patch.origin().location());
                }
            }
        }

        <T, R> List<R> parallel(List<T> items, Function<T, R> work) {
            if (items.size() < 2) {
                return items.stream().map(work).toList();
            }
            Callable<List<R>> task = () -> items.parallelStream().map(work).toList();
            try {
                return pool.submit(task).get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw ModelException.internal("Parsing failed: " + cause, cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ModelException(ErrorCategory.INTERNAL, "Parsing was interrupted", projectFile, e);
            }
        }
    }
}
