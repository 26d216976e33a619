package dev.model.error;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where in a project file something happened. Line and column are 1-based; 0 means unknown,
 * so that an error about a whole file can still name the file.
 */
public record SourceLocation(Path file, int line, int column) {

    public SourceLocation {
        Objects.requireNonNull(file, "file");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must be >= 0");
        }
    }

    public static SourceLocation of(Path file) {
        return new SourceLocation(file, 0, 0);
    }

    public static SourceLocation of(Path file, int line) {
        return new SourceLocation(file, line, 0);
    }

    public SourceLocation withLineOffset(int linesBefore) {
        return line == 0 ? this : new SourceLocation(file, line + linesBefore, column);
    }

    /** {@code file:line:col}, dropping the parts that are unknown. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(file.toString());
        if (line > 0) {
            out.append(':').append(line);
            if (column > 0) {
                out.append(':').append(column);
            }
        }
        return out.toString();
    }
}
