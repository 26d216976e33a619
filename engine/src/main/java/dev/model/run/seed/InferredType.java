package dev.model.run.seed;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The types dbt's agate type tester gives a seed column, tried in dbt's order: whole numbers,
 * numbers, dates ({@code 2024-01-31}), date-times ({@code 2024-01-31 12:00:00} or ISO with
 * {@code T}), booleans ({@code true}/{@code false}, any case), and text for everything else. A
 * column with only empty values is an integer, as in dbt.
 */
enum InferredType {
    INTEGER, NUMBER, DATE, TIMESTAMP, BOOLEAN, TEXT;

    private static final Pattern WHOLE = Pattern.compile("[-+]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final DateTimeFormatter DATE_FORMAT = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter DATE_TIME_FORMAT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter(Locale.ROOT);

    /** Whether {@code text} (not empty) reads as this type. */
    boolean accepts(String text) {
        String value = text.strip();
        return switch (this) {
            case INTEGER -> WHOLE.matcher(value).matches();
            case NUMBER -> DECIMAL.matcher(value).matches();
            case DATE -> parses(value, DATE_FORMAT, false);
            case TIMESTAMP -> parses(value, DATE_TIME_FORMAT, true);
            case BOOLEAN -> value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
            case TEXT -> true;
        };
    }

    /** The plain Java value for the adapter's row loader; {@code text} is not empty and accepted. */
    Object convert(String text) {
        String value = text.strip();
        return switch (this) {
            case INTEGER, NUMBER -> new BigDecimal(value);
            case DATE -> LocalDate.parse(value, DATE_FORMAT);
            case TIMESTAMP -> LocalDateTime.parse(value, DATE_TIME_FORMAT);
            case BOOLEAN -> Boolean.valueOf(value.equalsIgnoreCase("true"));
            case TEXT -> text;
        };
    }

    private static boolean parses(String value, DateTimeFormatter format, boolean dateTime) {
        if (value.length() < 10 || !Character.isDigit(value.charAt(0))) {
            return false;
        }
        try {
            if (dateTime) {
                LocalDateTime.parse(value, format);
            } else {
                LocalDate.parse(value, format);
            }
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
