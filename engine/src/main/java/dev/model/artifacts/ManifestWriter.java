package dev.model.artifacts;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.model.adapter.Relation;
import dev.model.compile.CompiledNode;
import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import dev.model.graph.ProjectGraph;
import dev.model.jinja.MacroDefinition;
import dev.model.parse.ColumnInfo;
import dev.model.parse.DocBlock;
import dev.model.parse.ModelNode;
import dev.model.parse.Node;
import dev.model.parse.NodeVisitor;
import dev.model.parse.ParsedProject;
import dev.model.parse.RefCall;
import dev.model.parse.SeedNode;
import dev.model.parse.SnapshotNode;
import dev.model.parse.SourceNode;
import dev.model.parse.TestNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code target/manifest.json} in the shape of dbt's manifest v12, for the fields this
 * engine has, so that tools reading dbt manifests read ours. The file is written to a temporary
 * name and moved into place, so a reader never sees half a manifest.
 */
public final class ManifestWriter {

    public static final String SCHEMA = "https://schemas.getdbt.com/dbt/manifest/v12.json";

    private final ObjectMapper json = new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    public record Inputs(ParsedProject project, ProjectGraph graph, Map<String, Relation> relations,
                         Map<String, CompiledNode> compiled, ArtifactMetadata metadata, String adapterType) {
    }

    public Path write(Path targetDir, Inputs inputs) {
        Map<String, Object> manifest = build(inputs);
        Path file = targetDir.resolve("manifest.json");
        try {
            Files.createDirectories(targetDir);
            Path temp = Files.createTempFile(targetDir, "manifest", ".json.tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                json.writeValue(out, manifest);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new ModelException(ErrorCategory.PROJECT, "Could not write " + file + ": " + e.getMessage(), null, e);
        }
    }

    Map<String, Object> build(Inputs in) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        Map<String, Object> metadata = in.metadata().toMap();
        metadata.put("project_name", in.project().config().name());
        metadata.put("project_id", md5(in.project().config().name()));
        metadata.put("user_id", null);
        metadata.put("send_anonymous_usage_stats", false);
        metadata.put("adapter_type", in.adapterType());
        manifest.put("metadata", metadata);

        Map<String, Object> nodes = new LinkedHashMap<>();
        Map<String, Object> sources = new LinkedHashMap<>();
        for (Node node : in.project().nodes().values()) {
            if (node instanceof SourceNode source) {
                sources.put(source.uniqueId(), source(source, in));
            } else {
                nodes.put(node.uniqueId(), node(node, in));
            }
        }
        manifest.put("nodes", nodes);
        manifest.put("sources", sources);
        manifest.put("macros", macros(in));
        manifest.put("docs", docs(in));
        manifest.put("exposures", Map.of());
        manifest.put("metrics", Map.of());
        manifest.put("groups", Map.of());
        manifest.put("selectors", Map.of());
        manifest.put("disabled", Map.of());
        manifest.put("parent_map", in.graph().parentMap());
        manifest.put("child_map", in.graph().childMap());
        manifest.put("group_map", Map.of());
        manifest.put("saved_queries", Map.of());
        manifest.put("semantic_models", Map.of());
        manifest.put("unit_tests", Map.of());
        return manifest;
    }

