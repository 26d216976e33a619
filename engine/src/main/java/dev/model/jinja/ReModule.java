package dev.model.jinja;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** {@code modules.re}: Python's regular expressions on java.util.regex. */
final class ReModule implements PyObject {

    static final int IGNORECASE = 2;
    static final int MULTILINE = 8;
    static final int DOTALL = 16;
    static final int VERBOSE = 64;

    @Override
    public String typeName() {
        return "module";
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "IGNORECASE", "I" -> IGNORECASE;
            case "MULTILINE", "M" -> MULTILINE;
            case "DOTALL", "S" -> DOTALL;
            case "VERBOSE", "X" -> VERBOSE;
            default -> MISSING;
        };
    }

    @Override
    public Object call(String method, JavaFunction.Arguments a) {
        if (method.equals("compile")) {
            return new PyPattern(compile(a.string(0, "pattern"), flags(a.get(1, "flags", 0))));
        }
        if (method.equals("escape")) {
            return escape(a.string(0, "pattern"));
        }
        int flagsIndex = method.equals("sub") ? 4 : method.equals("split") ? 3 : 2;
        Pattern pattern = compile(a.string(0, "pattern"), flags(a.get(flagsIndex, "flags", 0)));
        return PyPattern.apply(pattern, method, a, 1);
    }

    private static int flags(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }

    static Pattern compile(String python, int flags) {
        int java = 0;
        if ((flags & IGNORECASE) != 0) {
            java |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        }
        if ((flags & MULTILINE) != 0) {
            java |= Pattern.MULTILINE;
        }
        if ((flags & DOTALL) != 0) {
            java |= Pattern.DOTALL;
        }
        if ((flags & VERBOSE) != 0) {
            java |= Pattern.COMMENTS;
        }
        try {
            return Pattern.compile(python.replace("(?P<", "(?<").replaceAll("\\(\\?P=(\\w+)\\)", "\\\\k<$1>"), java);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid regular expression: " + e.getDescription());
        }
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (!Character.isLetterOrDigit(c) && c != '_') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** A compiled pattern, {@code re.compile(...)}. */
    record PyPattern(Pattern pattern) implements PyObject {

        @Override
        public String typeName() {
            return "Pattern";
        }

        @Override
        public Object attribute(String name) {
            return name.equals("pattern") ? pattern.pattern() : MISSING;
        }

        @Override
        public Object call(String method, JavaFunction.Arguments a) {
            return apply(pattern, method, a, 0);
        }

        static Object apply(Pattern pattern, String method, JavaFunction.Arguments a, int first) {
            return switch (method) {
                case "search" -> match(pattern.matcher(a.string(first, "string")), Matcher::find);
                case "match" -> match(pattern.matcher(a.string(first, "string")), Matcher::lookingAt);
                case "fullmatch" -> match(pattern.matcher(a.string(first, "string")), Matcher::matches);
                case "findall" -> findall(pattern.matcher(a.string(first, "string")));
                case "sub" -> sub(pattern, a.string(first, "repl"), a.string(first + 1, "string"),
                        ((Number) a.get(first + 2, "count", 0)).intValue());
                case "split" -> split(pattern, a.string(first, "string"), ((Number) a.get(first + 1, "maxsplit", 0)).intValue());
                default -> MISSING;
            };
        }

        private static Object match(Matcher matcher, java.util.function.Predicate<Matcher> how) {
            return how.test(matcher) ? new PyMatch(matcher) : null;
        }

        private static List<Object> findall(Matcher matcher) {
            List<Object> found = new ArrayList<>();
            while (matcher.find()) {
                if (matcher.groupCount() == 0) {
                    found.add(matcher.group());
                } else if (matcher.groupCount() == 1) {
                    found.add(nonNull(matcher.group(1)));
                } else {
                    List<Object> groups = new ArrayList<>();
                    for (int g = 1; g <= matcher.groupCount(); g++) {
                        groups.add(nonNull(matcher.group(g)));
                    }
                    found.add(groups);
                }
            }
            return found;
        }

        private static String nonNull(String group) {
            return group == null ? "" : group;
        }

        private static String sub(Pattern pattern, String replacement, String text, int count) {
            String java = replacement.replace("$", "\\$").replaceAll("\\\\(\\d)", "\\$$1")
                    .replaceAll("\\\\g<(\\w+)>", "\\${$1}");
            Matcher matcher = pattern.matcher(text);
            StringBuilder out = new StringBuilder();
            int done = 0;
            while ((count <= 0 || done < count) && matcher.find()) {
                matcher.appendReplacement(out, java);
                done++;
            }
            matcher.appendTail(out);
            return out.toString();
        }

        private static List<String> split(Pattern pattern, String text, int maxSplit) {
            return List.of(pattern.split(text, maxSplit <= 0 ? -1 : maxSplit + 1));
        }
    }

    /** A match object: {@code group()}, {@code groups()}, {@code start()}, {@code end()}. */
    record PyMatch(Matcher result) implements PyObject {

        @Override
        public String typeName() {
            return "Match";
        }

        @Override
        public Object call(String method, JavaFunction.Arguments a) {
            return switch (method) {
                case "group" -> group(a.get(0, "group", 0));
                case "groups" -> {
                    List<Object> groups = new ArrayList<>();
                    for (int g = 1; g <= result.groupCount(); g++) {
                        groups.add(result.group(g));
                    }
                    yield groups;
                }
                case "start" -> result.start();
                case "end" -> result.end();
                default -> MISSING;
            };
        }

        private Object group(Object which) {
            if (which instanceof Number n) {
                return result.group(n.intValue());
            }
            return result.group(which.toString());
        }
    }
}
