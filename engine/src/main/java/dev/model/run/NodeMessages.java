package dev.model.run;

import dev.model.error.ModelException;

/** How node results word a failure, the way dbt prints them under a failed node. */
public final class NodeMessages {

    private NodeMessages() {
    }

    /** What the warehouse said, without the engine's wrapping: the text a dbt user knows. */
    public static String warehouseMessage(ModelException failure) {
        Throwable cause = failure.getCause();
        String text = cause != null && cause.getMessage() != null ? cause.getMessage() : failure.getMessage();
        return text.strip();
    }

    /** Each non-blank line indented by two spaces, as dbt lays out the details of an error. */
    public static String indent(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append("  ").append(line.stripTrailing());
        }
        return out.toString();
    }
}
