package dev.model.parse;

import dev.model.error.ModelException;
import dev.model.error.SourceLocation;
import dev.model.project.ProjectConfig;
import dev.model.project.TemplateValues;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes the nodes of one project from their files: names, fqns and unique ids as dbt forms them,
 * and config resolved from dbt_project.yml, property YAML and the file itself. Safe to call from
 * several threads at once.
 */
final class NodeFactory {

    private final String project;
    private final PropertyIndex properties;
    private final TemplateCalls calls;
    private final UnknownConfigKeys unknownKeys;
    private final FolderConfigs modelConfigs;
    private final FolderConfigs seedConfigs;
    private final FolderConfigs snapshotConfigs;
    private final FolderConfigs testConfigs;
    private final FolderConfigs sourceConfigs;
    private final Set<String> disabled = ConcurrentHashMap.newKeySet();

    NodeFactory(String project, ProjectConfig config, PropertyIndex properties, TemplateCalls calls,
                UnknownConfigKeys unknownKeys, TemplateValues values) {
        this.project = project;
        this.properties = properties;
        this.calls = calls;
        this.unknownKeys = unknownKeys;
        SourceLocation origin = SourceLocation.of(config.file());
        this.modelConfigs = new FolderConfigs(config.models(), origin, values);
        this.seedConfigs = new FolderConfigs(config.seeds(), origin, values);
        this.snapshotConfigs = new FolderConfigs(config.snapshots(), origin, values);
        this.testConfigs = new FolderConfigs(config.tests(), origin, values);
        this.sourceConfigs = new FolderConfigs(config.sources(), origin, values);
    }

    /** Whether a node that a patch ({@code kind:name}) describes exists but is disabled. */
    boolean wasDisabled(String patchKey) {
        return disabled.contains(patchKey);
    }

    ModelNode model(ProjectFiles.SourceFile file) {
        String name = file.stem();
        List<String> fqn = fqn(file.folders(), name);
        PropertySpecs.Patch patch = properties.patch("models", name);
        ConfigMerger merger = folderConfig(modelConfigs, fqn, "view");
        applyPatch(merger, patch);
        TemplateCalls.Found found = calls.find(file.text(), file.file(), 1, name, merger.values());
        merger.apply(found.config(), SourceLocation.of(file.file()));
        NodeConfig config = merger.build();
        if (!config.enabled()) {
            disabled.add("models:" + name);
            return null;
        }
        return new ModelNode("model." + project + "." + name, name, project, file.originalFilePath(), file.file(),
                file.text(), config, fqn, description(patch), columns(patch), found.dependencies(),
                patch == null ? null : patch.patchPath(project));
    }

    SeedNode seed(ProjectFiles.SourceFile file) {
        String name = file.stem();
        List<String> fqn = fqn(file.folders(), name);
        PropertySpecs.Patch patch = properties.patch("seeds", name);
        ConfigMerger merger = folderConfig(seedConfigs, fqn, "seed");
        applyPatch(merger, patch);
        NodeConfig config = merger.build();
        if (!config.enabled()) {
            disabled.add("seeds:" + name);
            return null;
        }
        return new SeedNode("seed." + project + "." + name, name, project, file.originalFilePath(), file.file(),
                config, fqn, description(patch), columns(patch), patch == null ? null : patch.patchPath(project));
    }

    /** The {@code {% snapshot %}} blocks of one file; dbt's snapshot fqn includes the file's name. */
    List<SnapshotNode> snapshots(ProjectFiles.SourceFile file) {
        List<SnapshotNode> out = new ArrayList<>();
        for (NamedBlocks.Block block : NamedBlocks.SNAPSHOT.find(file.text(), file.file())) {
            List<String> fqn = new ArrayList<>();
            fqn.add(project);
            fqn.addAll(file.folders());
            fqn.add(file.stem());
            fqn.add(block.name());
            PropertySpecs.Patch patch = properties.patch("snapshots", block.name());
            ConfigMerger merger = folderConfig(snapshotConfigs, fqn, "snapshot");
            applyPatch(merger, patch);
            TemplateCalls.Found found = calls.find(block.body(), file.file(), block.bodyLine(), block.name(),
                    merger.values());
            merger.apply(found.config(), SourceLocation.of(file.file(), block.startLine()));
            NodeConfig config = merger.build();
            if (!config.enabled()) {
                disabled.add("snapshots:" + block.name());
                continue;
            }
            checkSnapshotConfig(block.name(), config, SourceLocation.of(file.file(), block.startLine()));
            out.add(new SnapshotNode("snapshot." + project + "." + block.name(), block.name(), project,
                    file.originalFilePath(), file.file(), block.body(), config, fqn, description(patch),
                    columns(patch), found.dependencies()));
        }
        return out;
    }

