package dev.model.jinja;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter.InterpreterScopeClosable;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.fn.MacroFunction;
import com.hubspot.jinjava.tree.Node;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code {% macro %}} written in Jinja. Unlike jinjava's own, it returns what {@code return()}
 * gave, evaluates defaults at call time as Jinja2 does, records where it lives for error messages,
 * and sees the macros of its own package first by bare name.
 */
final class TemplateMacro extends MacroFunction {

    /** A default value still to be evaluated when the macro is called without that argument. */
    record DefaultExpression(String expression) { }

    private final Path file;
    private final int lineOffset;
    private final String qualifiedName;
    private volatile Map<String, MacroFunction> packageMacros;

    TemplateMacro(MacroSignature signature, List<Node> content, Context definedIn, Path file, int lineOffset,
                  int line, String qualifiedName) {
        super(content, signature.name(), defaults(signature), false, definedIn, line, 0);
        this.file = file;
        this.lineOffset = lineOffset;
        this.qualifiedName = qualifiedName;
    }

    private static LinkedHashMap<String, Object> defaults(MacroSignature signature) {
        LinkedHashMap<String, Object> defaults = new LinkedHashMap<>();
        for (MacroSignature.Argument argument : signature.arguments()) {
            defaults.put(argument.name(),
                    argument.defaultExpression() == null ? null : new DefaultExpression(argument.defaultExpression()));
        }
        return defaults;
    }

    /** Macros of a non-root package see their siblings by bare name before the global ones. */
    void packageMacros(Map<String, MacroFunction> siblings) {
        this.packageMacros = siblings;
    }

    @Override
    public Object doEvaluate(Map<String, Object> argMap, Map<String, Object> kwargMap, List<Object> varArgs) {
        DbtInterpreter interpreter = DbtInterpreter.current();
        RenderState state = interpreter.state();
        int callerLine = interpreter.getLineNumber();
        int callerPosition = interpreter.getPosition();
        state.push(new RenderState.Frame(qualifiedName, file, lineOffset));
        int errorsBefore = interpreter.getErrors().size();
        try (InterpreterScopeClosable ignored = interpreter.enterScope()) {
            Context context = interpreter.getContext();
            Map<String, MacroFunction> siblings = packageMacros;
            if (siblings != null) {
                context.put(Context.GLOBAL_MACROS_SCOPE_KEY, new HashMap<>(siblings));
            }
            interpreter.setLineNumber(definitionLineNumber);
            for (Map.Entry<String, Object> argument : argMap.entrySet()) {
                Object value = argument.getValue();
                if (value instanceof DefaultExpression pending) {
                    value = interpreter.resolveELExpression(pending.expression(), definitionLineNumber);
                }
                context.put(argument.getKey(), value);
            }
            context.put(KWARGS_KEY, kwargMap);
            context.put(VARARGS_KEY, varArgs);
            StringBuilder out = new StringBuilder();
            for (Node node : content) {
                out.append(node.render(interpreter).getValue());
            }
            failOnRecordedErrors(interpreter, state, errorsBefore);
            return out.toString();
        } catch (MacroReturn returned) {
            return returned.value();
        } catch (TemplateAbort abort) {
            throw interpreter.raise(abort);
        } catch (com.hubspot.jinjava.interpret.InterpretException e) {
            int line = e.getLineNumber() > 0 ? e.getLineNumber() : interpreter.getLineNumber();
            throw interpreter.raise(new TemplateAbort(state.error(ErrorTranslator.message(e), line)));
        } finally {
            state.pop();
            interpreter.setLineNumber(callerLine);
            interpreter.setPosition(callerPosition);
        }
    }

    /** jinjava records some failures (an unknown function) instead of throwing: turn them into errors here, where the file is known. */
    private static void failOnRecordedErrors(DbtInterpreter interpreter, RenderState state, int errorsBefore) {
        List<TemplateError> errors = interpreter.getErrors();
        for (int i = errorsBefore; i < errors.size(); i++) {
            TemplateError error = errors.get(i);
            if (ErrorTranslator.isFailure(error)) {
                throw new TemplateAbort(ErrorTranslator.translate(error, state));
            }
        }
    }
}
