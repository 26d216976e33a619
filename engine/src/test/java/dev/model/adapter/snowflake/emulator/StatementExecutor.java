package dev.model.adapter.snowflake.emulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.model.adapter.snowflake.emulator.MaskedSql.NAME;
import static dev.model.adapter.snowflake.emulator.MaskedSql.STRING;

/**
 * Runs one statement for a session: injected faults first, then the statements the emulator answers
 * itself, the warehouse check, translation, bind values, DuckDB, and the bookkeeping Snowflake does
 * beside the data (owners and grants of relations, temporary objects, dynamic table definitions).
 *
 * <p>Transactions follow Snowflake: with AUTOCOMMIT off the first query or DML opens a transaction;
 * a DDL statement commits an open transaction first and then runs on its own.
 */
final class StatementExecutor {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    private static final String MODIFIERS = "(?:(?:transient|temporary|temp|volatile|local|global|secure)\\s+)*";
    private static final Pattern CREATE = Pattern.compile(
            "^\\s*create\\s+(or\\s+replace\\s+)?(" + MODIFIERS + ")(?:(dynamic)\\s+)?(table|view)\\s+(?:if\\s+not\\s+exists\\s+)?(" + NAME + ")(.*)$", FLAGS);
    private static final Pattern DROP = Pattern.compile(
            "^\\s*drop\\s+(?:dynamic\\s+)?(?:table|view)\\s+(?:if\\s+exists\\s+)?(" + NAME + ")(?:\\s+(?:cascade|restrict))?\\s*$", FLAGS);
    private static final Pattern RENAME = Pattern.compile(
            "^\\s*alter\\s+(?:dynamic\\s+)?(table|view)\\s+(?:if\\s+exists\\s+)?(" + NAME + ")\\s+rename\\s+to\\s+(" + NAME + ")\\s*$", FLAGS);
    private static final Pattern DROP_SCHEMA = Pattern.compile(
            "^\\s*drop\\s+schema\\s+(?:if\\s+exists\\s+)?(" + NAME + ")(?:\\s+(?:cascade|restrict))?\\s*$", FLAGS);
    private static final Pattern CTAS = Pattern.compile(
            "^\\s*create\\s+(?:or\\s+replace\\s+)?" + MODIFIERS + "(?:dynamic\\s+)?table\\b.*?\\bas\\b", FLAGS);
    private static final Pattern DYNAMIC_OPTION = Pattern.compile(
            "\\b(target_lag|warehouse|refresh_mode|initialize)\\s*=\\s*(" + STRING + "|" + MaskedSql.IDENT + ")", FLAGS);

    private final EmulatedAccount account;

    StatementExecutor(EmulatedAccount account) {
        this.account = account;
    }

    /** Answers a {@code describeOnly} request: the statement type and bind count, without running anything. */
    Reply describe(String sqlText) {
        MaskedSql masked = MaskedSql.ofSnowflake(sqlText);
        StatementType type = StatementType.of(masked.text());
        return new Reply(type, List.of(), List.of());
    }

    static int placeholders(String sqlText) {
        String text = MaskedSql.ofSnowflake(sqlText).text();
        return (int) text.chars().filter(c -> c == '?').count();
    }

