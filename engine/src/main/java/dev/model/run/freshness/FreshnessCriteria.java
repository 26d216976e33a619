package dev.model.run.freshness;

import dev.model.error.ModelException;
import dev.model.error.SourceLocation;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A source's {@code freshness:} block: {@code warn_after} and {@code error_after} as
 * {@code {count, period}} with period minute, hour or day, and an optional {@code filter}.
 *
 * @param warnAfterSeconds  null when not set
 * @param errorAfterSeconds null when not set
 */
public record FreshnessCriteria(Long warnAfterSeconds, Long errorAfterSeconds, String filter, Map<String, Object> asDeclared) {

    public FreshnessCriteria {
        asDeclared = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(asDeclared));
    }

    /** Reads the block; a bad count or period is an error naming the source and its YAML file. */
    public static FreshnessCriteria of(Map<String, Object> freshness, String source, SourceLocation where) {
        Map<String, Object> declared = new LinkedHashMap<>();
        Long warn = threshold(freshness.get("warn_after"), "warn_after", source, where, declared);
        Long error = threshold(freshness.get("error_after"), "error_after", source, where, declared);
        Object filter = freshness.get("filter");
        declared.put("filter", filter == null ? null : filter.toString());
        return new FreshnessCriteria(warn, error, filter == null ? null : filter.toString(), declared);
    }

    public boolean isEmpty() {
        return warnAfterSeconds == null && errorAfterSeconds == null;
    }

    private static Long threshold(Object value, String key, String source, SourceLocation where,
                                  Map<String, Object> declared) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("count", null);
        shown.put("period", null);
        declared.put(key, shown);
        if (!(value instanceof Map<?, ?> map) || map.get("count") == null) {
            return null;
        }
        long count;
        try {
            count = Long.parseLong(map.get("count").toString().trim());
        } catch (NumberFormatException e) {
            throw ModelException.project("Source '" + source + "': " + key + ".count must be a whole number, got '"
                    + map.get("count") + "'", where);
        }
        String period = map.get("period") == null ? "" : map.get("period").toString().trim().toLowerCase(Locale.ROOT);
        long unit = switch (period) {
            case "minute" -> 60L;
            case "hour" -> 3600L;
            case "day" -> 86400L;
            default -> throw ModelException.project("Source '" + source + "': " + key
                    + ".period must be minute, hour or day, got '" + map.get("period") + "'", where);
        };
        shown.put("count", count);
        shown.put("period", period);
        return count * unit;
    }
}
