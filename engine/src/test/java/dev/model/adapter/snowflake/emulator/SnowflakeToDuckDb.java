package dev.model.adapter.snowflake.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.model.adapter.snowflake.emulator.MaskedSql.IDENT;
import static dev.model.adapter.snowflake.emulator.MaskedSql.NAME;
import static dev.model.adapter.snowflake.emulator.MaskedSql.STRING;

/**
 * Translates the Snowflake SQL this project sends (dbt-snowflake's model shapes, seeds, the ingest sink
 * and the example project's expressions) to DuckDB. Every translation is one named {@link Rule} in
 * {@link #RULES}, applied in order to the text with string literals, quoted identifiers and comments
 * masked ({@link MaskedSql}), so a rule never rewrites inside a literal or a quoted name.
 *
 * <p>This is not a general Snowflake-to-DuckDB translator: what is not listed is passed through, and
 * the features in {@code unsupported-features} fail with Snowflake's compilation error (001003) rather
 * than giving wrong results. Metadata statements (show, describe, use, alter session, grant, ...) never
 * reach this class: {@link NativeStatements} answers them.
 */
final class SnowflakeToDuckDb {

    /** One translation: a name for tests and reports, what it does, and the rewrite of masked text. */
    record Rule(String name, String description, BiFunction<String, MaskedSql, String> rewrite) {
    }

    /** The DuckDB statements to run in order (more than one only for {@code insert overwrite}), and the rules that changed the text. */
    record Translation(List<String> statements, List<String> appliedRules) {

        String sql() {
            return String.join(";\n", statements);
        }
    }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;

    private static final String TYPE_WORDS = "number|numeric|decimal|integer|int|bigint|smallint|tinyint|byteint"
            + "|double\\s+precision|double|float4|float8|float|real|varchar|string|text|nvarchar|char|character"
            + "|timestamp_ntz|timestamp_ltz|timestamp_tz|timestamp|datetime|variant|object|array|binary|varbinary";
    private static final String TYPE = "(?:" + TYPE_WORDS + ")\\b(?:\\s*\\(\\s*\\d+\\s*(?:,\\s*\\d+\\s*)?\\))?";
    private static final Pattern TYPE_PATTERN = Pattern.compile("^(" + TYPE_WORDS + ")\\b(?:\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?$", FLAGS);

