package dev.model.jinja;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code {% snapshot name %}body{% endsnapshot %}} blocks of a snapshot file, for the parse stage. */
public final class SnapshotBlocks {

    /**
     * One snapshot block.
     *
     * @param line      the file line on which the block starts
     * @param bodyLine  the file line on which the body starts (a TemplateSource firstLine)
     */
    public record Block(String name, String body, int line, int bodyLine) { }

    private static final Pattern SNAPSHOT = Pattern.compile(
            "\\{%-?\\s*snapshot\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*-?%}(.*?)\\{%-?\\s*endsnapshot\\s*-?%}", Pattern.DOTALL);

    private SnapshotBlocks() {
    }

    public static List<Block> parse(String content) {
        List<Block> blocks = new ArrayList<>();
        Matcher matcher = SNAPSHOT.matcher(MacroFiles.maskComments(content));
        while (matcher.find()) {
            blocks.add(new Block(matcher.group(1), content.substring(matcher.start(2), matcher.end(2)),
                    MacroFiles.lineAt(content, matcher.start()), MacroFiles.lineAt(content, matcher.start(2))));
        }
        return blocks;
    }
}
