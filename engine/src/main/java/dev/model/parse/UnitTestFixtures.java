package dev.model.parse;

import dev.model.error.ModelException;
import dev.model.error.SourceLocation;
import dev.model.project.YamlDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The rows of a unit test's inputs and expectation, in dbt's {@code dict} and {@code csv} formats. */
public final class UnitTestFixtures {

    private static final Pattern REF = Pattern.compile(
            "ref\\(\\s*['\"]([^'\"]+)['\"]\\s*(?:,\\s*['\"]([^'\"]+)['\"]\\s*)?\\)");
    private static final Pattern SOURCE = Pattern.compile(
            "source\\(\\s*['\"]([^'\"]+)['\"]\\s*,\\s*['\"]([^'\"]+)['\"]\\s*\\)");

    private UnitTestFixtures() {
    }

    /** The model name a {@code ref(...)} input names, or null when the input is no ref. */
    public static String refName(String input) {
        Matcher ref = REF.matcher(input);
        if (!ref.matches()) {
            return null;
        }
        return ref.group(2) != null ? ref.group(2) : ref.group(1);
    }

    /** {source, table} of a {@code source(...)} input, or null. */
    public static String[] sourceName(String input) {
        Matcher source = SOURCE.matcher(input);
        return source.matches() ? new String[] {source.group(1), source.group(2)} : null;
    }

    static void checkInput(String what, String input, ModelNode model, SourceLocation where) {
        if (input.equals("this")) {
            return;
        }
        String ref = refName(input);
        if (ref != null) {
            if (model.dependsOn().refs().stream().noneMatch(call -> call.name().equals(ref))) {
                throw ModelException.project(what + ": given input " + input + " is not used by model '" + model.name()
                        + "'", where);
            }
            return;
        }
        String[] source = sourceName(input);
        if (source != null) {
            if (model.dependsOn().sources().stream().noneMatch(call -> call.sourceName().equals(source[0])
                    && call.tableName().equals(source[1]))) {
                throw ModelException.project(what + ": given input " + input + " is not used by model '" + model.name()
                        + "'", where);
            }
            return;
        }
        throw ModelException.project(what + ": input must be ref('...'), source('...', '...') or this, got '" + input + "'",
                where);
    }

    static UnitTestDefinition.Fixture fixture(String what, String part, String input, Map<?, ?> spec, YamlDocument doc) {
        SourceLocation where = doc.locationOf(spec);
        String format = spec.get("format") == null ? "dict" : spec.get("format").toString().toLowerCase(Locale.ROOT);
        Object rows = spec.get("rows");
        return switch (format) {
            case "dict" -> dict(what, part, input, rows, doc, where);
            case "csv" -> csv(what, part, input, rows, doc.locationOf(spec, "rows"));
            default -> throw ModelException.project(what + ": " + part + " has format '" + format
                    + "'; dict and csv are supported", doc.locationOf(spec, "format"));
        };
    }

    private static UnitTestDefinition.Fixture dict(String what, String part, String input, Object rows, YamlDocument doc,
                                                   SourceLocation where) {
        List<String> columns = new ArrayList<>();
        List<Map<String, Object>> out = new ArrayList<>();
        if (rows == null) {
            return new UnitTestDefinition.Fixture(input, columns, out, where);
        }
        if (!(rows instanceof List<?> list)) {
            throw ModelException.project(what + ": the rows of " + part + " must be a list of mappings (format dict)", where);
        }
        for (Object row : list) {
            if (!(row instanceof Map<?, ?> map)) {
                throw ModelException.project(what + ": each row of " + part + " must be a mapping of column to value, got: "
                        + row, doc.locationOf(list));
            }
            Map<String, Object> values = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                values.put(String.valueOf(k), v);
                if (!columns.contains(String.valueOf(k))) {
                    columns.add(String.valueOf(k));
                }
            });
            out.add(values);
        }
        return new UnitTestDefinition.Fixture(input, columns, out, where);
    }

    /** A header line, then one line per row; fields may be double-quoted; an empty field is null. */
    private static UnitTestDefinition.Fixture csv(String what, String part, String input, Object rows, SourceLocation where) {
        if (!(rows instanceof String text)) {
            throw ModelException.project(what + ": the rows of " + part + " must be a CSV string (format csv)", where);
        }
        List<String> lines = text.lines().filter(line -> !line.isBlank()).toList();
        if (lines.isEmpty()) {
            throw ModelException.project(what + ": the CSV rows of " + part + " need a header line", where);
        }
        List<String> header = fields(lines.get(0), what, part, 1, where);
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> values = fields(lines.get(i), what, part, i + 1, where);
            if (values.size() != header.size()) {
                throw ModelException.project(what + ": line " + (i + 1) + " of the CSV rows of " + part + " has "
                        + values.size() + " values, the header has " + header.size(), where);
            }
            Map<String, Object> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), values.get(c).isEmpty() ? null : values.get(c));
            }
            out.add(row);
        }
        return new UnitTestDefinition.Fixture(input, header, out, where);
    }

    private static List<String> fields(String line, String what, String part, int number, SourceLocation where) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString().trim());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw ModelException.project(what + ": line " + number + " of the CSV rows of " + part
                    + " has an unclosed quote", where);
        }
        out.add(field.toString().trim());
        return out;
    }
}
