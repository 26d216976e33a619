package dev.model.error;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one error type of the engine. It carries a category (which decides the exit code), an
 * optional location in a project file, and the chain of macro calls that led to it, so the CLI
 * can print one clear line without a Java stack trace. Messages must never contain secrets.
 */
public final class ModelException extends RuntimeException {

    private final ErrorCategory category;
    private final SourceLocation location;
    private final List<String> macroStack;

    public ModelException(ErrorCategory category, String message) {
        this(category, message, null, List.of(), null);
    }

    public ModelException(ErrorCategory category, String message, SourceLocation location) {
        this(category, message, location, List.of(), null);
    }

    public ModelException(ErrorCategory category, String message, SourceLocation location, Throwable cause) {
        this(category, message, location, List.of(), cause);
    }

    public ModelException(ErrorCategory category, String message, SourceLocation location,
                          List<String> macroStack, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.category = Objects.requireNonNull(category, "category");
        this.location = location;
        this.macroStack = List.copyOf(macroStack);
    }

    public static ModelException project(String message, SourceLocation location) {
        return new ModelException(ErrorCategory.PROJECT, message, location);
    }

    public static ModelException project(String message) {
        return new ModelException(ErrorCategory.PROJECT, message);
    }

    public static ModelException usage(String message) {
        return new ModelException(ErrorCategory.USAGE, message);
    }

    public static ModelException internal(String message, Throwable cause) {
        return new ModelException(ErrorCategory.INTERNAL, message, null, cause);
    }

    public ErrorCategory category() {
        return category;
    }

    public int exitCode() {
        return category.exitCode();
    }

    public Optional<SourceLocation> location() {
        return Optional.ofNullable(location);
    }

    /** Macro calls from the outermost to the one that failed, e.g. {@code ["materialize", "create_table_as"]}. */
    public List<String> macroStack() {
        return macroStack;
    }

    /** The same error, located where none was known yet. */
    public ModelException locatedAt(SourceLocation where) {
        if (location != null || where == null) {
            return this;
        }
        ModelException located = new ModelException(category, getMessage(), where, macroStack, getCause());
        located.setStackTrace(getStackTrace());
        return located;
    }

    /** One line for the console: {@code file:line:col: message (in macro a > b)}. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        if (location != null) {
            out.append(location).append(": ");
        }
        out.append(getMessage());
        if (!macroStack.isEmpty()) {
            out.append(" (in macro ").append(String.join(" > ", macroStack)).append(')');
        }
        return out.toString();
    }
}
