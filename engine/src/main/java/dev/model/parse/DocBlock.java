package dev.model.parse;

import java.nio.file.Path;

/** A {@code {% docs name %}...{% enddocs %}} block from a {@code .md} file, for {@code doc('name')}. */
public record DocBlock(String uniqueId, String name, String packageName, String originalFilePath, Path file,
                       String blockContents) {
}
