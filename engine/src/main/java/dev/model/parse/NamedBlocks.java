package dev.model.parse;

import dev.model.error.ModelException;
import dev.model.error.SourceLocation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code {% docs name %}...{% enddocs %}} and {@code {% snapshot name %}...{% endsnapshot %}}
 * blocks in a file without rendering it, as dbt's block lexer does before any Jinja runs.
 */
final class NamedBlocks {

    /** One block: its name, its body, and the line of the file on which the body starts. */
    record Block(String name, String body, int bodyLine, int startLine) {
    }

    static final NamedBlocks DOCS = new NamedBlocks("docs");
    static final NamedBlocks SNAPSHOT = new NamedBlocks("snapshot");

    private final String kind;
    private final Pattern open;
    private final Pattern close;

    private NamedBlocks(String kind) {
        this.kind = kind;
        this.open = Pattern.compile("\\{%-?\\s*" + kind + "\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*-?%}");
        this.close = Pattern.compile("\\{%-?\\s*end" + kind + "\\s*-?%}");
    }

    List<Block> find(String text, Path file) {
        List<Block> blocks = new ArrayList<>();
        Matcher opener = open.matcher(text);
        Matcher closer = close.matcher(text);
        int from = 0;
        while (opener.find(from)) {
            int startLine = lineOf(text, opener.start());
            if (!closer.find(opener.end())) {
                throw ModelException.project("The " + kind + " block '" + opener.group(1) + "' has no {% end"
                        + kind + " %}", SourceLocation.of(file, startLine));
            }
            String body = text.substring(opener.end(), closer.start());
            blocks.add(new Block(opener.group(1), body, lineOf(text, opener.end()), startLine));
            from = closer.end();
        }
        return blocks;
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
