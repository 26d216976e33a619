package dev.model.jinja;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/** Python's {@code datetime.datetime} (or {@code datetime.date}) value for templates: attributes, strftime, isoformat. */
record PyDateTime(LocalDateTime value, boolean dateOnly) implements PyObject {

    @Override
    public String typeName() {
        return dateOnly ? "date" : "datetime";
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "year" -> value.getYear();
            case "month" -> value.getMonthValue();
            case "day" -> value.getDayOfMonth();
            case "hour" -> dateOnly ? MISSING : value.getHour();
            case "minute" -> dateOnly ? MISSING : value.getMinute();
            case "second" -> dateOnly ? MISSING : value.getSecond();
            case "microsecond" -> dateOnly ? MISSING : value.getNano() / 1000;
            default -> MISSING;
        };
    }

    @Override
    public Object call(String method, JavaFunction.Arguments a) {
        return switch (method) {
            case "strftime" -> strftime(a.string(0, "format"));
            case "isoformat" -> isoformat(a.get(0, "sep", "T").toString());
            case "date" -> new PyDateTime(value.toLocalDate().atStartOfDay(), true);
            case "weekday" -> value.getDayOfWeek().getValue() - 1;
            case "isoweekday" -> value.getDayOfWeek().getValue();
            case "timestamp" -> value.toEpochSecond(java.time.ZoneOffset.UTC) + value.getNano() / 1e9;
            case "replace" -> replace(a);
            case "add" -> plus(a, 1);
            case "subtract" -> plus(a, -1);
            default -> MISSING;
        };
    }

    private PyDateTime replace(JavaFunction.Arguments a) {
        LocalDateTime out = value;
        for (var entry : a.keywords().entrySet()) {
            int v = ((Number) entry.getValue()).intValue();
            out = switch (entry.getKey()) {
                case "year" -> out.withYear(v);
                case "month" -> out.withMonth(v);
                case "day" -> out.withDayOfMonth(v);
                case "hour" -> out.withHour(v);
                case "minute" -> out.withMinute(v);
                case "second" -> out.withSecond(v);
                case "microsecond" -> out.withNano(v * 1000);
                default -> throw new IllegalArgumentException("unexpected keyword '" + entry.getKey() + "'");
            };
        }
        return new PyDateTime(out, dateOnly);
    }

    /** Python cannot be mirrored here ({@code now - timedelta(...)}), so {@code now.subtract(td)} is offered. */
    private PyDateTime plus(JavaFunction.Arguments a, int sign) {
        Object delta = a.require(0, "delta");
        if (!(delta instanceof PyTimedelta td)) {
            throw new IllegalArgumentException("expects a timedelta");
        }
        return new PyDateTime(value.plus(sign > 0 ? td.duration() : td.duration().negated()), dateOnly);
    }

    String isoformat(String separator) {
        if (dateOnly) {
            return value.toLocalDate().toString();
        }
        String time = String.format(Locale.ROOT, "%02d:%02d:%02d", value.getHour(), value.getMinute(), value.getSecond());
        if (value.getNano() / 1000 != 0) {
            time += String.format(Locale.ROOT, ".%06d", value.getNano() / 1000);
        }
        return value.toLocalDate() + separator + time;
    }

    String strftime(String format) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 >= format.length()) {
                out.append(c);
                continue;
            }
            char code = format.charAt(++i);
            out.append(switch (code) {
                case 'Y' -> String.format(Locale.ROOT, "%04d", value.getYear());
                case 'y' -> String.format(Locale.ROOT, "%02d", value.getYear() % 100);
                case 'm' -> String.format(Locale.ROOT, "%02d", value.getMonthValue());
                case 'd' -> String.format(Locale.ROOT, "%02d", value.getDayOfMonth());
                case 'H' -> String.format(Locale.ROOT, "%02d", value.getHour());
                case 'I' -> String.format(Locale.ROOT, "%02d", (value.getHour() + 11) % 12 + 1);
                case 'M' -> String.format(Locale.ROOT, "%02d", value.getMinute());
                case 'S' -> String.format(Locale.ROOT, "%02d", value.getSecond());
                case 'f' -> String.format(Locale.ROOT, "%06d", value.getNano() / 1000);
                case 'j' -> String.format(Locale.ROOT, "%03d", value.getDayOfYear());
                case 'p' -> value.getHour() < 12 ? "AM" : "PM";
                case 'b' -> value.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
                case 'B' -> value.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
                case 'a' -> value.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
                case 'A' -> value.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
                case 'w' -> String.valueOf(value.getDayOfWeek().getValue() % 7);
                case 'z', 'Z' -> "";
                case '%' -> "%";
                default -> "%" + code;
            });
        }
        return out.toString();
    }

    static PyDateTime ofDate(LocalDate date) {
        return new PyDateTime(date.atStartOfDay(), true);
    }

    @Override
    public String toString() {
        return isoformat(" ");
    }
}
