package dev.model.compile;

import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/** Writes each node's compiled SQL under {@code target/compiled/}, where dbt puts it. */
public final class CompiledFiles {

    private CompiledFiles() {
    }

    public static void write(Path projectRoot, Collection<CompiledNode> nodes) {
        nodes.parallelStream().filter(CompiledNode::hasCode).forEach(node -> {
            Path file = projectRoot.resolve(node.compiledPath());
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, node.compiledCode(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ModelException(ErrorCategory.PROJECT, "Could not write " + file + ": " + e.getMessage(), null, e);
            }
        });
    }
}