    private Map<String, Object> node(Node node, Inputs in) {
        Relation relation = in.relations().get(node.uniqueId());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("database", relation == null ? null : relation.database());
        out.put("schema", relation == null ? null : relation.schema());
        out.put("name", node.name());
        out.put("resource_type", node.resourceType().dbtName());
        out.put("package_name", node.packageName());
        out.put("path", resourcePath(node, relation));
        out.put("original_file_path", node.originalFilePath());
        out.put("unique_id", node.uniqueId());
        out.put("fqn", node.fqn());
        out.put("alias", relation == null ? node.name() : relation.identifier());
        out.put("checksum", Map.of("name", "sha256", "checksum", sha256(node.rawCode())));
        out.put("config", node.config().values());
        out.put("tags", node.config().tags());
        out.put("description", node.description() == null ? "" : node.description());
        out.put("columns", columns(node));
        out.put("meta", node.config().get("meta", Map.of()));
        out.put("group", null);
        out.put("docs", node.config().get("docs", Map.of("show", true, "node_color", "")));
        out.put("patch_path", patchPath(node));
        out.put("build_path", null);
        out.put("unrendered_config", Map.of());
        out.put("created_at", 0.0);
        out.put("relation_name", relationName(node, relation));
        out.put("raw_code", node.rawCode());
        out.put("language", "sql");
        out.put("refs", refs(node));
        out.put("sources", node.dependsOn().sources().stream().map(s -> List.of(s.sourceName(), s.tableName())).toList());
        out.put("metrics", List.of());
        Map<String, Object> dependsOn = new LinkedHashMap<>();
        dependsOn.put("macros", List.copyOf(new java.util.TreeSet<>(node.dependsOn().macros())));
        dependsOn.put("nodes", in.graph().parentMap().getOrDefault(node.uniqueId(), List.of()));
        out.put("depends_on", dependsOn);
        CompiledNode compiled = in.compiled().get(node.uniqueId());
        if (compiled != null && compiled.hasCode()) {
            out.put("compiled_path", compiled.compiledPath());
            out.put("compiled", true);
            out.put("compiled_code", compiled.compiledCode());
            out.put("extra_ctes_injected", true);
            out.put("extra_ctes", compiled.extraCtes().stream().map(id -> Map.of("id", id)).toList());
        }
        out.put("contract", Map.of("enforced", false, "alias_types", true));
        if (node instanceof ModelNode) {
            out.put("access", "protected");
            out.put("constraints", List.of());
            out.put("version", null);
            out.put("latest_version", null);
            out.put("deprecation_date", null);
        }
        if (node instanceof SeedNode) {
            out.put("root_path", in.project().config().root().toString());
        }
        if (node instanceof TestNode test) {
            out.put("column_name", test.columnName());
            out.put("attached_node", test.attachedNode());
            if (test.testMetadata() != null) {
                Map<String, Object> meta = new LinkedHashMap<>();
                meta.put("name", test.testMetadata().name());
                meta.put("kwargs", test.testMetadata().kwargs());
                meta.put("namespace", test.testMetadata().namespace());
                out.put("test_metadata", meta);
                out.put("file_key_name", fileKeyName(test, in));
            }
        }
        return out;
    }

    private Map<String, Object> source(SourceNode source, Inputs in) {
        Relation relation = in.relations().get(source.uniqueId());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("database", relation.database());
        out.put("schema", relation.schema());
        out.put("name", source.name());
        out.put("resource_type", "source");
        out.put("package_name", source.packageName());
        out.put("path", source.originalFilePath());
        out.put("original_file_path", source.originalFilePath());
        out.put("unique_id", source.uniqueId());
        out.put("fqn", source.fqn());
        out.put("source_name", source.sourceName());
        out.put("source_description", source.sourceDescription() == null ? "" : source.sourceDescription());
        out.put("loader", source.config().get("loader", ""));
        out.put("identifier", relation.identifier());
        out.put("quoting", Map.of());
        out.put("loaded_at_field", source.loadedAtField());
        out.put("freshness", source.freshness());
        out.put("external", null);
        out.put("description", source.description() == null ? "" : source.description());
        out.put("columns", columns(source));
        out.put("meta", source.meta());
        out.put("source_meta", Map.of());
        out.put("tags", source.config().tags());
        out.put("config", Map.of("enabled", true));
        out.put("patch_path", null);
        out.put("unrendered_config", Map.of());
        out.put("relation_name", relation.render());
        out.put("created_at", 0.0);
        return out;
    }

