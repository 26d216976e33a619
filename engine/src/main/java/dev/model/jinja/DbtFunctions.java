package dev.model.jinja;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.lib.fn.MacroFunction;
import dev.model.parse.RefCall;
import dev.model.parse.SourceCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** dbt's context functions: ref, source, config, var, env_var, return, log, run_query ... */
final class DbtFunctions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DbtFunctions() {
    }

    /** Adds every function to {@code context} as a global macro; returns them by name for {@code builtins}. */
    static Map<String, MacroFunction> register(Context context) {
        Map<String, MacroFunction> functions = new LinkedHashMap<>();
        define(functions, context, "ref", DbtFunctions::ref);
        define(functions, context, "source", a -> a.state().scope().source(
                new SourceCall(a.string(0, "source_name"), a.string(1, "table_name"), here(a))));
        define(functions, context, "config", DbtFunctions::config);
        define(functions, context, "var", DbtFunctions::var);
        define(functions, context, "env_var", DbtFunctions::envVar);
        define(functions, context, "is_incremental", a -> a.state().scope().isIncremental());
        define(functions, context, "return", a -> a.interpreter().returnAfterExpression(a.get(0, "value", null)));
        define(functions, context, "log", a -> {
            String message = a.state().core().scrub(PyValues.str(a.get(0, "msg", "")));
            if (PyValues.truthy(a.get(1, "info", false))) {
                a.state().core().settings().log().info(message);
            } else {
                a.state().core().settings().log().debug(message);
            }
            return "";
        });
        define(functions, context, "print", a -> {
            a.state().core().settings().log().info(a.state().core().scrub(PyValues.str(a.get(0, "msg", ""))));
            return "";
        });
        define(functions, context, "run_query", a -> {
            QueryRunner.QueryTable table = a.state().core().runQuery(a.string(0, "sql"), true, a.state());
            return table == null ? null : new AgateTable(table);
        });
        define(functions, context, "zip", a -> {
            List<Object> zipped = new ArrayList<>();
            List<List<Object>> lists = a.positional().stream().map(PyValues::listOf).toList();
            int size = lists.stream().mapToInt(List::size).min().orElse(0);
            for (int i = 0; i < size; i++) {
                List<Object> tuple = new ArrayList<>();
                for (List<Object> list : lists) {
                    tuple.add(list.get(i));
                }
                zipped.add(tuple);
            }
            return zipped;
        });
        define(functions, context, "set", a -> new ArrayList<>(new java.util.LinkedHashSet<>(
                a.has(0, "items") ? PyValues.listOf(a.get(0, "items", null)) : List.of())));
        define(functions, context, "store_result", DbtFunctions::storeResult);
        define(functions, context, "load_result", a -> a.state().statementResults().get(a.string(0, "name")));
        define(functions, context, "tojson", a -> {
            try {
                return JSON.writeValueAsString(a.get(0, "value", null));
            } catch (JsonProcessingException e) {
                throw a.error("tojson(): " + e.getOriginalMessage());
            }
        });
        define(functions, context, "fromjson", a -> {
            try {
                return JSON.readValue(a.string(0, "string"), Object.class);
            } catch (JsonProcessingException e) {
                throw a.error("fromjson(): " + e.getOriginalMessage());
            }
        });
        return Map.copyOf(functions);
    }

    private static void define(Map<String, MacroFunction> functions, Context context, String name, JavaFunction.Body body) {
        JavaFunction function = new JavaFunction(name, context, body);
        functions.put(name, function);
        context.addGlobalMacro(function);
    }

    private static dev.model.error.SourceLocation here(JavaFunction.Arguments a) {
        return a.state().location(a.interpreter().getLineNumber());
    }

    private static Object ref(JavaFunction.Arguments a) {
        Object version = a.keywords().containsKey("v") ? a.keywords().get("v") : a.keywords().get("version");
        Integer v = version == null ? null
                : version instanceof Number n ? Integer.valueOf(n.intValue()) : Integer.valueOf(version.toString());
        RefCall call = switch (a.positional().size()) {
            case 1 -> new RefCall(null, str(a.positional().get(0)), v, here(a));
            case 2 -> new RefCall(str(a.positional().get(0)), str(a.positional().get(1)), v, here(a));
            default -> throw a.error("ref() takes one or two arguments (['package',] 'model'), got " + a.positional().size());
        };
        return a.state().scope().ref(call);
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }

    private static Object config(JavaFunction.Arguments a) {
        Map<String, Object> kwargs = new LinkedHashMap<>();
        for (Object positional : a.positional()) {
            if (positional instanceof Map<?, ?> map) {
                map.forEach((k, v) -> kwargs.put(String.valueOf(k), v));
            }
        }
        kwargs.putAll(a.keywords());
        a.state().scope().config(kwargs);
        return "";
    }

    private static Object var(JavaFunction.Arguments a) {
        String name = a.string(0, "name");
        JinjaSettings settings = a.state().core().settings();
        if (settings.cliVars().containsKey(name)) {
            return settings.cliVars().get(name);
        }
        if (settings.projectVars().get(settings.rootProjectName()) instanceof Map<?, ?> scoped && scoped.containsKey(name)) {
            return scoped.get(name);
        }
        if (settings.projectVars().containsKey(name)) {
            return settings.projectVars().get(name);
        }
        if (a.has(1, "default")) {
            return a.get(1, "default", null);
        }
        throw a.error("Required var '" + name + "' not found in config");
    }

    private static Object envVar(JavaFunction.Arguments a) {
        String name = a.string(0, "var");
        String value = a.state().core().settings().env().get(name);
        if (value != null) {
            return value;
        }
        if (a.has(1, "default")) {
            return a.get(1, "default", null);
        }
        throw a.error("Env var required but not provided: '" + name + "'");
    }

    private static Object storeResult(JavaFunction.Arguments a) {
        Object table = a.get(2, "agate_table", null);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("response", a.get(1, "response", null));
        result.put("table", table);
        result.put("data", table instanceof AgateTable agate ? agate.data() : java.util.List.of());
        a.state().statementResults().put(a.string(0, "name"), result);
        return "";
    }
}
