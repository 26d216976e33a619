package dev.model.jinja;

import com.hubspot.jinjava.el.ext.NamedParameter;
import com.hubspot.jinjava.interpret.InterpretException;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.fn.MacroFunction;
import dev.model.error.ModelException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * dbt's Jinja on jinjava. Immutable and safe to share between threads: every render gets its
 * own child context over an immutable parent holding the macros and settings.
 *
 * CONTRACT (owned by the jinja package). Errors are {@link dev.model.error.ModelException}
 * with category PROJECT and the template's file and line.
 */
public final class JinjaEngine {

    private final MacroLibrary macros;
    private final JinjaSettings settings;
    private final EngineCore core;

    private JinjaEngine(MacroLibrary macros, JinjaSettings settings) {
        this.macros = macros;
        this.settings = settings;
        this.core = new EngineCore(macros, settings);
    }

    public static JinjaEngine create(MacroLibrary macros, JinjaSettings settings) {
        return new JinjaEngine(macros, settings);
    }

    public MacroLibrary macros() {
        return macros;
    }

    public JinjaSettings settings() {
        return settings;
    }

    /** Renders a template (a model, a hook, a YAML value) in the given scope. */
    public String render(String template, TemplateSource source, RenderScope scope) {
        RenderState state = new RenderState(core, scope,
                new RenderState.Frame(null, source.file(), source.firstLine() - 1));
        TemplatePreprocessor.UnknownFilter unknown = TemplatePreprocessor.unknownFilter(template, core.parent());
        if (unknown != null) {
            throw state.error("No filter named '" + unknown.name() + "'", unknown.line());
        }
        return withInterpreter(state, interpreter -> {
            String out = interpreter.render(core.parse(template, interpreter), true);
            for (TemplateError error : interpreter.getErrors()) {
                if (ErrorTranslator.isFailure(error)) {
                    throw ErrorTranslator.translate(error, state);
                }
            }
            return out;
        });
    }

    /**
     * Evaluates one Jinja expression (the inside of {@code {{ ... }}}) and returns its value as is,
     * not as text: dbt's "native" rendering, used for generic test arguments such as
     * {@code values: "{{ var('statuses') }}"}, which must arrive as a list.
     */
    public Object evaluate(String expression, TemplateSource source, RenderScope scope) {
        RenderState state = new RenderState(core, scope,
                new RenderState.Frame(null, source.file(), source.firstLine() - 1));
        String text = TemplatePreprocessor.rewriteCalls(expression);
        return withInterpreter(state, interpreter -> {
            Object value = interpreter.resolveELExpression(text, 1);
            for (TemplateError error : interpreter.getErrors()) {
                if (ErrorTranslator.isFailure(error)) {
                    throw ErrorTranslator.translate(error, state);
                }
            }
            return value;
        });
    }

    /**
     * Calls a macro by name as a template would, resolving it as dbt does (root project first,
     * then the engine's own), and returns its value: a string, or what {@code return()} gave.
     * {@code package.name} calls a given package's macro.
     */
    public Object callMacro(String name, List<Object> args, Map<String, Object> kwargs, RenderScope scope) {
        RenderState state = new RenderState(core, scope, new RenderState.Frame(null, null, 0));
        return withInterpreter(state, interpreter -> {
            MacroFunction macro;
            int dot = name.indexOf('.');
            if (dot > 0) {
                macro = core.macro(name.substring(0, dot), name.substring(dot + 1)).orElse(null);
            } else {
                macro = interpreter.getContext().getGlobalMacro(name);
            }
            if (macro == null) {
                throw ModelException.project("Macro '" + name + "' is undefined");
            }
            return call(macro, args, kwargs);
        });
    }

    /** {@code adapter.dispatch(name, namespace)(args)}: {@code <adapter>__name}, then {@code default__name}. */
    public Object dispatch(String name, String namespace, List<Object> args, Map<String, Object> kwargs,
                           RenderScope scope) {
        RenderState state = new RenderState(core, scope, new RenderState.Frame(null, null, 0));
        return withInterpreter(state, interpreter -> call(core.resolveDispatch(name, namespace, state), args, kwargs));
    }

    private static Object call(MacroFunction macro, List<Object> args, Map<String, Object> kwargs) {
        List<Object> params = new ArrayList<>(args);
        kwargs.forEach((k, v) -> params.add(new NamedParameter(k, v)));
        Object result = macro.evaluate(params.toArray());
        return result instanceof String text ? text.trim() : result;
    }

    private <T> T withInterpreter(RenderState state, Function<DbtInterpreter, T> work) {
        DbtInterpreter interpreter = core.newInterpreter(state);
        JinjavaInterpreter.pushCurrent(interpreter);
        try {
            return work.apply(interpreter);
        } catch (TemplateAbort abort) {
            throw abort.error();
        } catch (MacroReturn returned) {
            throw state.error("return() can only be used inside a macro", interpreter.getLineNumber());
        } catch (InterpretException e) {
            throw state.error(ErrorTranslator.message(e),
                    e.getLineNumber() > 0 ? e.getLineNumber() : interpreter.getLineNumber(), e);
        } finally {
            JinjavaInterpreter.popCurrent();
        }
    }
}