    private static Map<String, Object> macros(Inputs in) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (MacroDefinition macro : in.project().macros().macros()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", macro.name());
            m.put("resource_type", "macro");
            m.put("package_name", macro.packageName());
            m.put("path", macro.originalFilePath());
            m.put("original_file_path", macro.originalFilePath());
            m.put("unique_id", macro.uniqueId());
            m.put("macro_sql", macro.source());
            m.put("depends_on", Map.of("macros", List.of()));
            m.put("description", "");
            m.put("meta", Map.of());
            m.put("docs", Map.of("show", true, "node_color", ""));
            m.put("patch_path", null);
            m.put("arguments", macro.arguments().stream().map(a -> Map.of("name", a)).toList());
            m.put("created_at", 0.0);
            m.put("supported_languages", null);
            out.put(macro.uniqueId(), m);
        }
        return out;
    }

    private static Map<String, Object> docs(Inputs in) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (DocBlock doc : in.project().docs().values()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("name", doc.name());
            d.put("resource_type", "doc");
            d.put("package_name", doc.packageName());
            d.put("path", doc.originalFilePath());
            d.put("original_file_path", doc.originalFilePath());
            d.put("unique_id", doc.uniqueId());
            d.put("block_contents", doc.blockContents());
            out.put(doc.uniqueId(), d);
        }
        return out;
    }

    private static Map<String, Object> columns(Node node) {
        Map<String, ColumnInfo> columns = node.accept(new NodeVisitor<>() {
            @Override
            public Map<String, ColumnInfo> model(ModelNode model) {
                return model.columns();
            }

            @Override
            public Map<String, ColumnInfo> seed(SeedNode seed) {
                return seed.columns();
            }

            @Override
            public Map<String, ColumnInfo> snapshot(SnapshotNode snapshot) {
                return snapshot.columns();
            }

            @Override
            public Map<String, ColumnInfo> test(TestNode test) {
                return Map.of();
            }

            @Override
            public Map<String, ColumnInfo> source(SourceNode source) {
                return source.columns();
            }
        });
        Map<String, Object> out = new LinkedHashMap<>();
        columns.forEach((name, column) -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", column.name());
            c.put("description", column.description() == null ? "" : column.description());
            c.put("meta", column.meta());
            c.put("data_type", column.dataType());
            c.put("constraints", List.of());
            c.put("quote", column.quote() ? Boolean.TRUE : null);
            c.put("tags", column.tags());
            out.put(name, c);
        });
        return out;
    }

    private static List<Map<String, Object>> refs(Node node) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (RefCall ref : node.dependsOn().refs()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", ref.name());
            r.put("package", ref.packageName());
            r.put("version", ref.version());
            out.add(r);
        }
        return out;
    }

    private static String relationName(Node node, Relation relation) {
        if (relation == null || node instanceof TestNode) {
            return null;
        }
        if (node instanceof ModelNode && "ephemeral".equals(node.config().materialized())) {
            return null;
        }
        return relation.render();
    }

    private static String patchPath(Node node) {
        if (node instanceof ModelNode model) {
            return model.patchPath();
        }
        return node instanceof SeedNode seed ? seed.patchPath() : null;
    }

    /** dbt's {@code path}: relative to the resource folder for files, the test's file name for generic tests. */
    private static String resourcePath(Node node, Relation relation) {
        if (node instanceof TestNode test && test.isGeneric()) {
            return (relation == null ? test.name() : relation.identifier()) + ".sql";
        }
        String path = node.originalFilePath();
        int slash = path.indexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    private static String fileKeyName(TestNode test, Inputs in) {
        Node attached = test.attachedNode() == null ? null : in.project().nodes().get(test.attachedNode());
        if (attached instanceof SourceNode source) {
            return "sources." + source.sourceName();
        }
        return attached == null ? null : attached.resourceType().dbtName() + "s." + attached.name();
    }

    static String sha256(String text) {
        return digest("SHA-256", text);
    }

    static String md5(String text) {
        return digest("MD5", text);
    }

    private static String digest(String algorithm, String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw ModelException.internal(algorithm + " is missing from this JVM", e);
        }
    }
}
