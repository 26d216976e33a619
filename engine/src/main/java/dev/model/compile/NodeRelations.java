package dev.model.compile;

import dev.model.adapter.Quoting;
import dev.model.adapter.Relation;
import dev.model.jinja.JinjaEngine;
import dev.model.jinja.RenderScope;
import dev.model.parse.ModelNode;
import dev.model.parse.Node;
import dev.model.parse.NodeVisitor;
import dev.model.parse.SeedNode;
import dev.model.parse.SnapshotNode;
import dev.model.parse.SourceNode;
import dev.model.parse.TestNode;
import dev.model.project.Target;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides where each node lives in the warehouse through dbt's {@code generate_database_name},
 * {@code generate_schema_name} and {@code generate_alias_name}. When the project does not
 * override them, the defaults are computed in Java: the same answers without three template
 * calls per node, which matters on projects of thousands of models.
 */
public final class NodeRelations {

    private static final List<String> NAMING_MACROS =
            List.of("generate_database_name", "generate_schema_name", "generate_alias_name");

    private final JinjaEngine jinja;
    private final Target target;
    private final Quoting quoting;
    private final boolean projectOverridesNaming;

    public NodeRelations(JinjaEngine jinja, String rootProject, Target target, Quoting quoting) {
        this.jinja = jinja;
        this.target = target;
        this.quoting = quoting;
        this.projectOverridesNaming = NAMING_MACROS.stream()
                .anyMatch(name -> jinja.macros().find(rootProject, name).isPresent());
    }

    /** The relation a node builds or reads; tests get the relation their failures would be stored in. */
    public Relation relationOf(Node node) {
        return node.accept(new NodeVisitor<>() {
            @Override
            public Relation model(ModelNode model) {
                return named(model);
            }

            @Override
            public Relation seed(SeedNode seed) {
                return named(seed);
            }

            @Override
            public Relation snapshot(SnapshotNode snapshot) {
                return snapshotRelation(snapshot);
            }

            @Override
            public Relation test(TestNode test) {
                // dbt's default schema for tests is dbt_test__audit, where stored failures go.
                String schema = test.config().schema() != null ? test.config().schema() : "dbt_test__audit";
                return Relation.of(generate("generate_database_name", test.config().database(), test),
                        generate("generate_schema_name", schema, test),
                        generate("generate_alias_name", test.config().alias(), test), quoting);
            }

            @Override
            public Relation source(SourceNode source) {
                return Relation.of(
                        source.database() != null ? source.database() : target.database(),
                        source.schema() != null ? source.schema() : source.sourceName(),
                        source.identifier() != null ? source.identifier() : source.name(),
                        quoting);
            }
        });
    }

    private Relation snapshotRelation(SnapshotNode snapshot) {
        // Legacy snapshots name their schema outright; dbt skips generate_schema_name for them.
        String targetSchema = snapshot.config().getString("target_schema");
        String targetDatabase = snapshot.config().getString("target_database");
        if (targetSchema == null) {
            return named(snapshot);
        }
        String database = targetDatabase != null ? targetDatabase : target.database();
        String alias = generate("generate_alias_name", snapshot.config().alias(), snapshot);
        return Relation.of(database, targetSchema, alias, quoting);
    }

    private Relation named(Node node) {
        String database = generate("generate_database_name", node.config().database(), node);
        String schema = generate("generate_schema_name", node.config().schema(), node);
        String alias = generate("generate_alias_name", node.config().alias(), node);
        return Relation.of(database, schema, alias, quoting);
    }

    private String generate(String macro, String custom, Node node) {
        if (!projectOverridesNaming) {
            return defaultName(macro, custom, node);
        }
        Object value = jinja.callMacro(macro, java.util.Arrays.asList(custom, NodeView.of(node)), Map.of(),
                NamingScope.INSTANCE);
        String text = value == null ? "" : value.toString().trim();
        return text.isEmpty() ? null : text;
    }

    /** dbt's default__generate_*_name macros, word for word in behaviour. */
    private String defaultName(String macro, String custom, Node node) {
        String trimmed = custom == null ? null : custom.trim();
        return switch (macro) {
            case "generate_database_name" -> trimmed != null ? trimmed : target.database();
            case "generate_schema_name" -> trimmed == null ? target.schema() : target.schema() + "_" + trimmed;
            case "generate_alias_name" -> trimmed != null ? trimmed : node.name();
            default -> throw new IllegalStateException("not a naming macro: " + macro);
        };
    }

    /** Naming macros run outside any node: no ref, no this, nothing executed. */
    private enum NamingScope implements RenderScope {
        INSTANCE;

        @Override
        public Relation ref(dev.model.parse.RefCall call) {
            throw dev.model.error.ModelException.project("ref() cannot be used in a generate_*_name macro", call.location());
        }

        @Override
        public Relation source(dev.model.parse.SourceCall call) {
            throw dev.model.error.ModelException.project("source() cannot be used in a generate_*_name macro", call.location());
        }

        @Override
        public void config(Map<String, Object> kwargs) {
        }

        @Override
        public Object configGet(String key, Object fallback) {
            return fallback;
        }

        @Override
        public Optional<Relation> self() {
            return Optional.empty();
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
        public Optional<dev.model.jinja.QueryRunner> queries() {
            return Optional.empty();
        }
    }
}
