package dev.model.jinja;

import dev.model.error.ModelException;
import dev.model.error.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the {@code macro}, {@code test} and {@code materialization} blocks of a macro file. */
final class MacroFiles {

    private static final Pattern OPEN = Pattern.compile("\\{%(-?)\\s*(macro|test|materialization)\\b(.*?)(-?)%}", Pattern.DOTALL);
    private static final Pattern ANY = Pattern.compile("\\{%-?\\s*(end)?(macro|test|materialization)\\b.*?-?%}", Pattern.DOTALL);
    private static final Pattern END = Pattern.compile("\\{%(-?)\\s*end(macro|test|materialization)\\s*(-?)%}");

    private MacroFiles() {
    }

    static List<MacroDefinition> parse(String packageName, Path file, String originalFilePath, String content) {
        String masked = maskComments(content);
        List<MacroDefinition> found = new ArrayList<>();
        Matcher any = ANY.matcher(masked);
        int searchFrom = 0;
        while (any.find(searchFrom)) {
            int line = lineAt(masked, any.start());
            if (any.group(1) != null) {
                throw ModelException.project("Unexpected '{% end" + any.group(2) + " %}' without an opening block",
                        SourceLocation.of(file, line));
            }
            String kind = any.group(2);
            int depth = 1;
            int end = -1;
            int endTagEnd = -1;
            Matcher inner = ANY.matcher(masked);
            int at = any.end();
            while (inner.find(at)) {
                if (inner.group(2).equals(kind)) {
                    depth += inner.group(1) == null ? 1 : -1;
                    if (depth == 0) {
                        end = inner.start();
                        endTagEnd = inner.end();
                        break;
                    }
                }
                at = inner.end();
            }
            if (end < 0) {
                throw ModelException.project("Unclosed '{% " + kind + " %}' block: missing '{% end" + kind + " %}'",
                        SourceLocation.of(file, line));
            }
            String source = content.substring(any.start(), endTagEnd);
            Matcher open = OPEN.matcher(source);
            if (!open.lookingAt()) {
                throw ModelException.project("Invalid '{% " + kind + " %}' tag", SourceLocation.of(file, line));
            }
            found.add(definition(packageName, file, originalFilePath, kind, open.group(3), source, line));
            searchFrom = endTagEnd;
        }
        return found;
    }

    private static MacroDefinition definition(String packageName, Path file, String originalFilePath, String kind,
                                              String head, String source, int line) {
        MacroDefinition.Kind type;
        String name;
        List<String> arguments;
        try {
            switch (kind) {
                case "macro" -> {
                    MacroSignature signature = MacroSignature.parse(head);
                    type = MacroDefinition.Kind.MACRO;
                    name = signature.name();
                    arguments = signature.argumentNames();
                }
                case "test" -> {
                    MacroSignature signature = MacroSignature.parse(head);
                    type = MacroDefinition.Kind.TEST;
                    name = "test_" + signature.name();
                    arguments = signature.argumentNames();
                }
                default -> {
                    type = MacroDefinition.Kind.MATERIALIZATION;
                    name = materializationName(head);
                    arguments = List.of();
                }
            }
        } catch (IllegalArgumentException e) {
            throw ModelException.project("Invalid " + kind + " definition: " + e.getMessage(), SourceLocation.of(file, line));
        }
        return new MacroDefinition("macro." + packageName + "." + name, name, packageName, type, file,
                originalFilePath, source, arguments, line);
    }

    /** {@code table, default} or {@code table, adapter='duckdb'} to {@code materialization_table_<adapter|default>}. */
    static String materializationName(String head) {
        List<String> parts = MacroSignature.splitTopLevel(head, ',');
        String name = parts.get(0).strip();
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("invalid materialization name '" + name + "'");
        }
        String adapter = null;
        for (String part : parts.subList(1, parts.size())) {
            String p = part.strip();
            if (p.equals("default") || p.replace(" ", "").equals("default=true") || p.replace(" ", "").equals("default=True")) {
                adapter = "default";
            } else if (p.startsWith("adapter")) {
                adapter = p.substring(p.indexOf('=') + 1).strip().replaceAll("^['\"]|['\"]$", "");
            }
        }
        if (adapter == null) {
            throw new IllegalArgumentException("materialization '" + name + "' needs 'default' or adapter='...'");
        }
        return "materialization_" + name + "_" + adapter;
    }

    /** The block as a plain {@code {% macro name(args) %}} with the same line layout, for compiling. */
    static String asMacroBlock(MacroDefinition definition) {
        String source = definition.source();
        Matcher open = OPEN.matcher(source);
        if (!open.lookingAt()) {
            throw ModelException.internal("not a macro block: " + definition.uniqueId(), null);
        }
        String head = open.group(3);
        String args = "";
        if (definition.kind() != MacroDefinition.Kind.MATERIALIZATION) {
            int paren = head.indexOf('(');
            args = paren < 0 ? "" : head.substring(paren + 1, MacroSignature.matchingParen(head, paren));
        }
        String newlines = "\n".repeat((int) open.group(0).chars().filter(c -> c == '\n').count());
        String header = "{%" + open.group(1) + " macro " + definition.name() + "(" + args.replace("\n", " ") + ")"
                + newlines + " " + open.group(4) + "%}";
        String body = source.substring(open.end());
        Matcher end = END.matcher(body);
        int endAt = -1;
        String endTag = "{% endmacro %}";
        while (end.find()) {
            endAt = end.start();
            endTag = "{%" + end.group(1) + " endmacro " + end.group(3) + "%}";
        }
        return header + (endAt < 0 ? body : body.substring(0, endAt) + endTag);
    }

    /** Comments blanked out (newlines kept) so that a commented-out block is not found. */
    static String maskComments(String content) {
        if (!content.contains("{#")) {
            return content;
        }
        StringBuilder out = new StringBuilder(content);
        int at = 0;
        while ((at = content.indexOf("{#", at)) >= 0) {
            int close = content.indexOf("#}", at + 2);
            int stop = close < 0 ? content.length() : close + 2;
            for (int i = at; i < stop; i++) {
                if (out.charAt(i) != '\n') {
                    out.setCharAt(i, ' ');
                }
            }
            at = stop;
        }
        return out.toString();
    }

    static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
