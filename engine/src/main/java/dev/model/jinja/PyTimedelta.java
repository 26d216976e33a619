package dev.model.jinja;

import java.time.Duration;

/** Python's {@code datetime.timedelta}. */
record PyTimedelta(Duration duration) implements PyObject {

    @Override
    public String typeName() {
        return "timedelta";
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "days" -> duration.toDays();
            case "seconds" -> duration.toSecondsPart() + duration.toMinutesPart() * 60L + duration.toHoursPart() * 3600L;
            default -> MISSING;
        };
    }

    @Override
    public Object call(String method, JavaFunction.Arguments a) {
        return method.equals("total_seconds") ? duration.toMillis() / 1000.0 : MISSING;
    }

    static PyTimedelta of(JavaFunction.Arguments a) {
        double seconds = number(a, 0, "days") * 86400 + number(a, 1, "seconds") + number(a, 2, "microseconds") / 1e6
                + number(a, 3, "milliseconds") / 1e3 + number(a, 4, "minutes") * 60 + number(a, 5, "hours") * 3600
                + number(a, 6, "weeks") * 7 * 86400;
        return new PyTimedelta(Duration.ofNanos(Math.round(seconds * 1e9)));
    }

    private static double number(JavaFunction.Arguments a, int index, String name) {
        Object value = a.get(index, name, 0);
        return value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString());
    }

    @Override
    public String toString() {
        long days = duration.toDays();
        Duration rest = duration.minusDays(days);
        String time = String.format(java.util.Locale.ROOT, "%d:%02d:%02d", rest.toHours(), rest.toMinutesPart(), rest.toSecondsPart());
        return days == 0 ? time : days + (Math.abs(days) == 1 ? " day, " : " days, ") + time;
    }
}
