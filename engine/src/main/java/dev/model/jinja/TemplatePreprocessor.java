package dev.model.jinja;

import com.hubspot.jinjava.interpret.Context;

/**
 * Source rewrites jinjava needs before parsing: {@code f(...)(args)} (calling what a call returned,
 * as {@code adapter.dispatch('x')(1)}) becomes {@code f(...).call(args)}, and filters that do not
 * exist are reported instead of silently printing nothing.
 */
final class TemplatePreprocessor {

    /** An unknown filter: its name and the 1-based line within the template. */
    record UnknownFilter(String name, int line) { }

    private TemplatePreprocessor() {
    }

    static String rewriteCalls(String template) {
        if (template.indexOf(")(") < 0 && !template.contains(") (")) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 16);
        int at = 0;
        while (true) {
            int open = template.indexOf("{{", at);
            int tag = template.indexOf("{%", at);
            int start = open < 0 ? tag : tag < 0 ? open : Math.min(open, tag);
            if (start < 0) {
                break;
            }
            int end = template.indexOf(start == open ? "}}" : "%}", start + 2);
            if (end < 0) {
                break;
            }
            out.append(template, at, start);
            out.append(rewriteExpression(template.substring(start, end)));
            at = end;
        }
        out.append(template.substring(at));
        return out.toString();
    }

    private static String rewriteExpression(String expression) {
        StringBuilder out = new StringBuilder(expression.length() + 8);
        char quote = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            out.append(c);
            if (quote != 0) {
                if (c == '\\' && i + 1 < expression.length()) {
                    out.append(expression.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == ')') {
                int next = i + 1;
                while (next < expression.length() && expression.charAt(next) == ' ') {
                    next++;
                }
                if (next < expression.length() && expression.charAt(next) == '(') {
                    out.append(".call");
                    i = next - 1;
                }
            }
        }
        return out.toString();
    }

    /** The first filter used in an expression or tag that {@code context} does not know, or null. */
    static UnknownFilter unknownFilter(String template, Context context) {
        int at = 0;
        while (true) {
            int open = template.indexOf("{{", at);
            int tag = template.indexOf("{%", at);
            int start = open < 0 ? tag : tag < 0 ? open : Math.min(open, tag);
            if (start < 0) {
                return null;
            }
            int end = template.indexOf(start == open ? "}}" : "%}", start + 2);
            if (end < 0) {
                return null;
            }
            String name = unknownFilterIn(template.substring(start + 2, end), context);
            if (name != null) {
                return new UnknownFilter(name, lineAt(template, start));
            }
            at = end + 2;
        }
    }

    private static String unknownFilterIn(String expression, Context context) {
        char quote = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '|' && (i + 1 >= expression.length() || expression.charAt(i + 1) != '|')
                    && (i == 0 || expression.charAt(i - 1) != '|')) {
                int s = i + 1;
                while (s < expression.length() && Character.isWhitespace(expression.charAt(s))) {
                    s++;
                }
                int e = s;
                while (e < expression.length() && (Character.isLetterOrDigit(expression.charAt(e)) || expression.charAt(e) == '_')) {
                    e++;
                }
                if (e > s) {
                    String name = expression.substring(s, e);
                    if (context.getFilter(name) == null) {
                        return name;
                    }
                }
            }
        }
        return null;
    }

    private static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
