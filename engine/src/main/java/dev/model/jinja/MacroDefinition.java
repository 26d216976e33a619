package dev.model.jinja;

import java.nio.file.Path;
import java.util.List;

/**
 * A macro, generic test or materialization block found in a macro file.
 *
 * @param uniqueId        {@code macro.<package>.<name>}; tests are named {@code test_<name>} and
 *                        materializations {@code materialization_<name>_<adapter>}, as dbt does
 * @param source          the whole block, {@code {% macro %}} to {@code {% endmacro %}}
 * @param line            the line of the file on which the block starts
 */
public record MacroDefinition(
        String uniqueId,
        String name,
        String packageName,
        Kind kind,
        Path file,
        String originalFilePath,
        String source,
        List<String> arguments,
        int line) {

    public enum Kind { MACRO, TEST, MATERIALIZATION }

    public MacroDefinition {
        arguments = List.copyOf(arguments);
    }
}
