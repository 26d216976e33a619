package dev.model.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small, safe Markdown renderer for descriptions: headings, paragraphs, emphasis, inline and
 * fenced code, lists, pipe tables and links. Everything else is escaped, so a description can
 * never inject markup: the only tags in the output are the ones this class writes, and a link's
 * address is kept only when it is http(s), mailto, or a relative path or anchor.
 */
public final class Markdown {

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern BULLET = Pattern.compile("^\\s*[-*+]\\s+(.*)$");
    private static final Pattern NUMBERED = Pattern.compile("^\\s*\\d+[.)]\\s+(.*)$");
    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");
    private static final Pattern TABLE_RULE = Pattern.compile("^\\s*\\|?\\s*:?-{2,}:?\\s*(\\|\\s*:?-{2,}:?\\s*)*\\|?\\s*$");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\(([^)\\s]*)\\)");
    private static final Pattern SAFE_URL = Pattern.compile("^(https?://|mailto:|#|/|\\./|\\.\\./|[A-Za-z0-9_\\-.]+(/|$|#|\\?))[^\\s\"'<>`]*$");

    private Markdown() {
    }

    /** The description as HTML; null or blank gives an empty string. */
    public static String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        List<String> lines = markdown.replace("\r\n", "\n").replace('\r', '\n').lines().toList();
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.isBlank()) {
                i++;
            } else if (FENCE.matcher(line).find()) {
                i = fencedCode(lines, i, out);
            } else if (HEADING.matcher(line).matches()) {
                Matcher heading = HEADING.matcher(line);
                heading.matches();
                int level = heading.group(1).length();
                out.append("<h").append(level).append('>').append(inline(heading.group(2)))
                        .append("</h").append(level).append(">\n");
                i++;
            } else if (BULLET.matcher(line).matches() || NUMBERED.matcher(line).matches()) {
                i = list(lines, i, out);
            } else if (line.contains("|") && i + 1 < lines.size() && TABLE_RULE.matcher(lines.get(i + 1)).matches()) {
                i = table(lines, i, out);
            } else {
                i = paragraph(lines, i, out);
            }
        }
        return out.toString().strip();
    }

    /** Text with HTML's special characters escaped, for element content and quoted attributes. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static int fencedCode(List<String> lines, int start, StringBuilder out) {
        String fence = FENCE.matcher(lines.get(start)).results().findFirst().orElseThrow().group(1);
        StringBuilder code = new StringBuilder();
        int i = start + 1;
        while (i < lines.size() && !lines.get(i).strip().startsWith(fence)) {
            code.append(lines.get(i)).append('\n');
            i++;
        }
        out.append("<pre><code>").append(escape(code.toString())).append("</code></pre>\n");
        return Math.min(i + 1, lines.size());
    }

    private static int list(List<String> lines, int start, StringBuilder out) {
        boolean numbered = NUMBERED.matcher(lines.get(start)).matches();
        Pattern item = numbered ? NUMBERED : BULLET;
        out.append(numbered ? "<ol>" : "<ul>");
        int i = start;
        while (i < lines.size()) {
            Matcher matcher = item.matcher(lines.get(i));
            if (!matcher.matches()) {
                break;
            }
            StringBuilder text = new StringBuilder(matcher.group(1));
            i++;
            // Lazy continuation lines: indented text that is not a new item belongs to this one.
            while (i < lines.size() && !lines.get(i).isBlank() && lines.get(i).startsWith(" ")
                    && !BULLET.matcher(lines.get(i)).matches() && !NUMBERED.matcher(lines.get(i)).matches()) {
                text.append(' ').append(lines.get(i).strip());
                i++;
            }
            out.append("<li>").append(inline(text.toString())).append("</li>");
        }
        out.append(numbered ? "</ol>\n" : "</ul>\n");
        return i;
    }

    private static int table(List<String> lines, int start, StringBuilder out) {
        out.append("<table><thead><tr>");
        for (String cell : cells(lines.get(start))) {
            out.append("<th>").append(inline(cell)).append("</th>");
        }
        out.append("</tr></thead><tbody>");
        int i = start + 2;
        while (i < lines.size() && lines.get(i).contains("|") && !lines.get(i).isBlank()) {
            out.append("<tr>");
            for (String cell : cells(lines.get(i))) {
                out.append("<td>").append(inline(cell)).append("</td>");
            }
            out.append("</tr>");
            i++;
        }
        out.append("</tbody></table>\n");
        return i;
    }

    private static List<String> cells(String row) {
        String trimmed = row.strip();
        if (trimmed.startsWith("|")) {
            trimmed = trimmed.substring(1);
        }
        if (trimmed.endsWith("|")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        List<String> cells = new ArrayList<>();
        for (String cell : trimmed.split("\\|", -1)) {
            cells.add(cell.strip());
        }
        return cells;
    }

    private static int paragraph(List<String> lines, int start, StringBuilder out) {
        StringBuilder text = new StringBuilder();
        int i = start;
        while (i < lines.size()) {
            String line = lines.get(i);
            boolean startsBlock = line.isBlank() || FENCE.matcher(line).find() || HEADING.matcher(line).matches()
                    || (i > start && (BULLET.matcher(line).matches() || NUMBERED.matcher(line).matches()));
            if (startsBlock) {
                break;
            }
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(line.strip());
            i++;
        }
        out.append("<p>").append(inline(text.toString())).append("</p>\n");
        return i;
    }

    /** Inline spans: code first (its content is literal), then links, strong and emphasis, on escaped text. */
    static String inline(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int tick = text.indexOf('`', i);
            if (tick < 0) {
                out.append(spans(text.substring(i)));
                break;
            }
            int close = text.indexOf('`', tick + 1);
            if (close < 0) {
                out.append(spans(text.substring(i)));
                break;
            }
            out.append(spans(text.substring(i, tick)));
            out.append("<code>").append(escape(text.substring(tick + 1, close))).append("</code>");
            i = close + 1;
        }
        return out.toString();
    }

    private static String spans(String text) {
        StringBuilder out = new StringBuilder();
        Matcher link = LINK.matcher(text);
        int last = 0;
        while (link.find()) {
            out.append(emphasis(escape(text.substring(last, link.start()))));
            String url = link.group(2);
            String label = emphasis(escape(link.group(1).isEmpty() ? url : link.group(1)));
            if (isSafeUrl(url)) {
                out.append("<a href=\"").append(escape(url)).append("\" target=\"_blank\" rel=\"noopener noreferrer\">")
                        .append(label).append("</a>");
            } else {
                out.append(label);
            }
            last = link.end();
        }
        out.append(emphasis(escape(text.substring(last))));
        return out.toString().replace("\n", "<br>");
    }

    private static String emphasis(String escaped) {
        return escaped
                .replaceAll("\\*\\*(\\S(?:.*?\\S)?)\\*\\*", "<strong>$1</strong>")
                .replaceAll("(?<=^|[\\s(\\[])__(\\S(?:.*?\\S)?)__(?![_\\w])", "<strong>$1</strong>")
                .replaceAll("(?<![*\\w])\\*(\\S(?:.*?\\S)?)\\*(?![*\\w])", "<em>$1</em>")
                .replaceAll("(?<=^|[\\s(\\[])_(\\S(?:.*?\\S)?)_(?![_\\w])", "<em>$1</em>");
    }

    /** Only addresses that cannot run code: no javascript:, data:, vbscript: or any other scheme. */
    static boolean isSafeUrl(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!SAFE_URL.matcher(url).matches()) {
            return false;
        }
        int colon = lower.indexOf(':');
        return colon < 0 || lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("mailto:")
                || colon > Math.min(indexOrMax(lower, '/'), Math.min(indexOrMax(lower, '?'), indexOrMax(lower, '#')));
    }

    private static int indexOrMax(String text, char c) {
        int index = text.indexOf(c);
        return index < 0 ? Integer.MAX_VALUE : index;
    }
}