    Reply execute(EmulatorSession session, String sqlText, JsonNode bindings, String queryTag) {
        MaskedSql masked = MaskedSql.ofSnowflake(sqlText);
        String text = masked.text().strip().replaceAll(";[\\s;]*$", "").strip();
        Bindings binds = Bindings.of(bindings);
        Optional<SnowflakeError> fault = account.takeFault(sqlText);
        if (fault.isPresent()) {
            account.record(new ReceivedStatement(session.id, sqlText, null, queryTag, binds.rowCount()));
            throw fault.get();
        }
        if (text.contains(";")) {
            account.record(new ReceivedStatement(session.id, sqlText, null, queryTag, binds.rowCount()));
            long count = java.util.Arrays.stream(text.split(";")).filter(s -> !s.isBlank()).count();
            throw new SnowflakeError("000008", "0A000",
                    "Actual statement count " + count + " did not match the desired statement count 1.");
        }
        Optional<Reply> answered;
        try {
            answered = NativeStatements.answer(account, session, masked, text);
        } catch (SnowflakeError e) {
            account.record(new ReceivedStatement(session.id, sqlText, null, queryTag, binds.rowCount()));
            throw e;
        }
        if (answered.isPresent()) {
            account.record(new ReceivedStatement(session.id, sqlText, null, queryTag, binds.rowCount()));
            return answered.get();
        }
        StatementType type = StatementType.of(text);
        SnowflakeToDuckDb.Translation translation;
        try {
            if (needsWarehouse(type, text) && session.warehouse() == null) {
                throw SnowflakeError.noWarehouse();
            }
            translation = SnowflakeToDuckDb.translate(sqlText);
        } catch (SnowflakeError e) {
            account.record(new ReceivedStatement(session.id, sqlText, null, queryTag, binds.rowCount()));
            throw e;
        }
        translation = renameViewsAsViews(session, masked, text, translation);
        account.record(new ReceivedStatement(session.id, sqlText, translation.sql(), queryTag, binds.rowCount()));
        Reply reply = run(session, type, translation, binds);
        afterSuccess(session, masked, text);
        return reply;
    }

    /**
     * dbt-snowflake renames every relation with {@code alter table}, which Snowflake accepts for views;
     * DuckDB wants {@code alter view} for a view.
     */
    private static SnowflakeToDuckDb.Translation renameViewsAsViews(EmulatorSession session, MaskedSql masked, String text,
                                                                   SnowflakeToDuckDb.Translation translation) {
        Matcher rename = RENAME.matcher(text);
        if (!rename.matches() || !rename.group(1).equalsIgnoreCase("table") || translation.statements().size() != 1) {
            return translation;
        }
        ObjectName from = ObjectName.resolve(masked, rename.group(2), session.database(), session.schema());
        boolean view = new DuckDbCatalog(session.duckDb).relation(from).map(r -> r.kind() == DuckDbCatalog.Kind.VIEW).orElse(false);
        if (!view) {
            return translation;
        }
        String sql = translation.statements().get(0).replaceFirst("(?is)^(\\s*alter\\s+)table\\b", "$1view");
        return new SnowflakeToDuckDb.Translation(List.of(sql), translation.appliedRules());
    }

    private static boolean needsWarehouse(StatementType type, String text) {
        return type == StatementType.SELECT || type.isDml() || CTAS.matcher(text).find();
    }

    private Reply run(EmulatorSession session, StatementType type, SnowflakeToDuckDb.Translation translation, Bindings binds) {
        if (type == StatementType.DDL && session.inTransaction()) {
            // Snowflake commits the open transaction before a DDL statement.
            session.inTransaction(false);
            NativeStatements.duckDb(session, "commit");
        }
        if ((type == StatementType.SELECT || type.isDml()) && !session.autocommit() && !session.inTransaction()) {
            NativeStatements.duckDb(session, "begin transaction");
            session.inTransaction(true);
        }
        // Each translated statement with its bound copies (one per row unless the batch folds into one values list).
        List<List<String>> statements = new ArrayList<>();
        for (String statement : translation.statements()) {
            statements.add(binds.bind(statement));
        }
        boolean own = statements.stream().mapToInt(List::size).sum() > 1 && !session.inTransaction();
        if (own) {
            NativeStatements.duckDb(session, "begin transaction");
        }
        try {
            Reply reply = null;
            long updated = 0;
            for (List<String> bound : statements) {
                updated = 0;
                for (String statement : bound) {
                    try (Statement jdbc = session.duckDb.createStatement()) {
                        session.running(jdbc);
                        if (session.currentRequestAborted()) {
                            throw canceled();
                        }
                        if (jdbc.execute(statement)) {
                            try (ResultSet rows = jdbc.getResultSet()) {
                                reply = ResultEncoder.encode(rows);
                            }
                        } else {
                            updated += Math.max(0, jdbc.getUpdateCount());
                            reply = null;
                        }
                    } finally {
                        session.running(null);
                    }
                }
            }
            if (own) {
                NativeStatements.duckDb(session, "commit");
            }
            if (type.isDml()) {
                return reply != null && reply.columns().size() == 1 && reply.columns().get(0).name().equalsIgnoreCase("COUNT")
                        ? Reply.updateCount(type, Long.parseLong(reply.rows().get(0).get(0)))
                        : Reply.updateCount(type, updated);
            }
            if (reply != null && type == StatementType.SELECT) {
                return reply;
            }
            return reply != null ? new Reply(StatementType.SELECT, reply.columns(), reply.rows()) : Reply.success(type);
        } catch (SQLException e) {
            if (own) {
                NativeStatements.rollbackQuietly(session);
            }
            throw DuckDbErrors.translate(e);
        } catch (RuntimeException e) {
            if (own) {
                NativeStatements.rollbackQuietly(session);
            }
            throw e;
        }
    }

