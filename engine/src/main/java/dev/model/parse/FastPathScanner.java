package dev.model.parse;

import dev.model.error.SourceLocation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the Jinja of a model without a template engine when all of it is {@code {{ ref(...) }}},
 * {@code {{ source(...) }}} and {@code {{ config(...) }}} with literal arguments, which is the
 * case for most models of a large project. Anything else (a statement, a variable, an
 * expression) makes {@link #scan} return empty, and the caller renders the file with Jinja.
 * Both ways must yield the same refs, sources and config.
 */
public final class FastPathScanner {

    /**
     * What the scanned file calls, and where: {@code spans} lets compile put relations in place of
     * the calls without a template engine.
     */
    public record Extracted(List<RefCall> refs, List<SourceCall> sources, Map<String, Object> config,
                            List<Span> spans) {
    }

    /**
     * One {@code {{ ... }}} or {@code {# ... #}} of the text, from {@code start} to {@code end}
     * (exclusive); {@code index} is the position of its call in {@code refs} or {@code sources};
     * {@code trimBefore}/{@code trimAfter} are Jinja's {@code {{-} and {@code -}}}.
     */
    public record Span(int start, int end, Kind kind, int index, boolean trimBefore, boolean trimAfter) {
        public enum Kind { REF, SOURCE, CONFIG, COMMENT }
    }

    private final String text;
    private final Path file;
    private int pos;
    private int line = 1;
    private int lineCountedTo;

    private FastPathScanner(String text, Path file) {
        this.text = text;
        this.file = file;
    }

    public static Optional<Extracted> scan(String text, Path file) {
        return new FastPathScanner(text, file).run();
    }

    /** A value that is not a literal: the file needs the real renderer. */
    private static final class NotStatic extends Exception {
        NotStatic() {
            super(null, null, false, false);
        }
    }

    private Optional<Extracted> run() {
        List<RefCall> refs = new ArrayList<>();
        List<SourceCall> sources = new ArrayList<>();
        Map<String, Object> config = new LinkedHashMap<>();
        List<Span> spans = new ArrayList<>();
        try {
            while (true) {
                int brace = text.indexOf('{', pos);
                if (brace < 0 || brace + 1 >= text.length()) {
                    break;
                }
                char next = text.charAt(brace + 1);
                if (next == '%') {
                    return Optional.empty();
                }
                if (next == '#') {
                    int end = text.indexOf("#}", brace + 2);
                    if (end < 0) {
                        return Optional.empty();
                    }
                    spans.add(new Span(brace, end + 2, Span.Kind.COMMENT, -1,
                            brace + 2 < text.length() && text.charAt(brace + 2) == '-',
                            end > brace + 2 && text.charAt(end - 1) == '-'));
                    pos = end + 2;
                    continue;
                }
                if (next != '{') {
                    pos = brace + 1;
                    continue;
                }
                SourceLocation where = SourceLocation.of(file, lineAt(brace));
                pos = brace + 2;
                boolean trimBefore = pos < text.length() && text.charAt(pos) == '-';
                if (trimBefore) {
                    pos++;
                }
                int refsBefore = refs.size();
                int sourcesBefore = sources.size();
                call(where, refs, sources, config);
                skipSpace();
                boolean trimAfter = pos < text.length() && text.charAt(pos) == '-';
                if (trimAfter) {
                    pos++;
                }
                expect('}');
                expect('}');
                Span.Kind kind = refs.size() > refsBefore ? Span.Kind.REF
                        : sources.size() > sourcesBefore ? Span.Kind.SOURCE : Span.Kind.CONFIG;
                int index = kind == Span.Kind.REF ? refsBefore : kind == Span.Kind.SOURCE ? sourcesBefore : -1;
                spans.add(new Span(brace, pos, kind, index, trimBefore, trimAfter));
            }
        } catch (NotStatic e) {
            return Optional.empty();
        }
        return Optional.of(new Extracted(refs, sources, config, spans));
    }

    private void call(SourceLocation where, List<RefCall> refs, List<SourceCall> sources,
                      Map<String, Object> config) throws NotStatic {
        String function = identifier();
        expect('(');
        List<Object> positional = new ArrayList<>();
        Map<String, Object> kwargs = new LinkedHashMap<>();
        skipSpace();
        if (peek() != ')') {
            do {
                skipSpace();
                int mark = pos;
                String name = peekIdentifier();
                if (name != null) {
                    pos += name.length();
                    skipSpace();
                    if (peek() == '=' && peekAt(1) != '=') {
                        pos++;
                        kwargs.put(name, literal());
                        continue;
                    }
                    pos = mark;
                }
                if (!kwargs.isEmpty()) {
                    throw new NotStatic();
                }
                positional.add(literal());
                skipSpace();
            } while (consume(','));
        }
        expect(')');
        switch (function) {
            case "ref" -> refs.add(ref(positional, kwargs, where));
            case "source" -> {
                if (positional.size() != 2 || !kwargs.isEmpty() || !(positional.get(0) instanceof String s)
                        || !(positional.get(1) instanceof String t)) {
                    throw new NotStatic();
                }
                sources.add(new SourceCall(s, t, where));
            }
            case "config" -> {
                if (!positional.isEmpty()) {
                    throw new NotStatic();
                }
                config.putAll(kwargs);
            }
            default -> throw new NotStatic();
        }
    }

    private static RefCall ref(List<Object> positional, Map<String, Object> kwargs, SourceLocation where)
            throws NotStatic {
        Integer version = null;
        for (Map.Entry<String, Object> kwarg : kwargs.entrySet()) {
            if (!(kwarg.getKey().equals("v") || kwarg.getKey().equals("version"))) {
                throw new NotStatic();
            }
            Object v = kwarg.getValue();
            if (v instanceof Integer i) {
                version = i;
            } else if (v instanceof String s && s.matches("\\d{1,9}")) {
                version = Integer.valueOf(s);
            } else {
                throw new NotStatic();
            }
        }
        for (Object arg : positional) {
            if (!(arg instanceof String)) {
                throw new NotStatic();
            }
        }
        return switch (positional.size()) {
            case 1 -> new RefCall(null, (String) positional.get(0), version, where);
            case 2 -> new RefCall((String) positional.get(0), (String) positional.get(1), version, where);
            default -> throw new NotStatic();
        };
    }

    private Object literal() throws NotStatic {
        skipSpace();
        char c = peek();
        if (c == '\'' || c == '"') {
            return string(c);
        }
        if (c == '[' || c == '(') {
            char close = c == '[' ? ']' : ')';
            pos++;
            List<Object> items = new ArrayList<>();
            skipSpace();
            while (peek() != close) {
                items.add(literal());
                skipSpace();
                if (!consume(',')) {
                    break;
                }
                skipSpace();
            }
            expect(close);
            return items;
        }
        if (c == '{') {
            pos++;
            Map<String, Object> map = new LinkedHashMap<>();
            skipSpace();
            while (peek() != '}') {
                Object key = literal();
                if (!(key instanceof String)) {
                    throw new NotStatic();
                }
                expect(':');
                map.put((String) key, literal());
                skipSpace();
                if (!consume(',')) {
                    break;
                }
                skipSpace();
            }
            expect('}');
            return map;
        }
        int start = pos;
        if (c == '-' || c == '+') {
            pos++;
        }
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
                || text.charAt(pos) == '.')) {
            pos++;
        }
        String word = text.substring(start, pos);
        switch (word) {
            case "true", "True" -> { return Boolean.TRUE; }
            case "false", "False" -> { return Boolean.FALSE; }
            case "none", "None" -> { return null; }
            default -> { }
        }
        try {
            if (word.matches("[-+]?\\d+")) {
                long value = Long.parseLong(word);
                return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? (Object) (int) value : (Object) value;
            }
            if (word.matches("[-+]?\\d*\\.\\d+")) {
                return Double.parseDouble(word);
            }
        } catch (NumberFormatException e) {
            throw new NotStatic();
        }
        throw new NotStatic();
    }

    private String string(char quote) throws NotStatic {
        pos++;
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                skipSpace();
                // 'a' ~ 'b' or 'a' 'b' are expressions: leave them to Jinja.
                if (peek() == '~' || peek() == '\'' || peek() == '"' || peek() == '|' || peek() == '.'
                        || peek() == '[' || peek() == '+' || peek() == '%') {
                    throw new NotStatic();
                }
                return out.toString();
            }
            if (c == '\\') {
                if (pos >= text.length()) {
                    throw new NotStatic();
                }
                char escaped = text.charAt(pos++);
                switch (escaped) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case '\\', '\'', '"' -> out.append(escaped);
                    default -> throw new NotStatic();
                }
                continue;
            }
            out.append(c);
        }
        throw new NotStatic();
    }

    private String identifier() throws NotStatic {
        skipSpace();
        String name = peekIdentifier();
        if (name == null) {
            throw new NotStatic();
        }
        pos += name.length();
        skipSpace();
        return name;
    }

    private String peekIdentifier() {
        int end = pos;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
            end++;
        }
        if (end == pos || Character.isDigit(text.charAt(pos))) {
            return null;
        }
        String word = text.substring(pos, end);
        return switch (word) {
            case "true", "True", "false", "False", "none", "None" -> null;
            default -> word;
        };
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : 0;
    }

    private char peekAt(int offset) {
        return pos + offset < text.length() ? text.charAt(pos + offset) : 0;
    }

    private boolean consume(char c) {
        skipSpace();
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) throws NotStatic {
        if (!consume(c)) {
            throw new NotStatic();
        }
    }

    /** 1-based line of an offset; offsets only grow, so lines are counted once. */
    private int lineAt(int offset) {
        for (int i = lineCountedTo; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        lineCountedTo = Math.max(lineCountedTo, offset);
        return line;
    }
}
