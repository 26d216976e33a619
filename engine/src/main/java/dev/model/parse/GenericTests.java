package dev.model.parse;

import dev.model.jinja.MacroLibrary;
import dev.model.project.ProjectConfig;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The generic tests declared in property YAML on the models, seeds, snapshots and sources that exist. */
final class GenericTests {

    /** Maps work items in parallel, keeping their order. */
    @FunctionalInterface
    interface Parallel {
        <T, R> List<R> map(List<T> items, java.util.function.Function<T, R> work);
    }

    private final PropertyIndex properties;
    private final GenericTestBuilder builder;

    GenericTests(String project, MacroLibrary macros, ProjectConfig config, PropertyIndex properties,
                 UnknownConfigKeys unknownKeys, dev.model.project.TemplateValues values) {
        this.properties = properties;
        this.builder = new GenericTestBuilder(project, macros,
                new FolderConfigs(config.tests(), dev.model.error.SourceLocation.of(config.file()), values), unknownKeys,
                values);
    }

    /** The tests, in declaration order; {@code parallel} maps a list of work items on the parse pool. */
    List<TestNode> build(List<Node> nodes, Parallel parallel) {
        Map<String, Node> byPatchKey = new HashMap<>();
        for (Node node : nodes) {
            if (node instanceof SourceNode s) {
                byPatchKey.put("sources:" + s.sourceName() + "." + s.name(), s);
            } else if (!(node instanceof TestNode)) {
                byPatchKey.put(node.resourceType().dbtName() + "s:" + node.name(), node);
            }
        }
        List<PropertySpecs.Patch> patches = properties.patches().stream()
                .filter(p -> byPatchKey.containsKey(p.kind() + ":" + p.name())).toList();
        List<TestNode> tests = new ArrayList<>();
        for (List<TestNode> perPatch : parallel.map(patches, patch -> {
            Node node = byPatchKey.get(patch.kind() + ":" + patch.name());
            List<TestNode> out = new ArrayList<>();
            add(out, patch.tests(), GenericTestBuilder.Attachment.node(node.name(), node.uniqueId()), patch.origin());
            return out;
        })) {
            tests.addAll(perPatch);
        }
        for (PropertySpecs.YamlSnapshot snapshot : properties.snapshots()) {
            Node node = byPatchKey.get("snapshots:" + snapshot.name());
            if (node != null) {
                add(tests, snapshot.tests(), GenericTestBuilder.Attachment.node(node.name(), node.uniqueId()),
                        snapshot.origin());
            }
        }
        for (PropertySpecs.SourceTable table : properties.sources()) {
            Node node = byPatchKey.get("sources:" + table.sourceName() + "." + table.tableName());
            if (node != null) {
                add(tests, table.tests(), GenericTestBuilder.Attachment.source(table.sourceName(), table.tableName(),
                        node.uniqueId()), table.origin());
            }
        }
        return tests;
    }

    private void add(List<TestNode> into, List<PropertySpecs.TestSpec> specs, GenericTestBuilder.Attachment attachment,
                     PropertySpecs.Origin origin) {
        for (PropertySpecs.TestSpec spec : specs) {
            TestNode test = builder.build(spec, attachment, origin);
            if (test != null) {
                into.add(test);
            }
        }
    }
}