    static final List<Rule> RULES = List.of(
            new Rule("snowflake-literals",
                    "'...' with backslash escapes and $$...$$ become standard literals; -- // /* */ comments are dropped"
                            + " (done while masking, before every other rule)",
                    (sql, ctx) -> sql),
            new Rule("unsupported-features",
                    "features the emulator does not translate fail with 001003 instead of running wrongly",
                    SnowflakeToDuckDb::rejectUnsupported),
            new Rule("create-modifiers",
                    "create [or replace] transient|temporary|secure table|view: DuckDB has plain tables and views"
                            + " (the emulator drops a session's temporary objects when it closes)",
                    replace("\\b(create\\s+)(or\\s+replace\\s+)?(?:(?:transient|temporary|temp|volatile|local|global|secure)\\s+)+(table|view)\\b",
                            "$1$2$3")),
            new Rule("copy-grants", "copy grants is dropped (the emulator keeps grants itself)",
                    replace("\\s+copy\\s+grants\\b", "")),
            new Rule("dynamic-table",
                    "create or replace dynamic table R target_lag = .. warehouse = .. [refresh_mode = ..] [initialize = ..] as (q)"
                            + " becomes a table from q (refreshed on alter dynamic table R refresh)",
                    replace("^(\\s*create\\s+(?:or\\s+replace\\s+)?)dynamic\\s+table\\s+(" + NAME + ")\\s+.*?\\bas\\b",
                            "$1table $2 as")),
            new Rule("drop-dynamic-table", "drop dynamic table R becomes drop table R",
                    replace("^(\\s*drop\\s+)dynamic\\s+(table)\\b", "$1$2")),
            new Rule("cluster-by", "cluster by (...) in create table is dropped: DuckDB has no clustering keys",
                    SnowflakeToDuckDb::dropClusterBy),
            new Rule("insert-overwrite", "insert overwrite into R ... becomes delete from R; insert into R ... (one transaction)",
                    replace("^\\s*insert\\s+overwrite\\s+into\\s+(" + NAME + ")", "delete from $1;\ninsert into $1")),
            new Rule("drop-cascade",
                    "drop table|view ... cascade|restrict loses the keyword; drop schema always cascades, as Snowflake's does",
                    SnowflakeToDuckDb::dropCascade),
            new Rule("rename-to-qualified",
                    "alter [dynamic] table|view R rename to DB.SCHEMA.NEW keeps only NEW (DuckDB renames within the schema);"
                            + " a dynamic table is a table",
                    SnowflakeToDuckDb::renameTarget),
            new Rule("column-comment", "alter table|view R alter [column] C comment 'x' becomes comment on column R.C is 'x'",
                    replace("^\\s*alter\\s+(?:table|view)\\s+(" + NAME + ")\\s+(?:alter|modify)\\s+(?:column\\s+)?(" + IDENT
                            + ")\\s+comment\\s+(" + STRING + ")\\s*$", "comment on column $1.$2 is $3")),
            new Rule("merge-insert-values",
                    "in merge ... when not matched then insert (..) values (c, ..), a bare column c names the source row"
                            + " (Snowflake resolves it so; DuckDB finds it ambiguous): it becomes SOURCE.c",
                    SnowflakeToDuckDb::mergeInsertValues),
            new Rule("values-in-from",
                    "from values (..), (..) becomes from (values (..), (..)) as values_(column1, ..., columnN),"
                            + " Snowflake's column names for a values list",
                    SnowflakeToDuckDb::valuesInFrom),
            new Rule("generator",
                    "table(generator(rowcount => n)) [as] [g] becomes range(n) as g(seq_) (g defaults to generator_):"
                            + " the generated rows numbered from 0 in column seq_",
                    SnowflakeToDuckDb::generator),
            new Rule("seq",
                    "seq1()..seq8() become the generator's seq_ where the statement has a generator (so they work inside a"
                            + " window's order by); elsewhere row_number() over () - 1",
                    SnowflakeToDuckDb::seq),
            new Rule("lateral-flatten",
                    "lateral flatten(input => x) as e becomes a lateral json_each(x) with Snowflake's columns value, index, key, path;"
                            + " e.value::text reads the JSON value as text",
                    SnowflakeToDuckDb::lateralFlatten),
            new Rule("semi-structured-path",
                    "x:a.b[0] becomes (x -> '$.a.b[0]') (JSON); x:a::T becomes cast((x ->> '$.a') as T) (the text of the value)",
                    SnowflakeToDuckDb::semiStructuredPath),
            functionRule("iff", "iff(c, a, b) becomes if(c, a, b)", args -> call("if", args), 3),
            functionRule("nvl", "nvl(a, b) becomes coalesce(a, b)", args -> call("coalesce", args), 2),
            functionRule("dayofweekiso", "dayofweekiso(x) becomes isodow(x)", args -> call("isodow", args), 1),
            functionRule("parse_json", "parse_json(x) becomes json(x)", args -> call("json", args), 1),
            functionRule("to_varchar", "to_varchar(x) becomes cast(x as varchar)", args -> "cast(" + args.get(0) + " as varchar)", 1),
            functionRule("to_date", "to_date(x) becomes cast(x as date)", args -> "cast(" + args.get(0) + " as date)", 1),
            functionRule("to_timestamp_ntz", "to_timestamp_ntz(x) becomes cast(x as timestamp)",
                    args -> "cast(" + args.get(0) + " as timestamp)", 1),
            functionRule("dateadd",
                    "dateadd(part, n, x) becomes sf_dateadd_<part>(n, x), a session macro typed like Snowflake's result"
                            + " (a date stays a date for year..day parts; see SESSION_MACROS)",
                    (BiFunction<List<String>, MaskedSql, String>) SnowflakeToDuckDb::dateadd, 3),
            functionRule("datediff", "datediff(part, a, b) becomes date_diff('part', a, b) (both count boundaries crossed)",
                    (BiFunction<List<String>, MaskedSql, String>) (args, ctx) -> "date_diff('" + datePart(args.get(0), ctx) + "', "
                            + args.get(1).strip() + ", " + args.get(2).strip() + ")", 3),
            functionRule("convert_timezone",
                    "convert_timezone(tz, x) becomes timezone(tz, x); convert_timezone(from, to, x) becomes timezone(to, timezone(from, x))",
                    args -> args.size() == 2
                            ? call("timezone", args)
                            : "timezone(" + args.get(1).strip() + ", timezone(" + args.get(0).strip() + ", " + args.get(2).strip() + "))",
                    -1),
            new Rule("current-datetime", "current_timestamp(), current_date(), current_time() lose their parentheses, as DuckDB spells them",
                    replace("\\bcurrent_(timestamp|date|time)\\s*\\(\\s*\\)", "current_$1")),
            functionRule("sysdate", "sysdate() becomes the UTC wall-clock timestamp",
                    args -> "cast(timezone('UTC', now()) as timestamp)", 0),
            new Rule("types",
                    "Snowflake types become DuckDB's where a type is expected (after ::, in cast(.. as T), in column definitions):"
                            + " number(p,s) -> decimal(p,s), number -> decimal(38,0), int -> bigint, float/double/real -> double,"
                            + " varchar(n)/string/text -> varchar, timestamp_ntz/datetime -> timestamp,"
                            + " timestamp_ltz/tz -> timestamptz, variant/object/array -> json, binary -> blob",
                    SnowflakeToDuckDb::types));

