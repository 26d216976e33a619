package dev.model.parse;

import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import dev.model.error.SourceLocation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** Finds and reads the files of one kind under a project's resource paths, in a stable order. */
final class ProjectFiles {

    /**
     * One file of the project.
     *
     * @param originalFilePath the path relative to the project root, with {@code /}, as dbt writes it
     * @param folders          the folders between the resource path and the file, for the fqn
     * @param stem             the file name without its extension
     */
    record SourceFile(Path file, String originalFilePath, List<String> folders, String stem, String text) {
    }

    private ProjectFiles() {
    }

    /**
     * Files under {@code resourcePaths} whose name ends with one of {@code extensions}, sorted by
     * path; {@code skipFirstFolder} names a top-level subfolder to leave out (tests/generic).
     */
    static List<Path> find(Path root, List<String> resourcePaths, Set<String> extensions, String skipFirstFolder) {
        List<Path> out = new ArrayList<>();
        for (String resourcePath : resourcePaths) {
            Path base = root.resolve(resourcePath).normalize();
            if (!Files.isDirectory(base)) {
                continue;
            }
            // Files.find hands over the attributes it already read: no second stat per file.
            try (Stream<Path> walk = Files.find(base, Integer.MAX_VALUE,
                    (p, attributes) -> attributes.isRegularFile() && hasExtension(p, extensions))) {
                walk
                        .filter(p -> skipFirstFolder == null || !base.relativize(p).startsWith(skipFirstFolder)
                                || base.relativize(p).getNameCount() == 1)
                        .forEach(out::add);
            } catch (IOException | UncheckedIOException e) {
                throw new ModelException(ErrorCategory.PROJECT, "Could not list " + base + ": " + e.getMessage(),
                        SourceLocation.of(base), e);
            }
        }
        out.sort(Comparator.comparing(Path::toString));
        return out.stream().distinct().toList();
    }

    private static boolean hasExtension(Path file, Set<String> extensions) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String extension : extensions) {
            if (name.endsWith(extension)) {
                return true;
            }
        }
        return false;
    }

    /** Reads one file found under {@code resourcePaths}. */
    static SourceFile read(Path root, List<String> resourcePaths, Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException | UncheckedIOException e) {
            throw new ModelException(ErrorCategory.PROJECT, "Could not read " + file + ": " + e.getMessage(),
                    SourceLocation.of(file), e);
        } catch (RuntimeException e) {
            throw new ModelException(ErrorCategory.PROJECT, "Could not read " + file + " as UTF-8 text",
                    SourceLocation.of(file), e);
        }
        return describe(root, resourcePaths, file, text);
    }

    static SourceFile describe(Path root, List<String> resourcePaths, Path file, String text) {
        String original = root.relativize(file).toString().replace('\\', '/');
        List<String> folders = new ArrayList<>();
        for (String resourcePath : resourcePaths) {
            Path base = root.resolve(resourcePath).normalize();
            if (file.startsWith(base)) {
                Path relative = base.relativize(file);
                for (int i = 0; i < relative.getNameCount() - 1; i++) {
                    folders.add(relative.getName(i).toString());
                }
                break;
            }
        }
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return new SourceFile(file, original, List.copyOf(folders), dot > 0 ? name.substring(0, dot) : name, text);
    }
}
