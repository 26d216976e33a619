package dev.model.jinja;

import java.util.List;
import java.util.Map;

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

    private JinjaEngine(MacroLibrary macros, JinjaSettings settings) {
        this.macros = macros;
        this.settings = settings;
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
        throw new UnsupportedOperationException("jinja: render not implemented yet");
    }

    /**
     * Calls a macro by name as a template would, resolving it as dbt does (root project first,
     * then the engine's own), and returns its value: a string, or what {@code return()} gave.
     */
    public Object callMacro(String name, List<Object> args, Map<String, Object> kwargs, RenderScope scope) {
        throw new UnsupportedOperationException("jinja: callMacro not implemented yet");
    }

    /** {@code adapter.dispatch(name, namespace)(args)}: {@code <adapter>__name}, then {@code default__name}. */
    public Object dispatch(String name, String namespace, List<Object> args, Map<String, Object> kwargs,
                           RenderScope scope) {
        throw new UnsupportedOperationException("jinja: dispatch not implemented yet");
    }
}
