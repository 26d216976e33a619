package dev.model.adapter.snowflake.emulator;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.model.adapter.snowflake.emulator.MaskedSql.IDENT;
import static dev.model.adapter.snowflake.emulator.MaskedSql.NAME;
import static dev.model.adapter.snowflake.emulator.MaskedSql.STRING;

/**
 * Statements the emulator answers itself, in Java, before any translation: show, describe, use, alter
 * session, grant, revoke, transaction control, select current_version() and friends, and the clustering
 * and dynamic-table commands DuckDB has no counterpart for. Results are shaped like Snowflake's (lower
 * case column names, as Snowflake's show commands return them).
 *
 * <p>Name rule: show and describe report every stored name in upper case (DuckDB keeps the case an
 * unquoted name was written in; Snowflake folds unquoted names to upper case). A name created quoted in
 * lower case is therefore reported in upper case too, unlike Snowflake.
 */
final class NativeStatements {

    private static final int SHOW_ROWS_MAX = 10_000;
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    private static final String KIND = "(table|view|dynamic\\s+table|materialized\\s+view)";

    private record Handler(Pattern pattern, BiFunction<EmulatorSession, Matcher, Reply> answer) {
    }

    private final EmulatedAccount account;
    private final List<Handler> handlers = new ArrayList<>();
    private MaskedSql sql;

    private NativeStatements(EmulatedAccount account) {
        this.account = account;
        on("^show\\s+(?:terse\\s+)?objects(?:\\s+like\\s+(" + STRING + "))?\\s+in\\s+(?:schema\\s+)?(" + NAME + ")"
                + "(?:\\s+limit\\s+(\\d+)(?:\\s+from\\s+(" + STRING + "))?)?$", this::showObjects);
        on("^show\\s+dynamic\\s+tables(?:\\s+like\\s+(" + STRING + "))?(?:\\s+in\\s+(?:schema\\s+)?(" + NAME + "))?$", this::showDynamicTables);
        on("^show\\s+(?:terse\\s+)?schemas(?:\\s+like\\s+(" + STRING + "))?(?:\\s+in\\s+(?:database\\s+)?(" + IDENT + "))?$", this::showSchemas);
        on("^show\\s+(?:terse\\s+)?databases(?:\\s+like\\s+(" + STRING + "))?$", this::showDatabases);
        on("^show\\s+parameters(?:\\s+like\\s+(" + STRING + "))?(?:\\s+in\\s+session)?$", this::showParameters);
        on("^show\\s+grants\\s+on\\s+(?:" + KIND + "\\s+)?(" + NAME + ")$", this::showGrants);
        on("^desc(?:ribe)?\\s+(?:" + KIND + "\\s+)?(" + NAME + ")(?:\\s+type\\s*=\\s*\\w+)?$", this::describe);
        on("^use\\s+(?:(warehouse|role|database|schema)\\s+)?(" + NAME + ")$", this::use);
        on("^alter\\s+session\\s+set\\s+(.+)$", this::alterSessionSet);
        on("^alter\\s+session\\s+unset\\s+(.+)$", this::alterSessionUnset);
        on("^grant\\s+(.+?)\\s+on\\s+(?:" + KIND + "\\s+)?(" + NAME + ")\\s+to\\s+(?:role\\s+)?(" + IDENT + ")(?:\\s+with\\s+grant\\s+option)?$", this::grant);
        on("^revoke\\s+(?:grant\\s+option\\s+for\\s+)?(.+?)\\s+on\\s+(?:" + KIND + "\\s+)?(" + NAME + ")\\s+from\\s+(?:role\\s+)?(" + IDENT + ")(?:\\s+(?:cascade|restrict))?$", this::revoke);
        on("^grant\\s+.+\\s+on\\s+(?:schema|database|warehouse|future|all)\\s.*$", (s, m) -> Reply.success(StatementType.DDL));
        on("^revoke\\s+.+\\s+on\\s+(?:schema|database|warehouse|future|all)\\s.*$", (s, m) -> Reply.success(StatementType.DDL));
        on("^select\\s+current_(version|warehouse|role|database|schema|user|account|session|region)\\s*\\(\\s*\\)(?:\\s+as\\s+(" + IDENT + "))?$", this::currentFunction);
        on("^(?:begin|start)(?:\\s+(?:transaction|work))?(?:\\s+name\\s+" + IDENT + ")?$", this::begin);
        on("^commit(?:\\s+work)?$", this::commit);
        on("^rollback(?:\\s+work)?$", this::rollback);
        on("^alter\\s+table\\s+(?:if\\s+exists\\s+)?(" + NAME + ")\\s+(?:cluster\\s+by\\s*(?:linear\\s*)?\\(.*\\)|drop\\s+clustering\\s+key|(?:resume|suspend)\\s+recluster)$", this::clustering);
        on("^alter\\s+dynamic\\s+table\\s+(?:if\\s+exists\\s+)?(" + NAME + ")\\s+(refresh|suspend|resume)$", this::alterDynamicTable);
        on("^alter\\s+dynamic\\s+table\\s+(?:if\\s+exists\\s+)?(" + NAME + ")\\s+set((?:\\s*,?\\s*(?:target_lag|warehouse)\\s*=\\s*(?:"
                + STRING + "|" + IDENT + "))+)$", this::alterDynamicTableSet);
        on("^create\\s+(or\\s+replace\\s+)?(?:transient\\s+)?database\\s+(if\\s+not\\s+exists\\s+)?(" + IDENT + ")$", this::createDatabase);
        on("^drop\\s+database\\s+(if\\s+exists\\s+)?(" + IDENT + ")(?:\\s+(?:cascade|restrict))?$", this::dropDatabase);
        on("^select\\s+system\\$cancel_all_queries\\s*\\(\\s*(\\d+)\\s*\\)$", this::cancelAllQueries);
    }

