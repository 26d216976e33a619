package dev.model.project;

import dev.model.error.ModelException;
import dev.model.error.SourceLocation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Renders the Jinja found in YAML values (dbt_project.yml, profiles.yml, property YAML). Nearly
 * all of it is {@code {{ env_var('X', 'default') }}} or {@code {{ var('x') }}}, optionally piped
 * through {@code as_number}, {@code int} or {@code as_bool}: those are evaluated here without a
 * template engine, which keeps loading fast and lets profiles load before any macro exists.
 * Anything richer goes to the {@link Fallback} (the real Jinja engine) when one is given.
 */
public final class TemplateValues {

    /** Renders a template the simple evaluator cannot handle. */
    @FunctionalInterface
    public interface Fallback {
        String render(String template, SourceLocation where);
    }

    private final Map<String, String> env;
    private final Map<String, Object> vars;
    private final Fallback fallback;

    public TemplateValues(Map<String, String> env, Map<String, Object> vars, Fallback fallback) {
        this.env = Map.copyOf(env);
        this.vars = new LinkedHashMap<>(vars);
        this.fallback = fallback;
    }

    /**
     * A fallback that leaves a template as written, for values that are rendered again later with
     * the full engine (the config trees of dbt_project.yml, which may use {@code target}).
     */
    public static final Fallback DEFER = (template, where) -> template;

    public static boolean hasJinja(String text) {
        return text.contains("{{") || text.contains("{%");
    }

    /** The rendered value: a string, or a number/boolean when the whole value was one typed expression. */
    public Object render(String text, SourceLocation where) {
        if (!hasJinja(text)) {
            return text;
        }
        Optional<Object> simple = new Evaluator(text, where).tryRender();
        if (simple.isPresent()) {
            return simple.get();
        }
        if (fallback == null) {
            throw ModelException.project("Unsupported Jinja in a YAML value (only env_var() and var() are allowed here): "
                    + abbreviate(text), where);
        }
        return fallback.render(text, where);
    }

    private static String abbreviate(String text) {
        String oneLine = text.replace('\n', ' ');
        return oneLine.length() > 80 ? oneLine.substring(0, 77) + "..." : oneLine;
    }

    /** Evaluates a sequence of text and {@code {{ fn(literals) | filter }}} parts, or gives up. */
    private final class Evaluator {
        private final String text;
        private final SourceLocation where;
        private int pos;

        Evaluator(String text, SourceLocation where) {
            this.text = text;
            this.where = where;
        }

        Optional<Object> tryRender() {
            if (text.contains("{%") || text.contains("{#")) {
                return Optional.empty();
            }
            StringBuilder out = new StringBuilder();
            List<Object> values = new ArrayList<>();
            int literalChars = 0;
            int i = 0;
            while (i < text.length()) {
                int open = text.indexOf("{{", i);
                if (open < 0) {
                    out.append(text, i, text.length());
                    literalChars += text.length() - i;
                    break;
                }
                out.append(text, i, open);
                literalChars += open - i;
                int close = text.indexOf("}}", open);
                if (close < 0) {
                    return Optional.empty();
                }
                pos = 0;
                Optional<Object> value = expression(text.substring(open + 2, close));
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                values.add(value.get());
                out.append(value.get() == null ? "" : value.get());
                i = close + 2;
            }
            if (values.size() == 1 && literalChars == 0 && !(values.get(0) instanceof String)) {
                return Optional.ofNullable(values.get(0)).or(() -> Optional.of(""));
            }
            return Optional.of(out.toString());
        }

