package dev.model.artifacts;

import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes an artifact whole or not at all, so a run cancelled mid-write never leaves half a file.
 * Used for target/ artifacts and the docs site alike.
 */
public final class ArtifactFiles {

    private ArtifactFiles() {
    }

    public static Path writeAtomically(Path file, String content) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                Files.writeString(temp, content, StandardCharsets.UTF_8);
                // Temporary files are private; artifacts are meant to be read, copied and served like any file.
                if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
                    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
                }
                try {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException notAtomic) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
            return file;
        } catch (IOException failure) {
            throw new ModelException(ErrorCategory.PROJECT, "Could not write " + file + ": " + failure.getMessage(),
                    null, failure);
        }
    }
}
