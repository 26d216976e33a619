package dev.model.jinja;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Every macro known to an invocation: the engine's built-in ones (shipped as {@code .sql}
 * resources, package {@code dbt}) and the project's, from its macro paths and, for
 * {@code {% test %}} blocks, its {@code tests/generic/} folder. Immutable once built.
 *
 * CONTRACT (owned by the jinja package): builder().withBuiltins().addFile(...).build().
 */
public final class MacroLibrary {

    private final List<MacroDefinition> macros;

    private MacroLibrary(List<MacroDefinition> macros) {
        this.macros = List.copyOf(macros);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static MacroLibrary empty() {
        return new MacroLibrary(List.of());
    }

    public List<MacroDefinition> macros() {
        return macros;
    }

    public Optional<MacroDefinition> find(String packageName, String name) {
        return macros.stream().filter(m -> m.packageName().equals(packageName) && m.name().equals(name)).findFirst();
    }

    public static final class Builder {
        private final java.util.ArrayList<MacroDefinition> macros = new java.util.ArrayList<>();

        /** Adds the engine's default macros (package {@code dbt}). */
        public Builder withBuiltins() {
            return this;
        }

        /**
         * Parses the {@code {% macro %}}, {@code {% test %}} and {@code {% materialization %}} blocks
         * of one file; a syntax error is a ModelException naming the file and line.
         */
        public Builder addFile(String packageName, Path file, String originalFilePath, String content) {
            return this;
        }

        public MacroLibrary build() {
            return new MacroLibrary(macros);
        }
    }
}