    static SnowflakeError canceled() {
        return new SnowflakeError("000604", "57014", "SQL execution canceled");
    }

    /** Owners, grants, temporary objects and dynamic tables: what Snowflake keeps beside the data. */
    private void afterSuccess(EmulatorSession session, MaskedSql masked, String text) {
        Matcher create = CREATE.matcher(text);
        if (create.matches()) {
            ObjectName name = ObjectName.resolve(masked, create.group(5), session.database(), session.schema());
            String rest = create.group(6);
            boolean copyGrants = Pattern.compile("\\bcopy\\s+grants\\b", FLAGS).matcher(rest).find();
            account.created(name, session.role(), copyGrants);
            String modifiers = create.group(2).toLowerCase(Locale.ROOT);
            if (modifiers.contains("temp") || modifiers.contains("volatile")) {
                session.addTemporary(name);
            }
            if (create.group(3) != null) {
                defineDynamicTable(name, masked, rest);
            }
            return;
        }
        Matcher drop = DROP.matcher(text);
        if (drop.matches()) {
            ObjectName name = ObjectName.resolve(masked, drop.group(1), session.database(), session.schema());
            account.dropped(name);
            session.forgetTemporary(name);
            return;
        }
        Matcher dropSchema = DROP_SCHEMA.matcher(text);
        if (dropSchema.matches()) {
            List<String> parts = ObjectName.parts(masked, dropSchema.group(1));
            String database = parts.size() == 2 ? parts.get(0) : session.database();
            account.droppedSchema(database, parts.get(parts.size() - 1));
            return;
        }
        Matcher rename = RENAME.matcher(text);
        if (rename.matches()) {
            ObjectName from = ObjectName.resolve(masked, rename.group(2), session.database(), session.schema());
            List<String> target = ObjectName.parts(masked, rename.group(3));
            ObjectName to = new ObjectName(from.database(), from.schema(), target.get(target.size() - 1));
            account.renamed(from, to);
            if (session.temporaryObjects().contains(from)) {
                session.forgetTemporary(from);
                session.addTemporary(to);
            }
        }
    }

    private void defineDynamicTable(ObjectName name, MaskedSql masked, String rest) {
        Matcher as = Pattern.compile("\\bas\\b", FLAGS).matcher(rest);
        if (!as.find()) {
            return;
        }
        String options = rest.substring(0, as.start());
        String targetLag = null;
        String warehouse = null;
        String refreshMode = "AUTO";
        Matcher option = DYNAMIC_OPTION.matcher(options);
        while (option.find()) {
            String raw = option.group(2);
            String value = raw.charAt(0) == MaskedSql.STRING_OPEN ? masked.stringAt(raw) : masked.identifierText(raw).toUpperCase(Locale.ROOT);
            switch (option.group(1).toLowerCase(Locale.ROOT)) {
                case "target_lag" -> targetLag = value;
                case "warehouse" -> warehouse = value;
                case "refresh_mode" -> refreshMode = value;
                default -> {
                }
            }
        }
        String query = masked.unmask(rest.substring(as.end())).strip();
        if (query.startsWith("(") && MaskedSql.closingParen(rest.substring(as.end()).strip(), 0) == rest.substring(as.end()).strip().length() - 1) {
            query = query.substring(1, query.length() - 1).strip();
        }
        String duckDbQuery = SnowflakeToDuckDb.translate(query).sql();
        String text = masked.unmask(masked.text()).strip();
        account.defineDynamicTable(new EmulatedAccount.DynamicTable(name, targetLag, warehouse, refreshMode, text, duckDbQuery, Instant.now()));
    }
}
