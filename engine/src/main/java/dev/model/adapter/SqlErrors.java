package dev.model.adapter;

import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;

import java.sql.SQLException;

/** Turns a driver's SQLException into the one-line WAREHOUSE error a dbt user reads. */
final class SqlErrors {

    static final int STATEMENT_CHARS = 200;

    private SqlErrors() {
    }

    static ModelException wrap(AbstractJdbcAdapter adapter, String sql, Relation relation, SQLException e, boolean cancelled) {
        StringBuilder message = new StringBuilder(cancelled ? "Statement cancelled" : "Database error");
        message.append(" (").append(adapter.type()).append(')');
        if (relation != null) {
            message.append(" on ").append(relation.render());
        }
        message.append(": ").append(oneLine(adapter.errorMessage(e)));
        if (sql != null) {
            message.append(" [statement: ").append(abbreviate(sql)).append(']');
        }
        return new ModelException(ErrorCategory.WAREHOUSE, message.toString(), null, e);
    }

    /** Driver messages span lines (DuckDB adds a caret line); the console wants one. */
    static String oneLine(String text) {
        if (text == null || text.isBlank()) {
            return "no message from the driver";
        }
        return text.replaceAll("\\s+", " ").trim();
    }

    static String abbreviate(String sql) {
        String flat = sql.replaceAll("\\s+", " ").trim();
        return flat.length() <= STATEMENT_CHARS ? flat : flat.substring(0, STATEMENT_CHARS) + "...";
    }
}
