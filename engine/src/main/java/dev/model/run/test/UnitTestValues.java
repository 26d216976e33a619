package dev.model.run.test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Values of unit test fixtures: SQL literals for the mocked inputs, a type when the upstream
 * relation does not exist yet, and the normal form in which expected and actual values are
 * compared (so that {@code 7}, {@code 7.0} and {@code '7'} are the same number).
 */
final class UnitTestValues {

    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d*\\.\\d+(?:[eE][-+]?\\d+)?|-?\\d+[eE][-+]?\\d+");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private UnitTestValues() {
    }

    /** The type of a column seen only through its fixture values: integer, double, boolean or varchar. */
    static String inferType(Collection<Object> values) {
        String type = null;
        for (Object value : values) {
            if (value == null) {
                continue;
            }
            String own = typeOf(value);
            if (type == null || type.equals(own)) {
                type = own;
            } else if ((type.equals("bigint") && own.equals("double")) || (type.equals("double") && own.equals("bigint"))) {
                type = "double";
            } else {
                return "varchar";
            }
        }
        return type == null ? "varchar" : type;
    }

    private static String typeOf(Object value) {
        if (value instanceof Boolean) {
            return "boolean";
        }
        if (value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger) {
            return "bigint";
        }
        if (value instanceof Number) {
            return "double";
        }
        if (value instanceof java.util.Date) {
            return "timestamp";
        }
        String text = value.toString().trim();
        if (INTEGER.matcher(text).matches() && text.length() < 19) {
            return "bigint";
        }
        if (DECIMAL.matcher(text).matches()) {
            return "double";
        }
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return "boolean";
        }
        return "varchar";
    }

    /** {@code cast(<value> as <type>)}. */
    static String literal(Object value, String type) {
        if (value == null) {
            return "cast(null as " + type + ")";
        }
        String text;
        if (value instanceof Number || value instanceof Boolean) {
            text = value.toString();
        } else if (value instanceof java.util.Date date) {
            text = "'" + LocalDateTime.ofInstant(date.toInstant(), ZoneOffset.UTC).format(SECONDS) + "'";
        } else {
            text = "'" + value.toString().replace("'", "''") + "'";
        }
        return "cast(" + text + " as " + type + ")";
    }

    /** The form two values are compared in. */
    static String normal(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        if (value instanceof Number number) {
            return number(number.toString());
        }
        if (value instanceof java.util.Date date) {
            return LocalDateTime.ofInstant(date.toInstant(), ZoneOffset.UTC).format(SECONDS);
        }
        if (value instanceof LocalDateTime time) {
            return time.format(SECONDS) + fraction(time.getNano());
        }
        if (value instanceof OffsetDateTime time) {
            return time.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime().format(SECONDS) + fraction(time.getNano());
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        String text = value.toString().trim();
        if (INTEGER.matcher(text).matches() || DECIMAL.matcher(text).matches()) {
            return number(text);
        }
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return text.toLowerCase(Locale.ROOT);
        }
        if (TIMESTAMP.matcher(text).matches()) {
            LocalDateTime time = LocalDateTime.parse(text.replace(' ', 'T'));
            return time.format(SECONDS) + fraction(time.getNano());
        }
        return text;
    }

    private static String number(String text) {
        try {
            BigDecimal decimal = new BigDecimal(text).stripTrailingZeros();
            return decimal.signum() == 0 ? "0" : decimal.toPlainString();
        } catch (NumberFormatException notANumber) {
            return text;
        }
    }

    private static String fraction(int nanos) {
        if (nanos == 0) {
            return "";
        }
        String digits = String.format(Locale.ROOT, "%09d", nanos).replaceAll("0+$", "");
        return "." + digits;
    }
}
