package dev.model.docs;

import dev.model.adapter.Column;
import dev.model.adapter.IdentifierCase;
import dev.model.adapter.Relation;
import dev.model.adapter.WarehouseAdapter;
import dev.model.error.ModelException;
import dev.model.parse.Node;
import dev.model.parse.ResourceType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the catalog from the warehouse's information schema through the adapter: one listing per
 * schema, then the columns of each relation that exists. Relations not built yet are left out and
 * counted in a note, as dbt leaves them out of its catalog.
 */
public final class CatalogReader {

    private final WarehouseAdapter adapter;

    public CatalogReader(WarehouseAdapter adapter) {
        this.adapter = adapter;
    }

    /**
     * The catalog of {@code nodes} (only models, seeds, snapshots and sources have relations),
     * each named by {@code relations}; a WAREHOUSE ModelException when the warehouse fails.
     */
    public Catalog read(Iterable<Node> nodes, Map<String, Relation> relations) {
        Map<String, List<Relation>> existing = new HashMap<>();
        Map<String, Catalog.Table> tables = new LinkedHashMap<>();
        Map<String, Catalog.Table> sources = new LinkedHashMap<>();
        int missing = 0;
        IdentifierCase identifierCase = adapter.identifierCase();
        RowCounts rowCounts = RowCounts.of(adapter);
        for (Node node : nodes) {
            Relation relation = relations.get(node.uniqueId());
            if (relation == null || !hasRelation(node)) {
                continue;
            }
            // Names as the catalog stores them under the relation's own quoting; folding again is a no-op.
            String database = identifierCase.stored(relation.database() == null ? adapter.database()
                    : relation.database(), relation.quoting().database());
            String schema = identifierCase.stored(relation.schema(), relation.quoting().schema());
            List<Relation> inSchema = existing.computeIfAbsent(database + "\u0000" + Objects.toString(schema, ""),
                    key -> adapter.listRelations(database, schema));
            Relation found = inSchema.stream()
                    .filter(r -> identifierCase.matches(r.identifier(), relation.identifier(),
                            relation.quoting().identifier()))
                    .findFirst().orElse(null);
            if (found == null) {
                missing++;
                continue;
            }
            List<Column> columns = adapter.getColumns(found);
            List<Catalog.CatalogColumn> catalogColumns = new ArrayList<>(columns.size());
            for (int i = 0; i < columns.size(); i++) {
                catalogColumns.add(new Catalog.CatalogColumn(columns.get(i).name(), columns.get(i).dataType(), i + 1,
                        null));
            }
            Long rows = found.type() == Relation.RelationType.VIEW ? null
                    : rowCounts.get(found.database(), found.schema(), found.identifier());
            Catalog.Table table = new Catalog.Table(node.uniqueId(), typeName(found), found.database(), found.schema(),
                    found.identifier(), null, null, catalogColumns, rows);
            (node.resourceType() == ResourceType.SOURCE ? sources : tables).put(node.uniqueId(), table);
        }
        List<String> notes = new ArrayList<>();
        if (missing > 0) {
            notes.add(missing + (missing == 1 ? " relation does" : " relations do")
                    + " not exist in the warehouse yet; run 'model run' (or 'model build') for column types");
        }
        return new Catalog(tables, sources, notes);
    }

    /** {@link #read}, or an empty catalog with a note when the warehouse cannot be reached. */
    public static Catalog readOrExplain(java.util.function.Supplier<WarehouseAdapter> opener, Iterable<Node> nodes,
                                        Map<String, Relation> relations) {
        try (WarehouseAdapter adapter = opener.get()) {
            return new CatalogReader(adapter).read(nodes, relations);
        } catch (ModelException unreachable) {
            return Catalog.EMPTY.withNote("Could not read the catalog from the warehouse: " + unreachable.getMessage()
                    + "; column types are missing");
        }
    }

    private static boolean hasRelation(Node node) {
        return switch (node.resourceType()) {
            case MODEL -> !"ephemeral".equals(node.config().materialized());
            case SEED, SNAPSHOT, SOURCE -> true;
            case TEST, ANALYSIS, OPERATION, MACRO, EXPOSURE, UNIT_TEST -> false;
        };
    }

    private static String typeName(Relation relation) {
        return switch (relation.type()) {
            case VIEW -> "VIEW";
            case MATERIALIZED_VIEW -> "MATERIALIZED VIEW";
            case TABLE, CTE, EXTERNAL, UNKNOWN -> "BASE TABLE";
        };
    }
}
