package dev.model.jinja;

import java.nio.file.Path;

/**
 * Where a template came from, so that errors point at the file and line: {@code firstLine} is
 * the line of the file on which the template text starts (1 for a whole file, more for a
 * block or a YAML value).
 */
public record TemplateSource(Path file, int firstLine) {

    public static TemplateSource of(Path file) {
        return new TemplateSource(file, 1);
    }
}
