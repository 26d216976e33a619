package dev.model.jinja;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code {% docs name %}...{% enddocs %}} blocks of a markdown file, for the parse stage. */
public final class DocBlocks {

    private static final Pattern DOCS = Pattern.compile(
            "\\{%-?\\s*docs\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*-?%}(.*?)\\{%-?\\s*enddocs\\s*-?%}", Pattern.DOTALL);

    private DocBlocks() {
    }

    /** Name to contents (stripped of surrounding whitespace, as dbt does), in file order. */
    public static Map<String, String> parse(String content) {
        Map<String, String> blocks = new LinkedHashMap<>();
        Matcher matcher = DOCS.matcher(MacroFiles.maskComments(content));
        while (matcher.find()) {
            blocks.put(matcher.group(1), content.substring(matcher.start(2), matcher.end(2)).strip());
        }
        return blocks;
    }
}
