package dev.model.jinja;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Python's {@code str} methods, which dbt macros call on strings ({@code name.lower()}, {@code '{}'.format(x)}). */
final class StringMethods {

    private StringMethods() {
    }

    static Object call(String s, String method, JavaFunction.Arguments a) {
        return switch (method) {
            case "lower" -> s.toLowerCase(Locale.ROOT);
            case "upper" -> s.toUpperCase(Locale.ROOT);
            case "strip" -> strip(s, chars(a), true, true);
            case "lstrip" -> strip(s, chars(a), true, false);
            case "rstrip" -> strip(s, chars(a), false, true);
            case "startswith" -> anyOf(a.require(0, "prefix"), s::startsWith);
            case "endswith" -> anyOf(a.require(0, "suffix"), s::endsWith);
            case "split" -> split(s, (String) a.get(0, "sep", null), number(a.get(1, "maxsplit", -1)));
            case "rsplit" -> rsplit(s, (String) a.get(0, "sep", null), number(a.get(1, "maxsplit", -1)));
            case "splitlines" -> s.isEmpty() ? List.of() : List.of(s.split("\r?\n"));
            case "replace" -> replace(s, a.string(0, "old"), a.string(1, "new"), number(a.get(2, "count", -1)));
            case "format" -> format(s, a.positional(), a.keywords());
            case "join" -> join(s, a.require(0, "iterable"));
            case "title" -> title(s);
            case "capitalize" -> s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
            case "find" -> s.indexOf(a.string(0, "sub"));
            case "rfind" -> s.lastIndexOf(a.string(0, "sub"));
            case "index" -> index(s, a);
            case "count" -> count(s, a.string(0, "sub"));
            case "isdigit" -> !s.isEmpty() && s.chars().allMatch(Character::isDigit);
            case "isalpha" -> !s.isEmpty() && s.chars().allMatch(Character::isLetter);
            case "isalnum" -> !s.isEmpty() && s.chars().allMatch(Character::isLetterOrDigit);
            case "isupper" -> s.chars().anyMatch(Character::isLetter) && s.equals(s.toUpperCase(Locale.ROOT));
            case "islower" -> s.chars().anyMatch(Character::isLetter) && s.equals(s.toLowerCase(Locale.ROOT));
            case "isspace" -> !s.isEmpty() && s.isBlank();
            case "zfill" -> zfill(s, number(a.require(0, "width")));
            default -> PyObject.MISSING;
        };
    }

    private static String chars(JavaFunction.Arguments a) {
        Object chars = a.get(0, "chars", null);
        return chars == null ? null : chars.toString();
    }

    private static int number(Object value) {
        return value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString());
    }

    private static String strip(String s, String chars, boolean left, boolean right) {
        int start = 0;
        int end = s.length();
        while (left && start < end && stripped(s.charAt(start), chars)) {
            start++;
        }
        while (right && end > start && stripped(s.charAt(end - 1), chars)) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean stripped(char c, String chars) {
        return chars == null ? Character.isWhitespace(c) : chars.indexOf(c) >= 0;
    }

    private static boolean anyOf(Object candidates, java.util.function.Predicate<String> test) {
        if (candidates instanceof Collection<?> many) {
            return many.stream().anyMatch(c -> test.test(String.valueOf(c)));
        }
        return test.test(String.valueOf(candidates));
    }

    private static List<String> split(String s, String sep, int maxSplit) {
        List<String> parts = new ArrayList<>();
        if (sep == null) {
            String rest = s.strip();
            while (!rest.isEmpty()) {
                if (maxSplit >= 0 && parts.size() == maxSplit) {
                    parts.add(rest);
                    return parts;
                }
                int ws = 0;
                while (ws < rest.length() && !Character.isWhitespace(rest.charAt(ws))) {
                    ws++;
                }
                parts.add(rest.substring(0, ws));
                rest = rest.substring(ws).stripLeading();
            }
            return parts;
        }
        if (sep.isEmpty()) {
            throw new IllegalArgumentException("empty separator");
        }
        int from = 0;
        while (maxSplit < 0 || parts.size() < maxSplit) {
            int at = s.indexOf(sep, from);
            if (at < 0) {
                break;
            }
            parts.add(s.substring(from, at));
            from = at + sep.length();
        }
        parts.add(s.substring(from));
        return parts;
    }

    private static List<String> rsplit(String s, String sep, int maxSplit) {
        if (maxSplit < 0 || sep == null) {
            return split(s, sep, maxSplit);
        }
        List<String> parts = new ArrayList<>();
        int end = s.length();
        while (parts.size() < maxSplit) {
            int at = s.lastIndexOf(sep, end - sep.length());
            if (at < 0) {
                break;
            }
            parts.add(0, s.substring(at + sep.length(), end));
            end = at;
        }
        parts.add(0, s.substring(0, end));
        return parts;
    }

    private static String replace(String s, String old, String replacement, int count) {
        if (count < 0) {
            return s.replace(old, replacement);
        }
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (int n = 0; n < count; n++) {
            int at = s.indexOf(old, from);
            if (at < 0) {
                break;
            }
            out.append(s, from, at).append(replacement);
            from = at + old.length();
        }
        return out.append(s.substring(from)).toString();
    }

    static String format(String template, List<Object> args, Map<String, Object> kwargs) {
        StringBuilder out = new StringBuilder();
        int auto = 0;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '{') {
                out.append('{');
                i++;
            } else if (c == '}' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                out.append('}');
                i++;
            } else if (c == '{') {
                int close = template.indexOf('}', i);
                if (close < 0) {
                    throw new IllegalArgumentException("Single '{' encountered in format string");
                }
                String field = template.substring(i + 1, close);
                int colon = field.indexOf(':');
                String key = colon < 0 ? field : field.substring(0, colon);
                Object value;
                if (key.isEmpty()) {
                    value = auto < args.size() ? args.get(auto) : missing(String.valueOf(auto));
                    auto++;
                } else if (key.chars().allMatch(Character::isDigit)) {
                    int index = Integer.parseInt(key);
                    value = index < args.size() ? args.get(index) : missing(key);
                } else {
                    value = kwargs.containsKey(key) ? kwargs.get(key) : missing(key);
                }
                out.append(PyValues.str(value));
                i = close;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Object missing(String field) {
        throw new IllegalArgumentException("format() has no value for field {" + field + "}");
    }

    private static String join(String separator, Object items) {
        StringBuilder out = new StringBuilder();
        boolean first = true;
        for (Object item : PyValues.listOf(items)) {
            if (!first) {
                out.append(separator);
            }
            first = false;
            out.append(PyValues.str(item));
        }
        return out.toString();
    }

    private static String title(String s) {
        StringBuilder out = new StringBuilder();
        boolean start = true;
        for (char c : s.toCharArray()) {
            out.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
            start = !Character.isLetter(c);
        }
        return out.toString();
    }

    private static int index(String s, JavaFunction.Arguments a) {
        int at = s.indexOf(a.string(0, "sub"));
        if (at < 0) {
            throw new IllegalArgumentException("substring not found");
        }
        return at;
    }

    private static int count(String s, String sub) {
        if (sub.isEmpty()) {
            return s.length() + 1;
        }
        int n = 0;
        for (int at = s.indexOf(sub); at >= 0; at = s.indexOf(sub, at + sub.length())) {
            n++;
        }
        return n;
    }

    private static String zfill(String s, int width) {
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }
}