    private SnowflakeToDuckDb() {
    }

    static List<Rule> rules() {
        return RULES;
    }

    static Translation translate(String snowflakeSql) {
        MaskedSql masked = MaskedSql.ofSnowflake(snowflakeSql);
        String text = masked.text();
        List<String> applied = new ArrayList<>();
        for (Rule rule : RULES) {
            String next = rule.rewrite().apply(text, masked);
            if (!next.equals(text)) {
                applied.add(rule.name());
            }
            text = next;
        }
        if (!masked.unmask(masked.text()).equals(snowflakeSql)) {
            applied.add(0, "snowflake-literals");
        }
        List<String> statements = new ArrayList<>();
        for (String part : text.split(";")) {
            if (!part.isBlank()) {
                statements.add(masked.unmask(part).strip());
            }
        }
        return new Translation(statements, applied);
    }

    // ---------------------------------------------------------------- rule helpers

    private static BiFunction<String, MaskedSql, String> replace(String regex, String replacement) {
        Pattern pattern = Pattern.compile(regex, FLAGS);
        return (sql, ctx) -> pattern.matcher(sql).replaceAll(replacement);
    }

    /** A rule rewriting every call of {@code name}; {@code arity} -1 accepts 2 or 3 arguments. */
    private static Rule functionRule(String name, String description, Function<List<String>, String> rewrite, int arity) {
        return functionRule(name, description, (args, ctx) -> rewrite.apply(args), arity);
    }

    private static Rule functionRule(String name, String description, BiFunction<List<String>, MaskedSql, String> rewrite, int arity) {
        return new Rule(name, description, (sql, ctx) -> rewriteCalls(sql, name, args -> {
            boolean ok = arity < 0 ? args.size() == 2 || args.size() == 3 : args.size() == arity || (arity == 0 && args.size() == 1 && args.get(0).isBlank());
            if (!ok) {
                throw SnowflakeError.notTranslated(name + " with " + args.size() + " arguments");
            }
            return rewrite.apply(args, ctx);
        }));
    }

    private static String call(String name, List<String> args) {
        return name + "(" + String.join(",", args) + ")";
    }

    /** Rewrites each call {@code name(...)} (innermost arguments first) with {@code rewrite}. */
    static String rewriteCalls(String sql, String name, Function<List<String>, String> rewrite) {
        Pattern start = Pattern.compile("(?<![\\w.$])" + Pattern.quote(name) + "\\s*\\(", Pattern.CASE_INSENSITIVE);
        StringBuilder out = new StringBuilder();
        int from = 0;
        Matcher m = start.matcher(sql);
        while (m.find(from)) {
            int open = m.end() - 1;
            int close = MaskedSql.closingParen(sql, open);
            if (close < 0) {
                break;
            }
            String inner = rewriteCalls(sql.substring(open + 1, close), name, rewrite);
            out.append(sql, from, m.start());
            out.append(rewrite.apply(MaskedSql.splitTopLevel(inner)));
            from = close + 1;
        }
        out.append(sql.substring(from));
        return out.toString();
    }

