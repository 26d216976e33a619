package dev.model.task;

import dev.model.adapter.Quoting;
import java.util.Locale;

/** dbt's default quote policy per warehouse type, known without connecting. */
final class Quotings {

    private Quotings() {
    }

    static Quoting forType(String type) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "snowflake" -> Quoting.NONE;
            default -> Quoting.ALL_DOUBLE;
        };
    }
}
