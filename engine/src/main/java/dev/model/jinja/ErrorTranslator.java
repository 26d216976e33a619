package dev.model.jinja;

import com.hubspot.jinjava.interpret.TemplateError;
import dev.model.error.ModelException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns an error jinjava recorded into one line a dbt user understands. */
final class ErrorTranslator {

    private static final Pattern UNKNOWN_FUNCTION = Pattern.compile("Could not resolve function '([^']+)'");
    private static final Pattern UNKNOWN_METHOD = Pattern.compile("Cannot find method '?([A-Za-z_0-9]+)'? .*in class ([A-Za-z0-9_.$]+)");

    private ErrorTranslator() {
    }

    /** Fatal errors, and syntax errors jinjava only warns about. */
    static boolean isFailure(TemplateError error) {
        return error.getSeverity() == TemplateError.ErrorType.FATAL
                || error.getReason() == TemplateError.ErrorReason.SYNTAX_ERROR;
    }

    static ModelException translate(TemplateError error, RenderState state) {
        if (error.getException() instanceof TemplateAbort abort) {
            return abort.error();
        }
        return state.error(message(error), error.getLineno(), error.getException());
    }

    static String message(com.hubspot.jinjava.interpret.InterpretException e) {
        String raw = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return e instanceof com.hubspot.jinjava.interpret.TemplateSyntaxException ? "Jinja syntax error: " + raw : raw;
    }

    static String message(TemplateError error) {
        String raw = error.getMessage() == null ? "unknown error" : error.getMessage();
        Matcher function = UNKNOWN_FUNCTION.matcher(raw);
        if (function.find()) {
            return "'" + function.group(1) + "' is undefined: no macro or function of that name";
        }
        Matcher method = UNKNOWN_METHOD.matcher(raw);
        if (method.find()) {
            return "'" + simpleType(method.group(2)) + "' object has no attribute '" + method.group(1) + "'";
        }
        if (error.getReason() == TemplateError.ErrorReason.SYNTAX_ERROR) {
            return "Jinja syntax error: " + raw;
        }
        return raw;
    }

    private static String simpleType(String className) {
        return switch (className) {
            case "java.lang.String" -> "str";
            default -> className.contains("List") ? "list" : className.contains("Map") ? "dict" : "object";
        };
    }
}
