package dev.model.run.materialize;

import dev.model.adapter.Session;
import dev.model.adapter.StatementResult;
import dev.model.error.ModelException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Runs statements one by one, some of which may open and close an explicit transaction
 * ({@code begin; merge ...; commit}, as dbt-snowflake wraps its DML). When a statement fails while
 * such a transaction is open, it is rolled back before the failure is reported, so the pooled
 * connection does not go back with a half-done transaction that a later node would commit.
 */
public final class ExplicitTransactions {

    private ExplicitTransactions() {
    }

    /**
     * Runs {@code statements} in order, handing each to {@code record} before it is sent.
     * Returns each statement's result.
     */
    public static List<StatementResult> run(Session session, List<String> statements, Consumer<String> record) {
        List<StatementResult> results = new ArrayList<>(statements.size());
        boolean open = false;
        for (String statement : statements) {
            record.accept(statement);
            try {
                results.add(session.execute(statement));
            } catch (ModelException failure) {
                if (open) {
                    rollback(session, record, failure);
                }
                throw failure;
            }
            if (opens(statement)) {
                open = true;
            } else if (closes(statement)) {
                open = false;
            }
        }
        return results;
    }

    /** Whether the statement is {@code begin}/{@code commit}/{@code rollback}: bookkeeping, not the work. */
    public static boolean isControl(String statement) {
        return opens(statement) || closes(statement);
    }

    static boolean opens(String statement) {
        String s = normalized(statement);
        return s.equals("begin") || s.equals("begin transaction") || s.equals("begin work")
                || s.equals("start transaction");
    }

    static boolean closes(String statement) {
        String s = normalized(statement);
        return s.equals("commit") || s.equals("commit work") || s.equals("rollback") || s.equals("rollback work")
                || s.equals("end");
    }

    private static String normalized(String statement) {
        return statement.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static void rollback(Session session, Consumer<String> record, ModelException cause) {
        if (session.isCancelled()) {
            return;
        }
        try {
            record.accept("rollback");
            session.execute("rollback");
        } catch (ModelException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }
}