    private static String rejectUnsupported(String sql, MaskedSql ctx) {
        String[][] unsupported = {
                {"\\bobject_construct(?:_keep_null)?\\s*\\(", "object_construct"},
                {"\\barray_construct\\s*\\(", "array_construct"},
                {"\\bcreate\\s+(?:or\\s+replace\\s+)?(?:stream|task|pipe|stage|file\\s+format|sequence|function|procedure)\\b",
                        "streams, tasks, pipes, stages, file formats, sequences, functions and procedures"},
                {"\\bcopy\\s+into\\b", "copy into"},
                {"^\\s*(?:put|get|list|remove)\\s", "stage commands"},
                {"\\bclone\\b", "zero-copy clones"},
                {"\\bundrop\\b", "undrop"},
                {"(?<!lateral\\s{1,10})\\bflatten\\s*\\(", "flatten outside 'lateral flatten(input => ...)'"},
                {"\\bflatten\\s*\\([^)]*\\b(?:path|outer|recursive|mode)\\s*=>", "flatten with path, outer, recursive or mode"},
                {"\\bat\\s*\\(\\s*(?:timestamp|offset|statement)\\s*=>", "time travel"},
        };
        for (String[] feature : unsupported) {
            if (Pattern.compile(feature[0], FLAGS).matcher(sql).find()) {
                throw SnowflakeError.notTranslated(feature[1]);
            }
        }
        return sql;
    }

    private static String dropClusterBy(String sql, MaskedSql ctx) {
        if (!Pattern.compile("^\\s*create\\b", FLAGS).matcher(sql).find()) {
            return sql;
        }
        Matcher m = Pattern.compile("\\s+cluster\\s+by\\s*(?:linear\\s*)?\\(", FLAGS).matcher(sql);
        if (!m.find()) {
            return sql;
        }
        int close = MaskedSql.closingParen(sql, m.end() - 1);
        return sql.substring(0, m.start()) + sql.substring(close + 1);
    }

    private static String dropCascade(String sql, MaskedSql ctx) {
        Matcher schema = Pattern.compile("^(\\s*drop\\s+schema\\s+(?:if\\s+exists\\s+)?" + NAME + ")(\\s+(?:cascade|restrict))?\\s*$", FLAGS).matcher(sql);
        if (schema.find()) {
            return schema.group(1) + " cascade";
        }
        return Pattern.compile("^(\\s*drop\\s+(?:table|view)\\s+(?:if\\s+exists\\s+)?" + NAME + ")\\s+(?:cascade|restrict)\\s*$", FLAGS)
                .matcher(sql).replaceAll("$1");
    }

    private static String renameTarget(String sql, MaskedSql ctx) {
        Matcher m = Pattern.compile("^(\\s*alter\\s+)(?:dynamic\\s+)?((?:table|view)\\s+(?:if\\s+exists\\s+)?(" + NAME + ")\\s+rename\\s+to\\s+)(" + NAME + ")\\s*$", FLAGS)
                .matcher(sql);
        if (!m.find()) {
            return sql;
        }
        List<String> source = ObjectName.parts(ctx, m.group(3));
        List<String> target = ObjectName.parts(ctx, m.group(4));
        if (target.size() > 1 && source.size() == target.size()) {
            for (int i = 0; i < target.size() - 1; i++) {
                if (!source.get(i).equalsIgnoreCase(target.get(i))) {
                    throw SnowflakeError.notTranslated("a rename into another schema or database");
                }
            }
        }
        String[] targetParts = m.group(4).split("\\.");
        return m.group(1) + m.group(2) + targetParts[targetParts.length - 1].strip();
    }

    private static final Set<String> NOT_ALIASES = Set.of("on", "where", "when", "as");

