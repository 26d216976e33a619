package dev.model.jinja;

import com.hubspot.jinjava.el.ext.NamedParameter;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.lib.fn.MacroFunction;
import dev.model.error.ModelException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dbt context function written in Java ({@code ref}, {@code var}, {@code return} ...). It is a
 * MacroFunction so that jinjava resolves {@code name(...)} to it like any macro.
 */
final class JavaFunction extends MacroFunction {

    @FunctionalInterface
    interface Body {
        Object apply(Arguments arguments);
    }

    private final Body body;

    JavaFunction(String name, Context definedIn, Body body) {
        super(List.of(), name, new LinkedHashMap<>(), false, definedIn, 0, 0);
        this.body = body;
    }

    @Override
    public Object evaluate(Object... params) {
        return invoke(body, getName(), params);
    }

    @Override
    public Object doEvaluate(Map<String, Object> argMap, Map<String, Object> kwargMap, List<Object> varArgs) {
        throw new UnsupportedOperationException("called through evaluate");
    }

    static Object invoke(Body body, String name, Object[] params) {
        DbtInterpreter interpreter = DbtInterpreter.current();
        Arguments arguments = Arguments.of(name, params, interpreter);
        try {
            return body.apply(arguments);
        } catch (ModelException e) {
            throw interpreter.raise(new TemplateAbort(interpreter.state().locate(e, interpreter.getLineNumber())));
        } catch (TemplateAbort | MacroReturn signal) {
            throw interpreter.raise(signal);
        }
    }

    /** Positional and keyword arguments of one call, with Python-like accessors. */
    record Arguments(String function, List<Object> positional, Map<String, Object> keywords, DbtInterpreter interpreter) {

        static Arguments of(String function, Object[] params, DbtInterpreter interpreter) {
            List<Object> positional = new ArrayList<>();
            Map<String, Object> keywords = new LinkedHashMap<>();
            if (params != null) {
                for (Object param : params) {
                    if (param instanceof NamedParameter named) {
                        keywords.put(named.getName(), named.getValue());
                    } else {
                        positional.add(param);
                    }
                }
            }
            return new Arguments(function, positional, keywords, interpreter);
        }

        RenderState state() {
            return interpreter.state();
        }

        /** The argument at {@code index} or named {@code name}, else {@code fallback}. */
        Object get(int index, String name, Object fallback) {
            if (index >= 0 && index < positional.size()) {
                return positional.get(index);
            }
            return keywords.getOrDefault(name, fallback);
        }

        boolean has(int index, String name) {
            return (index >= 0 && index < positional.size()) || keywords.containsKey(name);
        }

        Object require(int index, String name) {
            if (!has(index, name)) {
                throw error(function + "() is missing its argument '" + name + "'");
            }
            return get(index, name, null);
        }

        String string(int index, String name) {
            Object value = require(index, name);
            return value == null ? null : value.toString();
        }

        ModelException error(String message) {
            return state().error(message, interpreter.getLineNumber());
        }
    }
}
