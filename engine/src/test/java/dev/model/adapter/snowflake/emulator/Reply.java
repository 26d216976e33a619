package dev.model.adapter.snowflake.emulator;

import java.util.List;

/**
 * A statement's answer before it is written as JSON: the statement type the driver dispatches on, the
 * columns, and the rows with every value already encoded as the driver expects (strings or null).
 */
record Reply(StatementType type, List<RowType> columns, List<List<String>> rows) {

    static Reply status(StatementType type, String message) {
        return new Reply(type, List.of(RowType.text("status")), List.of(List.of(message)));
    }

    static Reply success(StatementType type) {
        return status(type, "Statement executed successfully.");
    }

    static Reply rows(StatementType type, List<RowType> columns, List<List<String>> rows) {
        return new Reply(type, columns, rows);
    }

    /** A DML answer: the driver's update count is the sum of the single row's values. */
    static Reply updateCount(StatementType type, long count) {
        String column = switch (type) {
            case INSERT -> "number of rows inserted";
            case UPDATE -> "number of rows updated";
            case DELETE -> "number of rows deleted";
            default -> "number of rows affected";
        };
        return new Reply(type, List.of(RowType.fixed(column)), List.of(List.of(Long.toString(count))));
    }
}
