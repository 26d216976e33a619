package dev.model.docs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.WithItem;

/**
 * Column-level lineage of one compiled SELECT: for each output column, the upstream node columns
 * it is computed from. Select items are resolved through CTEs, subqueries, joins and unions;
 * {@code select *} expands where the upstream columns are known (catalog, YAML, or the upstream
 * model's own lineage). Ephemeral models, injected as {@code __dbt__cte__} CTEs, count as their
 * node rather than being looked through, so lineage follows the project's edges. SQL that
 * JSqlParser cannot read yields a note instead of a result.
 *
 * <p>Holds parser threads (JSqlParser parses on an executor so that a pathological statement
 * times out); close it when done. {@link #analyze} may be called from several threads.
 */
public final class ColumnLineage implements AutoCloseable {

    /** A column of an upstream node. */
    public record ColumnRef(String nodeId, String column) {
    }

    /** Output columns in select order, each with its upstream columns; or a note saying why not. */
    public record Result(Map<String, List<ColumnRef>> columns, Optional<String> note) {
        public Result {
            columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        }

        static Result skipped(String note) {
            return new Result(Map.of(), Optional.of(note));
        }
    }

    /** The columns known for a node; {@code complete} when no other column can exist (catalog, CSV header). */
    public record Known(List<String> columns, boolean complete) {
        public static final Known NONE = new Known(List.of(), false);

        public Known {
            columns = List.copyOf(columns);
        }
    }

    private static final String EPHEMERAL_PREFIX = "__dbt__cte__";

    private final Function<String, Optional<String>> tables;
    private final Function<String, Known> knownColumns;
    private final ExecutorService parserThreads;

    /**
     * @param tables       a relation name as written in SQL (lower case, unquoted, dotted) to the
     *                     unique id of the node it is
     * @param knownColumns the columns known for a node
     */
    public ColumnLineage(Function<String, Optional<String>> tables, Function<String, Known> knownColumns) {
        this(tables, knownColumns, 1);
    }

