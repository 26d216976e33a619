package dev.model.run.snapshot;

import dev.model.error.ModelException;
import dev.model.error.SourceLocation;
import dev.model.parse.NodeConfig;
import dev.model.parse.SnapshotNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A snapshot's configs, checked: a unique key (one expression or several), a known strategy with
 * the setting it needs ({@code updated_at} for timestamp, {@code check_cols} for check), and what
 * hard deletes do. Every problem names the snapshot and the file it is defined in.
 *
 * @param checkCols         the check strategy's columns; empty with {@code checkAll}
 * @param updatedAt         the timestamp strategy's column (the check strategy's optional one), else null
 * @param validToCurrent    {@code dbt_valid_to_current}: the SQL current rows carry instead of null, or null
 */
record SnapshotConfig(
        List<String> uniqueKey,
        Strategy strategy,
        String updatedAt,
        List<String> checkCols,
        boolean checkAll,
        HardDeletes hardDeletes,
        String validToCurrent,
        SnapshotColumns columns) {

    enum Strategy { TIMESTAMP, CHECK }

    SnapshotConfig {
        uniqueKey = List.copyOf(uniqueKey);
        checkCols = List.copyOf(checkCols);
    }

    static SnapshotConfig of(SnapshotNode snapshot) {
        NodeConfig config = snapshot.config();
        SourceLocation where = SourceLocation.of(Path.of(snapshot.originalFilePath()));
        String name = "Snapshot '" + snapshot.name() + "'";
        List<String> uniqueKey = NodeConfig.stringList(config.get("unique_key")).stream()
                .map(String::strip).filter(key -> !key.isEmpty()).toList();
        if (uniqueKey.isEmpty()) {
            throw ModelException.project(name + " has no unique_key: set the column (or list of columns) that"
                    + " identifies a row", where);
        }
        String strategyName = config.getString("strategy");
        if (strategyName == null || strategyName.isBlank()) {
            throw ModelException.project(name + " has no strategy: set strategy to 'timestamp' or 'check'", where);
        }
        Strategy strategy = switch (strategyName.strip().toLowerCase(Locale.ROOT)) {
            case "timestamp" -> Strategy.TIMESTAMP;
            case "check" -> Strategy.CHECK;
            default -> throw ModelException.project(name + " has an unknown strategy '" + strategyName
                    + "': use 'timestamp' or 'check'", where);
        };
        String updatedAt = blankToNull(config.getString("updated_at"));
        List<String> checkCols = List.of();
        boolean checkAll = false;
        if (strategy == Strategy.TIMESTAMP && updatedAt == null) {
            throw ModelException.project(name + " uses the timestamp strategy but has no updated_at column", where);
        }
        if (strategy == Strategy.CHECK) {
            Object raw = config.get("check_cols");
            if (raw instanceof String text && text.strip().equalsIgnoreCase("all")) {
                checkAll = true;
            } else {
                checkCols = NodeConfig.stringList(raw).stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
                if (checkCols.isEmpty()) {
                    throw ModelException.project(name + " uses the check strategy but has no check_cols: set a list"
                            + " of columns or 'all'", where);
                }
            }
        }
        return new SnapshotConfig(uniqueKey, strategy, updatedAt, checkCols, checkAll, hardDeletes(config, name, where),
                blankToNull(config.getString("dbt_valid_to_current")),
                SnapshotColumns.of(config.get("snapshot_meta_column_names")));
    }

    private static HardDeletes hardDeletes(NodeConfig config, String name, SourceLocation where) {
        String value = blankToNull(config.getString("hard_deletes"));
        if (value == null) {
            Object legacy = config.get("invalidate_hard_deletes");
            return legacy != null && Boolean.parseBoolean(legacy.toString()) ? HardDeletes.INVALIDATE : HardDeletes.IGNORE;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "ignore" -> HardDeletes.IGNORE;
            case "invalidate" -> HardDeletes.INVALIDATE;
            case "new_record" -> HardDeletes.NEW_RECORD;
            default -> throw ModelException.project(name + " has an unknown hard_deletes '" + value
                    + "': use 'ignore', 'invalidate' or 'new_record'", where);
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
