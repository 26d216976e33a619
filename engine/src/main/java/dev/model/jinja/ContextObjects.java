package dev.model.jinja;

import dev.model.error.ModelException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The small objects of dbt's context: {@code config}, {@code adapter}, {@code exceptions}, {@code modules}, namespaces. */
final class ContextObjects {

    private ContextObjects() {
    }

    /** {@code config.get('key', default)} and {@code config.require('key')}; {@code config(...)} itself is a function. */
    static final class Config implements PyObject {
        @Override
        public String typeName() {
            return "Config";
        }

        @Override
        public Object call(String method, JavaFunction.Arguments a) {
            RenderScope scope = a.state().scope();
            return switch (method) {
                case "get" -> scope.configGet(a.string(0, "name"), a.get(1, "default", null));
                case "require" -> scope.configRequire(a.string(0, "name"));
                case "set" -> {
                    scope.config(Map.of(a.string(0, "name"), a.require(1, "value")));
                    yield "";
                }
                default -> MISSING;
            };
        }
    }

    /** {@code exceptions.raise_compiler_error(msg)} and {@code exceptions.warn(msg)}. */
    static final class Exceptions implements PyObject {
        @Override
        public String typeName() {
            return "exceptions";
        }

        @Override
        public Object call(String method, JavaFunction.Arguments a) {
            return switch (method) {
                case "raise_compiler_error" -> throw a.error(a.state().core().scrub(PyValues.str(a.get(0, "msg", ""))));
                case "raise_not_implemented" -> throw a.error("Not implemented: " + PyValues.str(a.get(0, "msg", "")));
                case "warn" -> {
                    a.state().core().settings().log().warn(a.state().core().scrub(PyValues.str(a.get(0, "msg", ""))),
                            a.state().location(a.interpreter().getLineNumber()));
                    yield "";
                }
                default -> MISSING;
            };
        }
    }

    /** {@code modules.datetime}, {@code modules.re}. */
    static final class Modules implements PyObject {
        private final DatetimeModule datetime;
        private final ReModule re = new ReModule();

        Modules(DatetimeModule datetime) {
            this.datetime = datetime;
        }

        @Override
        public String typeName() {
            return "modules";
        }

        @Override
        public Object attribute(String name) {
            return switch (name) {
                case "datetime" -> datetime;
                case "re" -> re;
                default -> MISSING;
            };
        }
    }

    /** A package's macros by name: {@code dbt.generate_schema_name(...)}, {@code my_pkg.helper()}. */
    static final class Namespace implements PyObject {
        private final String name;
        private final Map<String, ? extends com.hubspot.jinjava.lib.fn.MacroFunction> macros;

        Namespace(String name, Map<String, ? extends com.hubspot.jinjava.lib.fn.MacroFunction> macros) {
            this.name = name;
            this.macros = macros;
        }

        @Override
        public String typeName() {
            return "namespace '" + name + "'";
        }

        @Override
        public Object attribute(String attribute) {
            Object macro = macros.get(attribute);
            return macro == null ? MISSING : macro;
        }

        @Override
        public Object call(String method, JavaFunction.Arguments a) {
            com.hubspot.jinjava.lib.fn.MacroFunction macro = macros.get(method);
            if (macro == null) {
                throw a.error("'" + name + "." + method + "' is undefined: package '" + name + "' has no macro '" + method + "'");
            }
            List<Object> params = new ArrayList<>(a.positional());
            a.keywords().forEach((k, v) -> params.add(new com.hubspot.jinjava.el.ext.NamedParameter(k, v)));
            return macro.evaluate(params.toArray());
        }
    }

    /** {@code adapter}: dispatch, quote and the statement plumbing dbt's macros use. */
    static final class Adapter implements PyObject {
        @Override
        public String typeName() {
            return "adapter";
        }

        @Override
        public Object call(String method, JavaFunction.Arguments a) {
            EngineCore core = a.state().core();
            return switch (method) {
                case "dispatch" -> core.resolveDispatch(a.string(0, "macro_name"),
                        (String) a.get(1, "macro_namespace", null), a.state());
                case "quote" -> "\"" + PyValues.str(a.require(0, "identifier")).replace("\"", "\"\"") + "\"";
                case "execute" -> {
                    QueryRunner.QueryTable table = core.runQuery(a.string(0, "sql"),
                            PyValues.truthy(a.get(3, "fetch", false)), a.state());
                    yield table == null ? new ArrayList<>(java.util.Arrays.asList(null, null))
                            : new ArrayList<>(List.of(response(table), new AgateTable(table)));
                }
                case "type" -> core.settings().adapterType();
                default -> MISSING;
            };
        }
    }

    static Map<String, Object> response(QueryRunner.QueryTable table) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("_message", "OK");
        response.put("code", "OK");
        response.put("rows_affected", table.rowsAffected());
        return response;
    }

    /** Located by the function that called it, where the line is known. */
    static ModelException noWarehouse() {
        return ModelException.project("run_query() and statement blocks need a warehouse connection, which this command does not open");
    }
}