    /** @param threads how many statements may be parsed at once (callers on as many threads) */
    public ColumnLineage(Function<String, Optional<String>> tables, Function<String, Known> knownColumns, int threads) {
        this.tables = tables;
        this.knownColumns = knownColumns;
        this.parserThreads = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "model-docs-sql-parser");
            thread.setDaemon(true);
            return thread;
        });
    }

    public Result analyze(String compiledSql) {
        Statement statement;
        try {
            statement = CCJSqlParserUtil.parse(parseable(compiledSql), parserThreads, parser -> { });
        } catch (JSQLParserException | RuntimeException unreadable) {
            return Result.skipped("Column lineage skipped: the compiled SQL could not be parsed ("
                    + firstLine(unreadable.getMessage()) + ")");
        }
        if (!(statement instanceof Select select)) {
            return Result.skipped("Column lineage skipped: the compiled SQL is not a SELECT");
        }
        try {
            Derived out = select(select, Scope.ROOT);
            Map<String, List<ColumnRef>> columns = new LinkedHashMap<>();
            out.columns.forEach((key, column) -> columns.put(column.name, List.copyOf(column.sources)));
            Optional<String> note = out.complete ? Optional.empty()
                    : Optional.of("Some columns are missing: a 'select *' reads a relation whose columns are unknown"
                    + " (document them in YAML or run the model so the catalog has them)");
            return new Result(columns, note);
        } catch (RuntimeException unsupported) {
            return Result.skipped("Column lineage skipped: " + firstLine(String.valueOf(unsupported.getMessage())));
        }
    }

    /**
     * JSqlParser reads blank lines as a statement separator, which Jinja leaves everywhere, and
     * a trailing semicolon as a second statement: drop both (string literals spanning blank
     * lines lose those lines, which cannot change where columns come from).
     */
    static String parseable(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        sql.lines().filter(line -> !line.isBlank()).forEach(line -> out.append(line).append('\n'));
        String text = out.toString().strip();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        return text;
    }

    @Override
    public void close() {
        parserThreads.shutdownNow();
    }

    // ---- relations in scope

    /** A column of a derived relation: its name as written and where its values come from. */
    private record OutColumn(String name, Set<ColumnRef> sources) {
    }

    /**
     * A relation as seen from a query: its columns by lower-case name. When {@code complete} is
     * false some columns are unknown; a name not listed then comes from {@code baseNode} if set.
     */
    private static final class Derived {
        final Map<String, OutColumn> columns = new LinkedHashMap<>();
        boolean complete = true;
        String baseNode;

        Set<ColumnRef> column(String name) {
            OutColumn found = columns.get(lower(name));
            if (found != null) {
                return found.sources;
            }
            if (baseNode != null && !complete) {
                return Set.of(new ColumnRef(baseNode, name));
            }
            return null;
        }

        void add(String name, Set<ColumnRef> sources) {
            columns.putIfAbsent(lower(name), new OutColumn(name, sources));
        }
    }

    private record Scope(Map<String, Derived> ctes, Scope parent) {
        static final Scope ROOT = new Scope(Map.of(), null);

        Derived cte(String name) {
            Derived found = ctes.get(name);
            return found != null || parent == null ? found : parent.cte(name);
        }
    }

    private Derived select(Select select, Scope outer) {
        Scope scope = outer;
        List<WithItem<?>> withItems = select.getWithItemsList();
        if (withItems != null && !withItems.isEmpty()) {
            Map<String, Derived> ctes = new HashMap<>();
            scope = new Scope(ctes, outer);
            for (WithItem<?> item : withItems) {
                if (item.getSelect() != null) {
                    ctes.put(lower(unquote(item.getAliasName())), select(item.getSelect(), scope));
                }
            }
        }
        if (select instanceof PlainSelect plain) {
            return plainSelect(plain, scope);
        }
        if (select instanceof SetOperationList union) {
            return union(union, scope);
        }
        if (select instanceof ParenthesedSelect parenthesed) {
            return select(parenthesed.getSelect(), scope);
        }
        Derived values = new Derived();
        values.complete = false;
        return values;
    }

    private Derived union(SetOperationList union, Scope scope) {
        Derived first = null;
        List<List<OutColumn>> others = new ArrayList<>();
        for (Select part : union.getSelects()) {
            Derived derived = select(part, scope);
            if (first == null) {
                first = derived;
            } else {
                others.add(new ArrayList<>(derived.columns.values()));
            }
        }
        Derived out = new Derived();
        if (first == null) {
            return out;
        }
        out.complete = first.complete;
        int position = 0;
        for (OutColumn column : first.columns.values()) {
            Set<ColumnRef> sources = new LinkedHashSet<>(column.sources);
            for (List<OutColumn> other : others) {
                if (position < other.size()) {
                    sources.addAll(other.get(position).sources);
                }
            }
            out.add(column.name, sources);
            position++;
        }
        return out;
    }

    private Derived plainSelect(PlainSelect select, Scope scope) {
        Map<String, Derived> from = new LinkedHashMap<>();
        if (select.getFromItem() != null) {
            fromItem(select.getFromItem(), scope, from);
        }
        if (select.getJoins() != null) {
            for (Join join : select.getJoins()) {
                fromItem(join.getRightItem(), scope, from);
            }
        }
        Derived out = new Derived();
        for (SelectItem<?> item : select.getSelectItems()) {
            Expression expression = item.getExpression();
            if (expression instanceof AllTableColumns tableStar) {
                Derived relation = from.get(lower(unquote(tableStar.getTable().getName())));
                expandStar(relation == null ? List.of() : List.of(relation), tableStar, out);
            } else if (expression instanceof AllColumns star) {
                expandStar(from.values(), star, out);
            } else {
                String name = item.getAlias() != null ? unquote(item.getAlias().getName()) : outputName(expression);
                out.add(name, sources(expression, from));
            }
        }
        return out;
    }

    private static void expandStar(Iterable<Derived> relations, AllColumns star, Derived out) {
        Set<String> except = new java.util.HashSet<>();
        if (star.getExceptColumns() != null) {
            for (Column column : star.getExceptColumns()) {
                except.add(lower(unquote(column.getColumnName())));
            }
        }
        for (Derived relation : relations) {
            relation.columns.forEach((key, column) -> {
                if (!except.contains(key)) {
                    out.add(column.name, column.sources);
                }
            });
            out.complete &= relation.complete;
        }
    }

    private void fromItem(FromItem item, Scope scope, Map<String, Derived> from) {
        if (item instanceof Table table) {
            String alias = item.getAlias() != null ? item.getAlias().getName() : table.getName();
            from.put(lower(unquote(alias)), table(table, scope));
        } else if (item instanceof ParenthesedSelect subquery) {
            String alias = item.getAlias() != null ? item.getAlias().getName() : "";
            from.put(lower(unquote(alias)), select(subquery.getSelect(), scope));
        } else if (item instanceof ParenthesedFromItem nested) {
            fromItem(nested.getFromItem(), scope, from);
            if (nested.getJoins() != null) {
                for (Join join : nested.getJoins()) {
                    fromItem(join.getRightItem(), scope, from);
                }
            }
        } else {
            // Table functions, VALUES lists, lateral views: columns unknown, no upstream node.
            Derived unknown = new Derived();
            unknown.complete = false;
            String alias = item.getAlias() != null ? item.getAlias().getName() : "";
            from.put(lower(unquote(alias)), unknown);
        }
    }

    private Derived table(Table table, Scope scope) {
        String name = qualifiedName(table);
        boolean qualified = name.contains(".");
        if (!name.startsWith(EPHEMERAL_PREFIX) && !qualified) {
            Derived cte = scope.cte(name);
            if (cte != null) {
                return cte;
            }
        }
        Derived base = new Derived();
        Optional<String> node = tables.apply(name);
        if (node.isEmpty()) {
            base.complete = false;
            return base;
        }
        base.baseNode = node.get();
        Known known = knownColumns.apply(node.get());
        for (String column : known.columns()) {
            base.add(column, Set.of(new ColumnRef(node.get(), column)));
        }
        base.complete = known.complete();
        return base;
    }

    private static Set<ColumnRef> sources(Expression expression, Map<String, Derived> from) {
        Set<ColumnRef> out = new LinkedHashSet<>();
        expression.accept(new ExpressionVisitorAdapter<Void>() {
            @Override
            public <S> Void visit(Column column, S context) {
                out.addAll(resolve(column, from));
                return null;
            }

            @Override
            public <S> Void visit(ParenthesedSelect subquery, S context) {
                return null;
            }

            @Override
            public <S> Void visit(AllColumns star, S context) {
                return null;
            }

            @Override
            public <S> Void visit(AllTableColumns star, S context) {
                return null;
            }
        }, null);
        return out;
    }

    private static Set<ColumnRef> resolve(Column column, Map<String, Derived> from) {
        String name = unquote(column.getColumnName());
        Table table = column.getTable();
        if (table != null && table.getName() != null) {
            Derived relation = from.get(lower(unquote(table.getName())));
            Set<ColumnRef> found = relation == null ? null : relation.column(name);
            return found == null ? Set.of() : found;
        }
        Set<ColumnRef> known = null;
        List<Derived> open = new ArrayList<>();
        for (Derived relation : from.values()) {
            OutColumn listed = relation.columns.get(lower(name));
            if (listed != null) {
                if (known != null) {
                    return Set.of(); // ambiguous in SQL as well
                }
                known = listed.sources;
            } else if (!relation.complete) {
                open.add(relation);
            }
        }
        if (known != null) {
            return known;
        }
        // Not listed anywhere: it can only come from a relation whose columns are unknown.
        if (open.size() == 1 && open.get(0).baseNode != null) {
            return Set.of(new ColumnRef(open.get(0).baseNode, name));
        }
        return Set.of();
    }

    private static String outputName(Expression expression) {
        if (expression instanceof Column column) {
            return unquote(column.getColumnName());
        }
        return expression.toString();
    }

    private static String qualifiedName(Table table) {
        List<String> parts = new ArrayList<>();
        for (String part : new String[] {table.getDatabaseName(), table.getSchemaName(), table.getName()}) {
            if (part != null && !part.isEmpty()) {
                parts.add(lower(unquote(part)));
            }
        }
        return String.join(".", parts);
    }

    static String unquote(String name) {
        if (name == null || name.length() < 2) {
            return name;
        }
        char first = name.charAt(0);
        char last = name.charAt(name.length() - 1);
        if ((first == '"' && last == '"') || (first == '`' && last == '`') || (first == '[' && last == ']')) {
            return name.substring(1, name.length() - 1).replace("\"\"", "\"");
        }
        return name;
    }

    private static String lower(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown reason";
        }
        String line = message.strip().lines().findFirst().orElse("unknown reason");
        return line.length() > 160 ? line.substring(0, 160) + "..." : line;
    }
}
