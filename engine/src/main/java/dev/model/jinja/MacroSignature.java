package dev.model.jinja;

import java.util.ArrayList;
import java.util.List;

/**
 * The head of a macro block, {@code name(a, b='x, y', c=f(1))}, parsed by scanning quotes and
 * brackets: jinjava's own regex split breaks on defaults holding a comma or a parenthesis
 * (jinjava issues 495 and 496).
 */
record MacroSignature(String name, List<Argument> arguments) {

    /** One parameter; {@code defaultExpression} is null when the parameter has no default. */
    record Argument(String name, String defaultExpression) { }

    MacroSignature {
        arguments = List.copyOf(arguments);
    }

    List<String> argumentNames() {
        return arguments.stream().map(Argument::name).toList();
    }

    /** Parses {@code name(args)} or a bare {@code name}; throws IllegalArgumentException with a reason. */
    static MacroSignature parse(String head) {
        String text = head.strip();
        int open = text.indexOf('(');
        String name = (open < 0 ? text : text.substring(0, open)).strip();
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("invalid macro name '" + name + "'");
        }
        if (open < 0) {
            return new MacroSignature(name, List.of());
        }
        int close = matchingParen(text, open);
        if (close < 0) {
            throw new IllegalArgumentException("unclosed argument list of macro '" + name + "'");
        }
        if (!text.substring(close + 1).isBlank()) {
            throw new IllegalArgumentException("unexpected text after the arguments of macro '" + name + "'");
        }
        List<Argument> arguments = new ArrayList<>();
        for (String part : splitTopLevel(text.substring(open + 1, close), ',')) {
            if (part.isBlank()) {
                continue;
            }
            int eq = indexOfTopLevel(part, '=');
            String argName = (eq < 0 ? part : part.substring(0, eq)).strip();
            if (!argName.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("invalid argument '" + part.strip() + "' in macro '" + name + "'");
            }
            arguments.add(new Argument(argName, eq < 0 ? null : part.substring(eq + 1).strip()));
        }
        return new MacroSignature(name, arguments);
    }

    /** The index of the bracket closing the one at {@code open}, skipping quoted text; -1 if none. */
    static int matchingParen(String text, int open) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    static List<String> splitTopLevel(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == separator && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static int indexOfTopLevel(String text, char wanted) {
        List<String> parts = splitTopLevel(text, wanted);
        return parts.size() < 2 ? -1 : parts.get(0).length();
    }
}