        private Optional<Object> expression(String expr) {
            Lexer lex = new Lexer(expr);
            String fn = lex.identifier();
            if (fn == null || !lex.consume('(')) {
                return Optional.empty();
            }
            List<Object> args = new ArrayList<>();
            if (!lex.consume(')')) {
                do {
                    Optional<Object> arg = lex.literal();
                    if (arg == null) {
                        return Optional.empty();
                    }
                    args.add(arg.orElse(null));
                } while (lex.consume(','));
                if (!lex.consume(')')) {
                    return Optional.empty();
                }
            }
            Object value;
            if (fn.equals("env_var") && !args.isEmpty() && args.size() <= 2) {
                String name = String.valueOf(args.get(0));
                String found = env.get(name);
                if (found != null) {
                    value = found;
                } else if (args.size() == 2) {
                    value = args.get(1);
                } else {
                    throw ModelException.project("Env var required but not provided: '" + name + "'", where);
                }
            } else if (fn.equals("var") && !args.isEmpty() && args.size() <= 2) {
                String name = String.valueOf(args.get(0));
                if (vars.containsKey(name)) {
                    value = vars.get(name);
                } else if (args.size() == 2) {
                    value = args.get(1);
                } else {
                    throw ModelException.project("Required var '" + name + "' not found in config", where);
                }
            } else {
                return Optional.empty();
            }
            while (lex.consume('|')) {
                String filter = lex.identifier();
                if (filter == null || lex.peek() == '(') {
                    return Optional.empty();
                }
                Optional<Object> filtered = filter(filter, value);
                if (filtered == null) {
                    return Optional.empty();
                }
                value = filtered.orElse(null);
            }
            if (!lex.atEnd()) {
                return Optional.empty();
            }
            return Optional.of(value == null ? "" : value);
        }

        private Optional<Object> filter(String name, Object value) {
            String s = value == null ? "" : value.toString().trim();
            try {
                return switch (name) {
                    case "int" -> Optional.of(s.isEmpty() ? 0 : (Object) Long.valueOf(new java.math.BigDecimal(s).longValue()).intValue());
                    case "float" -> Optional.of(Double.parseDouble(s));
                    case "as_number" -> Optional.of(s.matches("[-+]?\\d+") ? (Object) Long.valueOf(s).intValue() : Double.parseDouble(s));
                    case "as_bool" -> Optional.of(Boolean.parseBoolean(s));
                    case "as_text", "string" -> Optional.of(value == null ? "" : value.toString());
                    case "trim" -> Optional.of(s);
                    case "lower" -> Optional.of(s.toLowerCase(Locale.ROOT));
                    case "upper" -> Optional.of(s.toUpperCase(Locale.ROOT));
                    default -> null;
                };
            } catch (NumberFormatException e) {
                throw ModelException.project("Cannot convert the value to a number with '" + name + "'", where);
            }
        }
    }

    /** Just enough of a lexer for {@code fn('a', 1) | filter}. */
    private static final class Lexer {
        private final String s;
        private int i;

        Lexer(String s) {
            this.s = s;
        }

        private void skipSpace() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        char peek() {
            skipSpace();
            return i < s.length() ? s.charAt(i) : 0;
        }

        boolean atEnd() {
            skipSpace();
            return i >= s.length();
        }

        boolean consume(char c) {
            if (peek() == c) {
                i++;
                return true;
            }
            return false;
        }

        String identifier() {
            skipSpace();
            int start = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                i++;
            }
            return i == start || Character.isDigit(s.charAt(start)) ? null : s.substring(start, i);
        }

        /** A literal: Optional.empty() for none, null when the text is not a literal. */
        Optional<Object> literal() {
            char c = peek();
            if (c == '\'' || c == '"') {
                StringBuilder out = new StringBuilder();
                i++;
                while (i < s.length() && s.charAt(i) != c) {
                    if (s.charAt(i) == '\\' && i + 1 < s.length()) {
                        i++;
                    }
                    out.append(s.charAt(i++));
                }
                if (i >= s.length()) {
                    return null;
                }
                i++;
                return Optional.of(out.toString());
            }
            int start = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.'
                    || s.charAt(i) == '-' || s.charAt(i) == '_')) {
                i++;
            }
            String word = s.substring(start, i);
            switch (word) {
                case "none", "None" -> { return Optional.empty(); }
                case "true", "True" -> { return Optional.of(true); }
                case "false", "False" -> { return Optional.of(false); }
                default -> { }
            }
            try {
                return Optional.of(word.contains(".") ? (Object) Double.parseDouble(word) : (Object) Integer.parseInt(word));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
