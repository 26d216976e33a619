package dev.model.parse;

import dev.model.error.SourceLocation;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything the graph holds. Code that treats every kind uses an exhaustive {@code switch}
 * over this sealed interface, without {@code default}, so a new kind cannot be forgotten.
 */
public sealed interface Node permits ModelNode, SeedNode, SnapshotNode, TestNode, SourceNode {

    /** {@code model.<package>.<name>}, as in dbt's manifest. */
    String uniqueId();

    String name();

    String packageName();

    ResourceType resourceType();

    /** Path relative to the project root with forward slashes, as dbt's {@code original_file_path}. */
    String originalFilePath();

    /** The file on disk, for error messages. */
    Path file();

    NodeConfig config();

    List<String> fqn();

    String description();

    Dependencies dependsOn();

    /** The template text of the node: the file's SQL, or empty for seeds and sources. */
    String rawCode();

    <R> R accept(NodeVisitor<R> visitor);

    default SourceLocation location() {
        return SourceLocation.of(file());
    }
}
