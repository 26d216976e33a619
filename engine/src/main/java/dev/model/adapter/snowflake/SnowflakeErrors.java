package dev.model.adapter.snowflake;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;

/** Reads the driver's SQLException as Snowflake's error code and message, and says what may be retried. */
final class SnowflakeErrors {

    /** The driver's codes for a request that never got an answer (NETWORK_ERROR, IO_ERROR). */
    private static final Set<Integer> NETWORK_CODES = Set.of(200015, 200016);

    private SnowflakeErrors() {
    }

    /**
     * {@code Snowflake error 002003: SQL compilation error: ...}, on one line: Snowflake's six-digit
     * code (as its console prints it) and its message.
     */
    static String describe(SQLException e) {
        String message = e.getMessage() == null || e.getMessage().isBlank() ? "no message from the driver" : e.getMessage();
        message = message.replaceAll("\\s+", " ").trim();
        if (e.getErrorCode() == 0) {
            return message;
        }
        return "Snowflake error " + code(e) + ": " + message;
    }

    /** Snowflake's code as it prints it: six digits, zero-padded ({@code 002003}). */
    static String code(SQLException e) {
        return String.format(Locale.ROOT, "%06d", e.getErrorCode());
    }

    /** Snowflake's "does not exist or not authorized" (a schema, table or database that is not there). */
    static boolean doesNotExist(SQLException e) {
        return e.getErrorCode() == 2003;
    }

    /**
     * A login the server refused: wrong credentials, a locked user, an unknown role. Retrying
     * cannot help and may lock the account.
     */
    static boolean loginRefused(SQLException e) {
        int code = e.getErrorCode();
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return (code >= 390_000 && code < 400_000) || state.startsWith("28");
    }

    /** The request never reached Snowflake or got no answer: connection refused, timed out, no route, no DNS. */
    static boolean transientNetworkFailure(SQLException e) {
        if (loginRefused(e)) {
            return false;
        }
        if (NETWORK_CODES.contains(e.getErrorCode()) || (e.getSQLState() != null && e.getSQLState().startsWith("08"))) {
            return true;
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof SocketTimeoutException
                    || cause instanceof NoRouteToHostException || cause instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }
}