    private static String mergeInsertValues(String sql, MaskedSql ctx) {
        Matcher merge = Pattern.compile("^\\s*merge\\s+into\\s+" + NAME + "(?:\\s+(?:as\\s+)?" + IDENT + ")?\\s+using\\s+", FLAGS).matcher(sql);
        if (!merge.find()) {
            return sql;
        }
        int sourceEnd;
        String sourceName = null;
        if (sql.charAt(merge.end()) == '(') {
            sourceEnd = MaskedSql.closingParen(sql, merge.end()) + 1;
        } else {
            Matcher name = Pattern.compile("\\G" + NAME).matcher(sql);
            if (!name.find(merge.end())) {
                return sql;
            }
            sourceEnd = name.end();
            String[] parts = name.group().split("\\.");
            sourceName = parts[parts.length - 1].strip();
        }
        Matcher alias = Pattern.compile("\\G\\s+(?:as\\s+)?(" + IDENT + ")", FLAGS).matcher(sql);
        String source = alias.find(sourceEnd) && !NOT_ALIASES.contains(alias.group(1).toLowerCase(Locale.ROOT)) ? alias.group(1) : sourceName;
        if (source == null) {
            return sql;
        }
        Matcher insert = Pattern.compile("\\bwhen\\s+not\\s+matched\\b.*?\\bthen\\s+insert\\s*(?:\\([^)]*\\))?\\s*values\\s*\\(", FLAGS).matcher(sql);
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (insert.find(from)) {
            int open = insert.end() - 1;
            int close = MaskedSql.closingParen(sql, open);
            if (close < 0) {
                break;
            }
            List<String> values = new ArrayList<>();
            for (String value : MaskedSql.splitTopLevel(sql.substring(open + 1, close))) {
                values.add(value.strip().matches(IDENT) && !value.strip().equalsIgnoreCase("null") && !value.strip().matches("(?i)true|false|default")
                        ? source + "." + value.strip() : value);
            }
            out.append(sql, from, open + 1).append(String.join(", ", values)).append(')');
            from = close + 1;
        }
        out.append(sql.substring(from));
        return out.toString();
    }

    private static String valuesInFrom(String sql, MaskedSql ctx) {
        Matcher m = Pattern.compile("\\bfrom\\s+values\\s*\\(", FLAGS).matcher(sql);
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (m.find(from)) {
            int open = m.end() - 1;
            int close = MaskedSql.closingParen(sql, open);
            if (close < 0) {
                break;
            }
            int columns = MaskedSql.splitTopLevel(sql.substring(open + 1, close)).size();
            int end = close + 1;
            Matcher more = Pattern.compile("\\G\\s*,\\s*\\(").matcher(sql);
            while (more.find(end)) {
                int nextClose = MaskedSql.closingParen(sql, more.end() - 1);
                if (nextClose < 0) {
                    break;
                }
                end = nextClose + 1;
            }
            String tuples = sql.substring(open, end);
            Matcher alias = Pattern.compile("\\G(\\s+(?:as\\s+)?)(?!(?:where|group|order|limit|union|join|left|right|inner|cross|on|qualify|having)\\b)(" + IDENT + ")(\\s*\\()?", FLAGS)
                    .matcher(sql);
            String aliasText;
            int after = end;
            if (alias.find(end) && alias.group(3) == null) {
                aliasText = " as " + alias.group(2) + "(" + columnList(columns) + ")";
                after = alias.end();
            } else if (alias.find(end)) {
                aliasText = "";
            } else {
                aliasText = " as values_(" + columnList(columns) + ")";
            }
            out.append(sql, from, m.start()).append("from (values ").append(tuples).append(")").append(aliasText);
            from = after;
        }
        out.append(sql.substring(from));
        return out.toString();
    }

