package dev.model.graph;

import java.util.regex.Pattern;

/**
 * Python's {@code fnmatch}, which dbt's selectors use: {@code *} any run of characters,
 * {@code ?} one character, {@code [abc]} / {@code [!abc]} a set; case-sensitive.
 */
final class Glob {

    private final Pattern pattern;
    private final String literal;

    private Glob(String glob, boolean pathAware) {
        if (glob.chars().noneMatch(c -> c == '*' || c == '?' || c == '[')) {
            this.literal = glob;
            this.pattern = null;
        } else {
            this.literal = null;
            this.pattern = Pattern.compile(toRegex(glob, pathAware));
        }
    }

    static Glob of(String glob) {
        return new Glob(glob, false);
    }

    /** A glob over paths: {@code *} and {@code ?} stay within one folder, {@code **} crosses folders. */
    static Glob ofPath(String glob) {
        return new Glob(glob, true);
    }

    boolean matches(String text) {
        return text != null && (literal != null ? literal.equals(text) : pattern.matcher(text).matches());
    }

    private static String toRegex(String glob, boolean pathAware) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                boolean doubleStar = pathAware && i + 1 < glob.length() && glob.charAt(i + 1) == '*';
                if (doubleStar) {
                    i++;
                }
                regex.append(pathAware && !doubleStar ? "[^/]*" : ".*");
            } else if (c == '?') {
                regex.append(pathAware ? "[^/]" : ".");
            } else if (c == '[' && glob.indexOf(']', i + 2) > 0) {
                int close = glob.indexOf(']', i + 2);
                String set = glob.substring(i + 1, close);
                regex.append('[');
                if (set.startsWith("!")) {
                    regex.append('^');
                    set = set.substring(1);
                }
                regex.append(set.replace("\\", "\\\\").replace("[", "\\[")).append(']');
                i = close;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}