    SnapshotNode yamlSnapshot(PropertySpecs.YamlSnapshot snapshot) {
        List<String> fqn = fqn(snapshot.origin().folders(), snapshot.name());
        ConfigMerger merger = folderConfig(snapshotConfigs, fqn, "snapshot");
        merger.apply(snapshot.config(), snapshot.origin().location());
        NodeConfig config = merger.build();
        if (!config.enabled()) {
            return null;
        }
        if (snapshot.relation() == null || snapshot.relation().isBlank()) {
            throw ModelException.project("Snapshot '" + snapshot.name() + "' needs a 'relation' such as ref('orders')",
                    snapshot.origin().location());
        }
        checkSnapshotConfig(snapshot.name(), config, snapshot.origin().location());
        String rawCode = "select * from {{ " + snapshot.relation() + " }}";
        TemplateCalls.Found found = calls.find(rawCode, snapshot.origin().file(), 1, snapshot.name(), config.values());
        return new SnapshotNode("snapshot." + project + "." + snapshot.name(), snapshot.name(), project,
                snapshot.origin().originalFilePath(), snapshot.origin().file(), rawCode, config, fqn,
                snapshot.description() == null ? "" : snapshot.description(), snapshot.columns(),
                found.dependencies());
    }

    TestNode singularTest(ProjectFiles.SourceFile file) {
        String name = file.stem();
        List<String> fqn = fqn(file.folders(), name);
        PropertySpecs.Patch patch = properties.patch("data_tests", name);
        ConfigMerger merger = new ConfigMerger(unknownKeys, TestDefaults.VALUES);
        for (Map<String, Object> layer : testConfigs.layersFor(fqn)) {
            merger.apply(layer, testConfigs.origin());
        }
        applyPatch(merger, patch);
        TemplateCalls.Found found = calls.find(file.text(), file.file(), 1, name, merger.values());
        merger.apply(found.config(), SourceLocation.of(file.file()));
        NodeConfig config = merger.build();
        if (!config.enabled()) {
            disabled.add("data_tests:" + name);
            return null;
        }
        return new TestNode("test." + project + "." + name, name, project, file.originalFilePath(), file.file(),
                file.text(), config, fqn, description(patch), found.dependencies(), null, null, null);
    }

    SourceNode source(PropertySpecs.SourceTable table) {
        // dbt's source fqn holds the folders of the YAML file: they are part of the dbt_project.yml path.
        List<String> fqn = new ArrayList<>();
        fqn.add(project);
        fqn.addAll(table.origin().folders());
        fqn.add(table.sourceName());
        fqn.add(table.tableName());
        ConfigMerger merger = new ConfigMerger(unknownKeys, Map.of());
        for (Map<String, Object> layer : sourceConfigs.layersFor(fqn)) {
            merger.apply(layer, sourceConfigs.origin());
        }
        merger.apply(table.config(), table.origin().location());
        NodeConfig config = merger.build();
        if (!config.enabled()) {
            return null;
        }
        return new SourceNode("source." + project + "." + table.sourceName() + "." + table.tableName(),
                table.sourceName(), table.tableName(), project, table.origin().originalFilePath(),
                table.origin().file(), table.database(), table.schema(), table.identifier(), table.loadedAtField(),
                table.freshness(), config, fqn, orEmpty(table.description()), orEmpty(table.sourceDescription()),
                table.columns(), table.meta());
    }

    /** dbt refuses a snapshot without a strategy and the settings that strategy needs. */
    private static void checkSnapshotConfig(String name, NodeConfig config, SourceLocation where) {
        String strategy = config.getString("strategy");
        if (strategy == null) {
            throw ModelException.project("Snapshot '" + name + "' needs a 'strategy' config (timestamp or check)", where);
        }
        if (config.get("unique_key") == null) {
            throw ModelException.project("Snapshot '" + name + "' needs a 'unique_key' config", where);
        }
        if (strategy.equals("timestamp") && config.get("updated_at") == null) {
            throw ModelException.project("Snapshot '" + name + "' uses the timestamp strategy and needs an 'updated_at' config",
                    where);
        }
        if (strategy.equals("check") && config.get("check_cols") == null) {
            throw ModelException.project("Snapshot '" + name + "' uses the check strategy and needs a 'check_cols' config",
                    where);
        }
    }

    private List<String> fqn(List<String> folders, String name) {
        List<String> fqn = new ArrayList<>(folders.size() + 2);
        fqn.add(project);
        fqn.addAll(folders);
        fqn.add(name);
        return fqn;
    }

    private ConfigMerger folderConfig(FolderConfigs tree, List<String> fqn, String materialized) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("enabled", true);
        defaults.put("materialized", materialized);
        defaults.put("tags", List.of());
        defaults.put("pre_hook", List.of());
        defaults.put("post_hook", List.of());
        ConfigMerger merger = new ConfigMerger(unknownKeys, defaults);
        for (Map<String, Object> layer : tree.layersFor(fqn)) {
            merger.apply(layer, tree.origin());
        }
        return merger;
    }

    private static void applyPatch(ConfigMerger merger, PropertySpecs.Patch patch) {
        if (patch != null) {
            merger.apply(patch.config(), patch.origin().location());
        }
    }

    private static String description(PropertySpecs.Patch patch) {
        return patch == null ? "" : orEmpty(patch.description());
    }

    private static Map<String, ColumnInfo> columns(PropertySpecs.Patch patch) {
        return patch == null ? Map.of() : patch.columns();
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
