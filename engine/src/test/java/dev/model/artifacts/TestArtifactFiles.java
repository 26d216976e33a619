package dev.model.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TestArtifactFiles {

    @Test
    void writesWholeFilesReadableByOthersAndLeavesNoTemporaryFile(@TempDir Path target) throws Exception {
        Path file = ArtifactFiles.writeAtomically(target.resolve("nested/run_results.json"), "{\"a\": 1}\n");

        assertEquals("{\"a\": 1}\n", Files.readString(file));
        try (var listing = Files.list(file.getParent())) {
            assertEquals(List.of(file), listing.toList());
        }
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
    }

    @Test
    void replacesAnEarlierArtifact(@TempDir Path target) throws Exception {
        Path file = target.resolve("sources.json");
        ArtifactFiles.writeAtomically(file, "old");
        ArtifactFiles.writeAtomically(file, "new");
        assertEquals("new", Files.readString(file));
        try (var listing = Files.list(target)) {
            assertFalse(listing.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }
}