    private static String columnList(int columns) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
            names.add("column" + i);
        }
        return String.join(", ", names);
    }

    private static String lateralFlatten(String sql, MaskedSql ctx) {
        Matcher m = Pattern.compile("\\blateral\\s+flatten\\s*\\(\\s*input\\s*=>", FLAGS).matcher(sql);
        StringBuilder out = new StringBuilder();
        List<String> aliases = new ArrayList<>();
        int from = 0;
        while (m.find(from)) {
            int open = sql.lastIndexOf('(', m.end());
            int close = MaskedSql.closingParen(sql, open);
            if (close < 0) {
                break;
            }
            String input = sql.substring(m.end(), close).strip();
            Matcher alias = Pattern.compile("\\G\\s*(?:as\\s+)?(" + IDENT + ")", FLAGS).matcher(sql);
            if (!alias.find(close + 1)) {
                throw SnowflakeError.notTranslated("lateral flatten without an alias");
            }
            aliases.add(alias.group(1));
            out.append(sql, from, m.start())
                    .append("lateral (select f_.\"value\" as \"VALUE\", try_cast(f_.\"key\" as bigint) as \"INDEX\",")
                    .append(" case when try_cast(f_.\"key\" as bigint) is null then f_.\"key\" end as \"KEY\",")
                    .append(" f_.\"path\" as \"PATH\" from json_each(").append(input).append(") as f_) as ").append(alias.group(1));
            from = alias.end();
        }
        out.append(sql.substring(from));
        String result = out.toString();
        // e.value::text would cast the JSON text with its quotes; Snowflake gives the string itself.
        for (String alias : aliases) {
            result = Pattern.compile("(?<![\\w.$])(" + Pattern.quote(alias) + "\\s*\\.\\s*value)\\s*::\\s*(" + TYPE + ")", FLAGS)
                    .matcher(result).replaceAll("cast(($1 ->> '\\$') as $2)");
        }
        return result;
    }

    private static final String PATH_STEP = "(?:\\.\\s*" + IDENT + "|\\[\\s*\\d+\\s*\\]|\\[\\s*" + STRING + "\\s*\\])";

    private static String semiStructuredPath(String sql, MaskedSql ctx) {
        Pattern path = Pattern.compile("(?<![\\w.$:])(" + NAME + ")(?<![\\s:]):(?!:)\\s*(" + IDENT + PATH_STEP + "*)(\\s*::\\s*(" + TYPE + "))?", FLAGS);
        Matcher m = path.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String json = jsonPath(m.group(2), ctx);
            String literal = ctx.addString(json);
            String replacement;
            String type = m.group(4);
            if (type == null) {
                replacement = "(" + m.group(1) + " -> " + literal + ")";
            } else if (type.toLowerCase(Locale.ROOT).matches("variant|object|array")) {
                replacement = "(" + m.group(1) + " -> " + literal + ")";
            } else {
                replacement = "cast((" + m.group(1) + " ->> " + literal + ") as " + type + ")";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String jsonPath(String maskedPath, MaskedSql ctx) {
        StringBuilder json = new StringBuilder("$");
        Matcher step = Pattern.compile("(" + IDENT + ")|\\[\\s*(\\d+)\\s*\\]|\\[\\s*(" + STRING + ")\\s*\\]").matcher(maskedPath);
        while (step.find()) {
            if (step.group(1) != null) {
                String key = ctx.identifierText(step.group(1));
                json.append(key.matches("[A-Za-z_][A-Za-z0-9_]*") ? "." + key : ".\"" + key + "\"");
            } else if (step.group(2) != null) {
                json.append('[').append(step.group(2)).append(']');
            } else {
                json.append(".\"").append(ctx.stringAt(step.group(3))).append('"');
            }
        }
        return json.toString();
    }

    private static final Pattern AGGREGATE_CALL = Pattern.compile(
            "\\b(?:max|min|any_value|first|last|arg_max|arg_min|max_by|min_by)\\s*\\(", FLAGS);

    /**
     * The typed macro, except around an aggregate: DuckDB picks a macro overload before it types
     * aggregates, so there the plain sum (a timestamp, also for a date) is used.
     */
    private static String dateadd(List<String> args, MaskedSql ctx) {
        String part = datePart(args.get(0), ctx);
        String n = args.get(1).strip();
        String x = args.get(2).strip();
        if (AGGREGATE_CALL.matcher(x).find()) {
            return "(" + x + " + " + DATEADD_INTERVALS.get(part).replace("{n}", n) + ")";
        }
        return "sf_dateadd_" + part + "(" + n + ", " + x + ")";
    }

    /** The interval of n units of each date part, {n} standing for n. */
    private static final java.util.Map<String, String> DATEADD_INTERVALS = new java.util.LinkedHashMap<>();

    static {
        DATEADD_INTERVALS.put("year", "to_years(cast({n} as integer))");
        DATEADD_INTERVALS.put("quarter", "to_months(3 * cast({n} as integer))");
        DATEADD_INTERVALS.put("month", "to_months(cast({n} as integer))");
        DATEADD_INTERVALS.put("week", "to_weeks(cast({n} as integer))");
        DATEADD_INTERVALS.put("day", "to_days(cast({n} as integer))");
        DATEADD_INTERVALS.put("hour", "to_hours(cast({n} as bigint))");
        DATEADD_INTERVALS.put("minute", "to_minutes(cast({n} as bigint))");
        DATEADD_INTERVALS.put("second", "to_seconds(cast({n} as double))");
        DATEADD_INTERVALS.put("millisecond", "to_milliseconds(cast({n} as double))");
        DATEADD_INTERVALS.put("microsecond", "to_microseconds(cast({n} as bigint))");
    }

    /**
     * DuckDB macros every emulator session defines (temporary, so per connection): what a rewrite cannot
     * express because the result type depends on an argument's type. DuckDB picks the overload by type.
     */
    static final List<String> SESSION_MACROS = sessionMacros();

    private static List<String> sessionMacros() {
        List<String> macros = new ArrayList<>();
        for (java.util.Map.Entry<String, String> part : DATEADD_INTERVALS.entrySet()) {
            String interval = part.getValue().replace("{n}", "n");
            boolean datePart = List.of("year", "quarter", "month", "week", "day").contains(part.getKey());
            macros.add("create or replace temp macro sf_dateadd_" + part.getKey()
                    + "(n, x date) as " + (datePart ? "cast(x + " + interval + " as date)" : "cast(x as timestamp) + " + interval)
                    + ", (n, x timestamp) as x + " + interval
                    + ", (n, x timestamptz) as x + " + interval
                    + (datePart ? "" : ", (n, x time) as x + " + interval)
                    + ", (n, x varchar) as cast(x as timestamp) + " + interval);
        }
        return List.copyOf(macros);
    }

    private static final String NOT_AN_ALIAS = "(?!(?:where|group|order|limit|union|join|left|right|inner|full|cross|natural|on"
            + "|qualify|having|window|lateral|using)\\b)";

    private static String generator(String sql, MaskedSql ctx) {
        Matcher m = Pattern.compile("\\btable\\s*\\(\\s*generator\\s*\\(\\s*rowcount\\s*=>\\s*(\\d+)\\s*\\)\\s*\\)"
                + "(?:\\s+(?:as\\s+)?" + NOT_AN_ALIAS + "(" + IDENT + "))?", FLAGS).matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String alias = m.group(2) == null ? "generator_" : m.group(2);
            m.appendReplacement(out, Matcher.quoteReplacement("range(" + m.group(1) + ") as " + alias + "(seq_)"));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String seq(String sql, MaskedSql ctx) {
        boolean generated = Pattern.compile("\\brange\\(\\d+\\) as " + IDENT + "\\(seq_\\)").matcher(sql).find();
        return Pattern.compile("\\bseq[1248]\\s*\\(\\s*\\d?\\s*\\)", FLAGS).matcher(sql)
                .replaceAll(generated ? "seq_" : "(row_number() over () - 1)");
    }

    /** Snowflake's date part names and abbreviations (a keyword or a string), as DuckDB's. */
    static String datePart(String raw, MaskedSql ctx) {
        String text = raw.strip();
        if (text.matches(STRING)) {
            text = ctx.stringAt(text);
        }
        String part = ctx.identifierText(text).toLowerCase(Locale.ROOT);
        return switch (part) {
            case "year", "years", "y", "yy", "yyy", "yyyy", "yr", "yrs" -> "year";
            case "quarter", "quarters", "q", "qtr", "qtrs" -> "quarter";
            case "month", "months", "mm", "mon", "mons" -> "month";
            case "week", "weeks", "w", "wk", "weekofyear", "woy", "wy" -> "week";
            case "day", "days", "d", "dd", "dayofmonth" -> "day";
            case "hour", "hours", "h", "hh", "hr", "hrs" -> "hour";
            case "minute", "minutes", "m", "mi", "min", "mins" -> "minute";
            case "second", "seconds", "s", "sec", "secs" -> "second";
            case "millisecond", "milliseconds", "ms", "msec" -> "millisecond";
            case "microsecond", "microseconds", "us", "usec" -> "microsecond";
            default -> throw SnowflakeError.notTranslated("the date part '" + part + "'");
        };
    }

    private static String types(String sql, MaskedSql ctx) {
        // after ::
        Matcher cast = Pattern.compile("(::\\s*)(" + TYPE + ")", FLAGS).matcher(sql);
        StringBuilder out = new StringBuilder();
        while (cast.find()) {
            cast.appendReplacement(out, Matcher.quoteReplacement(cast.group(1) + duckDbType(cast.group(2))));
        }
        cast.appendTail(out);
        sql = out.toString();
        // cast(x as T), try_cast(x as T)
        for (String function : List.of("cast", "try_cast")) {
            sql = rewriteCalls(sql, function, args -> {
                String body = String.join(",", args);
                Matcher as = Pattern.compile("^(.*\\bas\\s+)(" + TYPE + ")(\\s*)$", FLAGS).matcher(body);
                return function + "(" + (as.matches() ? as.group(1) + duckDbType(as.group(2)) + as.group(3) : body) + ")";
            });
        }
        // column definitions of create table R (c T, ...) and alter table R add [column] c T
        Matcher create = Pattern.compile("^\\s*create\\s+(?:or\\s+replace\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?" + NAME + "\\s*\\(", FLAGS).matcher(sql);
        if (create.find()) {
            int open = create.end() - 1;
            int close = MaskedSql.closingParen(sql, open);
            if (close > 0) {
                List<String> definitions = new ArrayList<>();
                for (String definition : MaskedSql.splitTopLevel(sql.substring(open + 1, close))) {
                    definitions.add(columnDefinition(definition));
                }
                sql = sql.substring(0, open + 1) + String.join(",", definitions) + sql.substring(close);
            }
        }
        Matcher add = Pattern.compile("^(\\s*alter\\s+table\\s+" + NAME + "\\s+add\\s+(?:column\\s+)?(?:if\\s+not\\s+exists\\s+)?)(.*)$", FLAGS).matcher(sql);
        if (add.matches()) {
            sql = add.group(1) + columnDefinition(add.group(2));
        }
        return sql;
    }

    private static String columnDefinition(String definition) {
        Matcher column = Pattern.compile("^(\\s*" + IDENT + "\\s+)(" + TYPE + ")(.*)$", FLAGS).matcher(definition);
        return column.matches() ? column.group(1) + duckDbType(column.group(2)) + column.group(3) : definition;
    }

    /** The DuckDB type for a Snowflake type name with its optional size. */
    static String duckDbType(String snowflakeType) {
        Matcher m = TYPE_PATTERN.matcher(snowflakeType.strip());
        if (!m.matches()) {
            return snowflakeType;
        }
        String name = m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return switch (name) {
            case "number", "numeric", "decimal" -> m.group(2) == null ? "decimal(38,0)"
                    : "decimal(" + m.group(2) + "," + (m.group(3) == null ? "0" : m.group(3)) + ")";
            case "int", "integer" -> "bigint";
            case "byteint" -> "tinyint";
            case "bigint", "smallint", "tinyint" -> name;
            case "double precision", "double", "float4", "float8", "float", "real" -> "double";
            case "varchar", "string", "text", "nvarchar", "char", "character" -> "varchar";
            case "timestamp_ntz", "timestamp", "datetime" -> "timestamp";
            case "timestamp_ltz", "timestamp_tz" -> "timestamptz";
            case "variant", "object", "array" -> "json";
            case "binary", "varbinary" -> "blob";
            default -> snowflakeType;
        };
    }
}