    private void on(String regex, BiFunction<EmulatorSession, Matcher, Reply> answer) {
        handlers.add(new Handler(Pattern.compile(regex, FLAGS), answer));
    }

    /** The reply, if this is a statement the emulator answers itself; {@code text} is the masked, trimmed statement. */
    static Optional<Reply> answer(EmulatedAccount account, EmulatorSession session, MaskedSql sql, String text) {
        NativeStatements natives = new NativeStatements(account);
        natives.sql = sql;
        for (Handler handler : natives.handlers) {
            Matcher m = handler.pattern().matcher(text);
            if (m.matches()) {
                return Optional.of(handler.answer().apply(session, m));
            }
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- show

    private Reply showObjects(EmulatorSession session, Matcher m) {
        List<String> parts = ObjectName.parts(sql, m.group(2));
        String database = parts.size() == 2 ? parts.get(0) : session.database();
        if (database == null) {
            throw noCurrentDatabase();
        }
        String schema = parts.get(parts.size() - 1);
        DuckDbCatalog catalog = new DuckDbCatalog(session.duckDb);
        if (database == null || !catalog.databaseExists(database)) {
            throw SnowflakeError.databaseMissing(String.valueOf(database));
        }
        if (!catalog.schemaExists(database, schema)) {
            throw SnowflakeError.schemaMissing(database + "." + schema);
        }
        Pattern like = like(m.group(1));
        List<List<String>> rows = new ArrayList<>();
        for (DuckDbCatalog.Relation relation : catalog.relations(database, schema)) {
            String name = upper(relation.name());
            if (like.matcher(name).matches()) {
                ObjectName object = new ObjectName(upper(database), upper(schema), name);
                rows.add(List.of(timestamp(account.createdOn(object)), name, relation.kind().name(), upper(database), upper(schema)));
            }
        }
        rows.sort(java.util.Comparator.comparing(row -> row.get(1)));
        // LIMIT n FROM 'name': the n rows after that name, in the order above (the name itself excluded).
        if (m.group(4) != null) {
            String after = sql.stringAt(m.group(4));
            rows.removeIf(row -> row.get(1).compareTo(after) <= 0);
        }
        // Snowflake returns at most 10,000 rows for one SHOW, whatever the limit.
        int limit = m.group(3) == null ? SHOW_ROWS_MAX : Math.min(SHOW_ROWS_MAX, Integer.parseInt(m.group(3)));
        if (rows.size() > limit) {
            rows = new ArrayList<>(rows.subList(0, limit));
        }
        return Reply.rows(StatementType.SHOW, List.of(RowType.timestampLtz("created_on"), RowType.text("name"), RowType.text("kind"),
                RowType.text("database_name"), RowType.text("schema_name")), rows);
    }

    private Reply showDynamicTables(EmulatorSession session, Matcher m) {
        String database = session.database();
        String schema = session.schema();
        if (m.group(2) != null) {
            List<String> parts = ObjectName.parts(sql, m.group(2));
            database = parts.size() == 2 ? parts.get(0) : database;
            schema = parts.get(parts.size() - 1);
        }
        DuckDbCatalog catalog = new DuckDbCatalog(session.duckDb);
        if (database == null || !catalog.databaseExists(database)) {
            throw SnowflakeError.databaseMissing(String.valueOf(database));
        }
        if (schema == null || !catalog.schemaExists(database, schema)) {
            throw SnowflakeError.schemaMissing(database + "." + schema);
        }
        Pattern like = like(m.group(1));
        List<List<String>> rows = new ArrayList<>();
        for (EmulatedAccount.DynamicTable table : account.dynamicTables(database, schema)) {
            if (like.matcher(table.name().name()).matches()) {
                rows.add(Arrays.asList(timestamp(table.createdOn()), table.name().name(), table.name().database(), table.name().schema(),
                        table.targetLag(), table.warehouse(), table.refreshMode(), table.text(),
                        account.owner(table.name()).orElse(null), "RUNNING"));
            }
        }
        return Reply.rows(StatementType.SHOW, List.of(RowType.timestampLtz("created_on"), RowType.text("name"),
                RowType.text("database_name"), RowType.text("schema_name"), RowType.text("target_lag"), RowType.text("warehouse"),
                RowType.text("refresh_mode"), RowType.text("text"), RowType.text("owner"), RowType.text("scheduling_state")), rows);
    }

    private Reply showSchemas(EmulatorSession session, Matcher m) {
        String database = m.group(2) == null ? session.database() : ObjectName.parts(sql, m.group(2)).get(0);
        DuckDbCatalog catalog = new DuckDbCatalog(session.duckDb);
        if (database == null || !catalog.databaseExists(database)) {
            throw SnowflakeError.databaseMissing(String.valueOf(database));
        }
        Pattern like = like(m.group(1));
        List<List<String>> rows = new ArrayList<>();
        for (String schema : catalog.schemas(database)) {
            if (like.matcher(upper(schema)).matches()) {
                rows.add(List.of(timestamp(Instant.EPOCH), upper(schema), "SCHEMA", upper(database), upper(schema)));
            }
        }
        return Reply.rows(StatementType.SHOW, List.of(RowType.timestampLtz("created_on"), RowType.text("name"), RowType.text("kind"),
                RowType.text("database_name"), RowType.text("schema_name")), rows);
    }

    private Reply showDatabases(EmulatorSession session, Matcher m) {
        Pattern like = like(m.group(1));
        List<List<String>> rows = new ArrayList<>();
        for (String database : account.databases()) {
            if (like.matcher(database).matches()) {
                rows.add(Arrays.asList(timestamp(Instant.EPOCH), database, "STANDARD", database, null));
            }
        }
        return Reply.rows(StatementType.SHOW, List.of(RowType.timestampLtz("created_on"), RowType.text("name"), RowType.text("kind"),
                RowType.text("database_name"), RowType.text("schema_name")), rows);
    }

    /** Session parameters with Snowflake's defaults, descriptions and types. */
    private static final Map<String, String[]> PARAMETERS = new LinkedHashMap<>();

    static {
        PARAMETERS.put("AUTOCOMMIT", new String[] {"true", "The autocommit property determines whether is statement should to be implicitly wrapped within a transaction or not.", "BOOLEAN"});
        PARAMETERS.put("QUERY_TAG", new String[] {"", "String (up to 4096 characters) used to tag statements executed by the session", "STRING"});
        PARAMETERS.put("TIMEZONE", new String[] {"UTC", "time zone", "STRING"});
        PARAMETERS.put("STATEMENT_TIMEOUT_IN_SECONDS", new String[] {"172800", "Timeout in seconds for statements.", "NUMBER"});
    }

    private Reply showParameters(EmulatorSession session, Matcher m) {
        Pattern like = like(m.group(1));
        Map<String, String[]> known = new LinkedHashMap<>(PARAMETERS);
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, String[]> parameter : known.entrySet()) {
            if (like.matcher(parameter.getKey()).matches()) {
                String value = session.parameter(parameter.getKey());
                String[] info = parameter.getValue();
                rows.add(List.of(parameter.getKey(), value == null ? info[0] : value, info[0], value == null ? "" : "SESSION", info[1], info[2]));
            }
        }
        return Reply.rows(StatementType.SHOW, List.of(RowType.text("key"), RowType.text("value"), RowType.text("default"),
                RowType.text("level"), RowType.text("description"), RowType.text("type")), rows);
    }

    private Reply showGrants(EmulatorSession session, Matcher m) {
        ObjectName name = existingRelation(session, m.group(1), m.group(2));
        DuckDbCatalog.Kind kind = new DuckDbCatalog(session.duckDb).relation(name).orElseThrow().kind();
        List<List<String>> rows = new ArrayList<>();
        String created = timestamp(account.createdOn(name));
        Optional<String> owner = account.owner(name);
        owner.ifPresent(role -> rows.add(List.of(created, "OWNERSHIP", kind.name(), name.qualified(), "ROLE", role, "true", role)));
        for (Grant grant : account.grantsOn(name)) {
            rows.add(List.of(created, grant.privilege(), kind.name(), name.qualified(), "ROLE", grant.role(), "false", owner.orElse("")));
        }
        return Reply.rows(StatementType.SHOW, List.of(RowType.timestampLtz("created_on"), RowType.text("privilege"), RowType.text("granted_on"),
                RowType.text("name"), RowType.text("granted_to"), RowType.text("grantee_name"), RowType.text("grant_option"),
                RowType.text("granted_by")), rows);
    }

    private Reply describe(EmulatorSession session, Matcher m) {
        ObjectName name = existingRelation(session, m.group(1), m.group(2));
        List<List<String>> rows = new ArrayList<>();
        for (DuckDbCatalog.ColumnInfo column : new DuckDbCatalog(session.duckDb).columns(name)) {
            rows.add(Arrays.asList(upper(column.name()), snowflakeType(column.duckDbType()), "COLUMN", column.nullable() ? "Y" : "N",
                    column.defaultValue(), "N", "N", null, null, column.comment(), null, null));
        }
        return Reply.rows(StatementType.DESCRIBE, List.of(RowType.text("name"), RowType.text("type"), RowType.text("kind"),
                RowType.text("null?"), RowType.text("default"), RowType.text("primary key"), RowType.text("unique key"),
                RowType.text("check"), RowType.text("expression"), RowType.text("comment"), RowType.text("policy name"),
                RowType.text("privacy domain")), rows);
    }

    /** Snowflake's name for a DuckDB column type, as describe table shows it. */
    static String snowflakeType(String duckDbType) {
        String type = duckDbType.toUpperCase(Locale.ROOT);
        Matcher decimal = Pattern.compile("DECIMAL\\((\\d+),\\s*(\\d+)\\)").matcher(type);
        if (decimal.matches()) {
            return "NUMBER(" + decimal.group(1) + "," + decimal.group(2) + ")";
        }
        return switch (type) {
            case "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT" -> "NUMBER(38,0)";
            case "FLOAT", "DOUBLE" -> "FLOAT";
            case "BOOLEAN" -> "BOOLEAN";
            case "DATE" -> "DATE";
            case "TIME" -> "TIME(9)";
            case "TIMESTAMP", "TIMESTAMP_NS", "TIMESTAMP_MS", "TIMESTAMP_S" -> "TIMESTAMP_NTZ(9)";
            case "TIMESTAMP WITH TIME ZONE" -> "TIMESTAMP_LTZ(9)";
            case "JSON" -> "VARIANT";
            case "BLOB" -> "BINARY(8388608)";
            default -> type.endsWith("[]") ? "ARRAY" : type.startsWith("STRUCT") || type.startsWith("MAP") ? "OBJECT" : "VARCHAR(16777216)";
        };
    }

    // ---------------------------------------------------------------- use and alter session

    private Reply use(EmulatorSession session, Matcher m) {
        String kind = m.group(1) == null ? "database" : m.group(1).toLowerCase(Locale.ROOT);
        List<String> parts = ObjectName.parts(sql, m.group(2));
        DuckDbCatalog catalog = new DuckDbCatalog(session.duckDb);
        switch (kind) {
            case "warehouse" -> session.warehouse(account.warehouse(parts.get(0)).orElseThrow(NativeStatements::objectMissing));
            case "role" -> {
                if (!account.roleExists(parts.get(0))) {
                    throw new SnowflakeError("002003", "02000", "SQL compilation error:\nRole '" + parts.get(0) + "' does not exist or not authorized.");
                }
                session.role(parts.get(0));
            }
            case "database" -> {
                String database = catalog.database(parts.get(0)).orElseThrow(NativeStatements::objectMissing);
                session.database(database);
                session.schema(catalog.schemaExists(database, "PUBLIC") ? "PUBLIC" : null);
                useInDuckDb(session);
            }
            default -> {
                String database = parts.size() == 2 ? parts.get(0) : session.database();
                if (database == null || !catalog.schemaExists(database, parts.get(parts.size() - 1))) {
                    throw objectMissing();
                }
                session.database(catalog.database(database).orElseThrow());
                session.schema(parts.get(parts.size() - 1));
                useInDuckDb(session);
            }
        }
        return Reply.success(StatementType.USE);
    }

    static void useInDuckDb(EmulatorSession session) {
        if (session.database() == null) {
            return;
        }
        String target = ObjectName.quote(session.database()) + (session.schema() == null ? "" : "." + ObjectName.quote(session.schema()));
        try (Statement statement = session.duckDb.createStatement()) {
            statement.execute("use " + target);
        } catch (SQLException e) {
            throw DuckDbErrors.translate(e);
        }
    }

    private static SnowflakeError noCurrentDatabase() {
        return new SnowflakeError("090105", "22000",
                "Cannot perform SHOW. This session does not have a current database. Call 'USE DATABASE', or use a qualified name.");
    }

    private static SnowflakeError objectMissing() {
        return new SnowflakeError("002043", "02000", "SQL compilation error:\nObject does not exist, or operation cannot be performed.");
    }

    private Reply alterSessionSet(EmulatorSession session, Matcher m) {
        Matcher assignment = Pattern.compile("(" + IDENT + ")\\s*=\\s*(" + STRING + "|[-+\\w.]+)").matcher(m.group(1));
        boolean any = false;
        while (assignment.find()) {
            String value = assignment.group(2);
            String text = value.charAt(0) == MaskedSql.STRING_OPEN ? sql.stringAt(value)
                    : value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false") ? value.toLowerCase(Locale.ROOT) : value;
            session.parameter(sql.identifierText(assignment.group(1)), text);
            any = true;
        }
        if (!any) {
            throw SnowflakeError.compilation("syntax error: alter session set expects name = value");
        }
        return Reply.success(StatementType.ALTER_SESSION);
    }

    private Reply alterSessionUnset(EmulatorSession session, Matcher m) {
        for (String name : m.group(1).split("[,\\s]+")) {
            if (!name.isBlank()) {
                session.parameter(sql.identifierText(name.strip()), null);
            }
        }
        return Reply.success(StatementType.ALTER_SESSION);
    }

    // ---------------------------------------------------------------- grants

    private Reply grant(EmulatorSession session, Matcher m) {
        ObjectName name = existingRelation(session, m.group(2), m.group(3));
        String role = role(m.group(4));
        for (String privilege : privileges(m.group(1))) {
            account.grant(name, privilege, role);
        }
        return Reply.success(StatementType.DDL);
    }

    private Reply revoke(EmulatorSession session, Matcher m) {
        ObjectName name = existingRelation(session, m.group(2), m.group(3));
        String role = role(m.group(4));
        for (String privilege : privileges(m.group(1))) {
            account.revoke(name, privilege, role);
        }
        return Reply.success(StatementType.DDL);
    }

    private String role(String masked) {
        String role = ObjectName.parts(sql, masked).get(0);
        if (!account.roleExists(role)) {
            throw new SnowflakeError("002003", "02000", "SQL compilation error:\nRole '" + role + "' does not exist or not authorized.");
        }
        return account.options.roles().stream().filter(r -> r.equalsIgnoreCase(role)).findFirst().orElse(role);
    }

    private static List<String> privileges(String list) {
        List<String> privileges = new ArrayList<>();
        for (String privilege : list.split(",")) {
            String p = privilege.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
            if (p.equals("ALL") || p.equals("ALL PRIVILEGES")) {
                privileges.addAll(List.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES"));
            } else {
                privileges.add(p);
            }
        }
        return privileges;
    }

    /** Resolves a relation name and checks it exists (and, for table or view, that it is one). */
    private ObjectName existingRelation(EmulatorSession session, String kind, String maskedName) {
        ObjectName name = ObjectName.resolve(sql, maskedName, session.database(), session.schema());
        Optional<DuckDbCatalog.Relation> relation = new DuckDbCatalog(session.duckDb).relation(name);
        String label = kind != null && kind.toLowerCase(Locale.ROOT).startsWith("view") ? "View" : "Table";
        if (relation.isEmpty()) {
            throw SnowflakeError.objectMissing(label, name.qualified());
        }
        if (kind != null && kind.equalsIgnoreCase("view") && relation.get().kind() != DuckDbCatalog.Kind.VIEW) {
            throw SnowflakeError.objectMissing("View", name.qualified());
        }
        return new ObjectName(name.database(), name.schema(), upper(relation.get().name()));
    }

    // ---------------------------------------------------------------- the rest

    /** dbt-snowflake's cancel, sent from another session: stops what the given session is running. */
    private Reply cancelAllQueries(EmulatorSession session, Matcher m) {
        long id = Long.parseLong(m.group(1));
        int cancelled = 0;
        for (EmulatorSession other : account.sessions()) {
            Statement running = other.id == id ? other.running() : null;
            if (running != null) {
                try {
                    running.cancel();
                    cancelled++;
                } catch (SQLException finished) {
                    // it finished meanwhile
                }
            }
        }
        return Reply.rows(StatementType.SELECT, List.of(RowType.text("SYSTEM$CANCEL_ALL_QUERIES(" + id + ")")),
                List.of(List.of(cancelled + " queries terminated.")));
    }

    private Reply currentFunction(EmulatorSession session, Matcher m) {
        String function = m.group(1).toLowerCase(Locale.ROOT);
        String value = switch (function) {
            case "version" -> account.options.serverVersion();
            case "warehouse" -> session.warehouse();
            case "role" -> session.role();
            case "database" -> session.database();
            case "schema" -> session.schema();
            case "user" -> session.user.toUpperCase(Locale.ROOT);
            case "account" -> "EMULATOR";
            case "session" -> Long.toString(session.id);
            default -> "EMULATOR";
        };
        String column = m.group(2) == null ? "CURRENT_" + function.toUpperCase(Locale.ROOT) + "()"
                : ResultEncoder.columnName(sql.identifierText(m.group(2)));
        return Reply.rows(StatementType.SELECT, List.of(RowType.text(column)), List.of(Arrays.asList(value)));
    }

    private Reply begin(EmulatorSession session, Matcher m) {
        if (!session.inTransaction()) {
            duckDb(session, "begin transaction");
            session.inTransaction(true);
        }
        return Reply.status(StatementType.TCL, "Statement executed successfully.");
    }

    private Reply commit(EmulatorSession session, Matcher m) {
        if (session.inTransaction()) {
            session.inTransaction(false);
            duckDb(session, "commit");
        }
        return Reply.status(StatementType.TCL, "Statement executed successfully.");
    }

    private Reply rollback(EmulatorSession session, Matcher m) {
        if (session.inTransaction()) {
            session.inTransaction(false);
            duckDb(session, "rollback");
        }
        return Reply.status(StatementType.TCL, "Statement executed successfully.");
    }

    private Reply clustering(EmulatorSession session, Matcher m) {
        existingRelation(session, "table", m.group(1));
        return Reply.success(StatementType.DDL);
    }

    private Reply alterDynamicTable(EmulatorSession session, Matcher m) {
        ObjectName name = existingRelation(session, "table", m.group(1));
        EmulatedAccount.DynamicTable table = account.dynamicTable(name)
                .orElseThrow(() -> SnowflakeError.objectMissing("Dynamic table", name.qualified()));
        if (m.group(2).equalsIgnoreCase("refresh")) {
            boolean own = !session.inTransaction();
            if (own) {
                duckDb(session, "begin transaction");
            }
            try {
                duckDb(session, "delete from " + name.duckDb());
                duckDb(session, "insert into " + name.duckDb() + " " + table.duckDbQuery());
                if (own) {
                    duckDb(session, "commit");
                }
            } catch (SnowflakeError e) {
                if (own) {
                    rollbackQuietly(session);
                }
                throw e;
            }
        }
        return Reply.success(StatementType.DDL);
    }

    /** {@code set target_lag = '..' [warehouse = X]}: the definition keeps its query, with the new settings. */
    private Reply alterDynamicTableSet(EmulatorSession session, Matcher m) {
        ObjectName name = existingRelation(session, "table", m.group(1));
        EmulatedAccount.DynamicTable table = account.dynamicTable(name)
                .orElseThrow(() -> SnowflakeError.objectMissing("Dynamic table", name.qualified()));
        String targetLag = table.targetLag();
        String warehouse = table.warehouse();
        Matcher setting = Pattern.compile("(target_lag|warehouse)\\s*=\\s*(" + STRING + "|" + IDENT + ")", FLAGS).matcher(m.group(2));
        while (setting.find()) {
            String raw = setting.group(2);
            if (setting.group(1).equalsIgnoreCase("target_lag")) {
                if (raw.charAt(0) != MaskedSql.STRING_OPEN) {
                    throw SnowflakeError.compilation("invalid value [" + sql.identifierText(raw) + "] for parameter 'TARGET_LAG'");
                }
                targetLag = sql.stringAt(raw);
            } else {
                warehouse = raw.charAt(0) == MaskedSql.STRING_OPEN ? sql.stringAt(raw) : sql.identifierText(raw).toUpperCase(Locale.ROOT);
            }
        }
        account.defineDynamicTable(new EmulatedAccount.DynamicTable(table.name(), targetLag, warehouse, table.refreshMode(),
                table.text(), table.duckDbQuery(), table.createdOn()));
        return Reply.status(StatementType.DDL, "Statement executed successfully.");
    }

    private Reply createDatabase(EmulatorSession session, Matcher m) {
        String name = ObjectName.parts(sql, m.group(3)).get(0);
        boolean exists = account.databases().stream().anyMatch(d -> d.equalsIgnoreCase(name));
        try {
            if (exists && m.group(1) != null) {
                account.dropDatabase(name);
                exists = false;
            }
            if (exists && m.group(2) == null) {
                throw new SnowflakeError("002002", "42710", "SQL compilation error:\nObject '" + name + "' already exists.");
            }
            if (!exists) {
                account.createDatabase(name);
            }
        } catch (SQLException e) {
            throw DuckDbErrors.translate(e);
        }
        return Reply.status(StatementType.DDL, "Database " + name + " successfully created.");
    }

    private Reply dropDatabase(EmulatorSession session, Matcher m) {
        String name = ObjectName.parts(sql, m.group(2)).get(0);
        Optional<String> existing = account.databases().stream().filter(d -> d.equalsIgnoreCase(name)).findFirst();
        if (existing.isEmpty()) {
            if (m.group(1) != null) {
                return Reply.success(StatementType.DDL);
            }
            throw SnowflakeError.databaseMissing(name);
        }
        try {
            account.dropDatabase(existing.get());
            account.droppedPrefix(existing.get() + ".");
        } catch (SQLException e) {
            throw DuckDbErrors.translate(e);
        }
        if (name.equalsIgnoreCase(session.database())) {
            session.database(null);
            session.schema(null);
        }
        return Reply.status(StatementType.DDL, name + " successfully dropped.");
    }

    static void duckDb(EmulatorSession session, String duckDbSql) {
        try (Statement statement = session.duckDb.createStatement()) {
            statement.execute(duckDbSql);
        } catch (SQLException e) {
            throw DuckDbErrors.translate(e);
        }
    }

    static void rollbackQuietly(EmulatorSession session) {
        try (Statement statement = session.duckDb.createStatement()) {
            statement.execute("rollback");
        } catch (SQLException ignored) {
            // no transaction left to roll back
        }
    }

    private Pattern like(String maskedString) {
        if (maskedString == null) {
            return Pattern.compile(".*", Pattern.DOTALL);
        }
        StringBuilder regex = new StringBuilder();
        for (char c : sql.stringAt(maskedString).toCharArray()) {
            regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }

    private static String upper(String name) {
        return name.toUpperCase(Locale.ROOT);
    }

    private static String timestamp(Instant instant) {
        return ResultEncoder.seconds(instant.getEpochSecond(), instant.getNano());
    }
}
