package dev.model.compile;

import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Writes each node's compiled SQL under {@code target/compiled/}, where dbt puts it. Sequential
 * on purpose: parallel writers into the same folders were several times slower on ext4 than one.
 */
public final class CompiledFiles {

    private CompiledFiles() {
    }

    public static void write(Path projectRoot, Collection<CompiledNode> nodes) {
        Set<Path> created = new HashSet<>();
        for (CompiledNode node : nodes) {
            if (!node.hasCode()) {
                continue;
            }
            Path file = projectRoot.resolve(node.compiledPath());
            try {
                if (created.add(file.getParent())) {
                    Files.createDirectories(file.getParent());
                }
                Files.writeString(file, node.compiledCode(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ModelException(ErrorCategory.PROJECT, "Could not write " + file + ": " + e.getMessage(), null, e);
            }
        }
    }
}
