package dev.model.jinja;

import dev.model.error.ModelException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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

    /** The package name of the engine's own macros, as dbt's internal package. */
    public static final String BUILTIN_PACKAGE = "dbt";
    private static final String RESOURCES = "/dev/model/macros/";

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
            for (String file : resource("index.txt").lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
                addFile(BUILTIN_PACKAGE, Path.of("dbt", "macros", file), "macros/" + file, resource(file));
            }
            return this;
        }

        private static String resource(String name) {
            try (InputStream in = MacroLibrary.class.getResourceAsStream(RESOURCES + name)) {
                if (in == null) {
                    throw ModelException.internal("built-in macro resource missing: " + name, null);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw ModelException.internal("cannot read built-in macro resource " + name, e);
            }
        }

        /**
         * Parses the {@code {% macro %}}, {@code {% test %}} and {@code {% materialization %}} blocks
         * of one file; a syntax error is a ModelException naming the file and line.
         */
        public Builder addFile(String packageName, Path file, String originalFilePath, String content) {
            macros.addAll(MacroFiles.parse(packageName, file, originalFilePath, content));
            return this;
        }

        public MacroLibrary build() {
            return new MacroLibrary(macros);
        }
    }
}
