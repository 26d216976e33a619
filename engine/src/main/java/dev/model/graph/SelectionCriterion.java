package dev.model.graph;

import dev.model.error.ModelException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One selector such as {@code 2+tag:nightly+}, {@code @orders} or {@code config.materialized:table}.
 *
 * @param method          how {@code value} matches nodes
 * @param methodArguments the dotted parts after the method name: {@code [meta, owner]} in {@code config.meta.owner:x}
 * @param parentsDepth    0 without a leading {@code +}; the depth of {@code N+}, or {@link ProjectGraph#UNLIMITED}
 * @param childrenDepth   likewise for a trailing {@code +N}
 * @param childrensParents the {@code @} operator: descendants and all their ancestors
 */
public record SelectionCriterion(String raw, SelectionMethod method, List<String> methodArguments, String value,
                                 int parentsDepth, int childrenDepth, boolean childrensParents)
        implements SelectionSpec {

    // dbt's own shape: [@][N+][method[.args]:]value[+N]
    private static final Pattern SHAPE = Pattern.compile(
            "\\A(?<at>@)?(?<parents>(?<parentsDepth>\\d*)\\+)?(?:(?<method>[\\w.]+):)?(?<value>.*?)"
                    + "(?<children>\\+(?<childrenDepth>\\d*))?\\z");

    public SelectionCriterion {
        methodArguments = List.copyOf(methodArguments);
    }

    public static SelectionCriterion parse(String raw) {
        Matcher match = SHAPE.matcher(raw);
        if (!match.matches() || match.group("value").isEmpty()) {
            throw ModelException.usage("Invalid selector '" + raw + "': expected [@][N+][method:]value[+N]");
        }
        boolean at = match.group("at") != null;
        if (at && (match.group("parents") != null || match.group("children") != null)) {
            throw ModelException.usage("Invalid selector '" + raw + "': the @ and + operators cannot be combined");
        }
        String value = match.group("value");
        String methodText = match.group("method");
        SelectionMethod method;
        List<String> arguments = List.of();
        if (methodText == null) {
            method = defaultMethod(value);
        } else {
            List<String> parts = Arrays.asList(methodText.split("\\.", -1));
            method = SelectionMethod.fromDbtName(parts.get(0), raw);
            arguments = parts.subList(1, parts.size());
            if (method == SelectionMethod.CONFIG && (arguments.isEmpty() || arguments.contains(""))) {
                throw ModelException.usage("Invalid selector '" + raw + "': name the config key, as in config.materialized:table");
            }
            if (method != SelectionMethod.CONFIG && !arguments.isEmpty()) {
                throw ModelException.usage("Invalid selector '" + raw + "': the '" + parts.get(0) + "' method takes no arguments");
            }
        }
        return new SelectionCriterion(raw, method, arguments, value,
                depth(match.group("parents"), match.group("parentsDepth")),
                depth(match.group("children"), match.group("childrenDepth")), at);
    }

    /** dbt's guess for a bare value: a path if it has a slash, a file if it ends like one, else an fqn or name. */
    private static SelectionMethod defaultMethod(String value) {
        if (value.contains("/") || value.contains("\\")) {
            return SelectionMethod.PATH;
        }
        String lower = value.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".sql") || lower.endsWith(".py") || lower.endsWith(".csv")) {
            return SelectionMethod.FILE;
        }
        return SelectionMethod.FQN;
    }

    private static int depth(String operator, String digits) {
        if (operator == null) {
            return 0;
        }
        return digits.isEmpty() ? ProjectGraph.UNLIMITED : Integer.parseInt(digits);
    }
}
