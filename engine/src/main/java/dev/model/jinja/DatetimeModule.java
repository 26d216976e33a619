package dev.model.jinja;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;

/** {@code modules.datetime}: the {@code datetime}, {@code date} and {@code timedelta} classes dbt projects use. */
final class DatetimeModule implements PyObject {

    private final Clock clock;
    private final DatetimeClass datetime;
    private final DateClass date;

    DatetimeModule(Clock clock) {
        this.clock = clock;
        this.datetime = new DatetimeClass();
        this.date = new DateClass();
    }

    @Override
    public String typeName() {
        return "module";
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "datetime" -> datetime;
            case "date" -> date;
            case "timedelta" -> new TimedeltaClass();
            default -> MISSING;
        };
    }

    @Override
    public Object call(String method, JavaFunction.Arguments a) {
        return switch (method) {
            case "timedelta" -> PyTimedelta.of(a);
            case "date" -> PyDateTime.ofDate(LocalDate.of(integer(a, 0, "year"), integer(a, 1, "month"), integer(a, 2, "day")));
            case "datetime" -> new PyDateTime(LocalDateTime.of(integer(a, 0, "year"), integer(a, 1, "month"),
                    integer(a, 2, "day"), optional(a, 3, "hour"), optional(a, 4, "minute"), optional(a, 5, "second")), false);
            default -> MISSING;
        };
    }

    private static int integer(JavaFunction.Arguments a, int index, String name) {
        return ((Number) a.require(index, name)).intValue();
    }

    private static int optional(JavaFunction.Arguments a, int index, String name) {
        return ((Number) a.get(index, name, 0)).intValue();
    }

    private final class DatetimeClass implements PyObject {
        @Override
        public String typeName() {
            return "type";
        }

        @Override
        public Object call(String method, JavaFunction.Arguments a) {
            return switch (method) {
                case "now" -> new PyDateTime(LocalDateTime.now(clock), false);
                case "utcnow" -> new PyDateTime(LocalDateTime.now(clock.withZone(ZoneOffset.UTC)), false);
                case "today" -> new PyDateTime(LocalDateTime.now(clock), false);
                case "strptime" -> strptime(a.string(0, "date_string"), a.string(1, "format"));
                case "fromisoformat" -> new PyDateTime(LocalDateTime.parse(a.string(0, "date_string").replace(' ', 'T')), false);
                default -> MISSING;
            };
        }
    }

    private final class DateClass implements PyObject {
        @Override
        public String typeName() {
            return "type";
        }

        @Override
        public Object call(String method, JavaFunction.Arguments a) {
            return switch (method) {
                case "today" -> PyDateTime.ofDate(LocalDate.now(clock));
                case "fromisoformat" -> PyDateTime.ofDate(LocalDate.parse(a.string(0, "date_string")));
                default -> MISSING;
            };
        }
    }

    private static final class TimedeltaClass implements PyObject {
        @Override
        public String typeName() {
            return "type";
        }
    }

    /** Python's strptime codes mapped onto a java.time parser. */
    static PyDateTime strptime(String text, String format) {
        DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder().parseCaseInsensitive();
        boolean hasTime = false;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 >= format.length()) {
                builder.appendLiteral(c);
                continue;
            }
            char code = format.charAt(++i);
            switch (code) {
                case 'Y' -> builder.appendValue(ChronoField.YEAR, 4);
                case 'm' -> builder.appendValue(ChronoField.MONTH_OF_YEAR, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE);
                case 'd' -> builder.appendValue(ChronoField.DAY_OF_MONTH, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE);
                case 'H' -> {
                    builder.appendValue(ChronoField.HOUR_OF_DAY, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE);
                    hasTime = true;
                }
                case 'M' -> builder.appendValue(ChronoField.MINUTE_OF_HOUR, 2);
                case 'S' -> builder.appendValue(ChronoField.SECOND_OF_MINUTE, 2);
                case 'f' -> builder.appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, false);
                case 'b' -> builder.appendPattern("MMM");
                case 'B' -> builder.appendPattern("MMMM");
                case '%' -> builder.appendLiteral('%');
                default -> throw new IllegalArgumentException("unsupported strptime code %" + code);
            }
        }
        var formatter = builder.parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
                .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
                .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
                .toFormatter(Locale.ENGLISH);
        try {
            return new PyDateTime(LocalDateTime.parse(text, formatter), false);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("time data '" + text + "' does not match format '" + format + "'");
        }
    }
}
