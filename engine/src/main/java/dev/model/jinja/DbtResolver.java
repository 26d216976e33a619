package dev.model.jinja;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.lib.fn.MacroFunction;
import dev.model.adapter.Relation;
import java.beans.FeatureDescriptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELResolver;

/**
 * First in jinjava's resolver chain. It gives strings, lists and dicts Python's methods, lets
 * templates call macros held in variables, exposes only the template-facing parts of
 * {@link PyObject}s and relations, and refuses everything else a template could use to reach Java.
 */
final class DbtResolver extends ELResolver {

    private static final Set<String> FORBIDDEN = Set.of("getclass", "class", "classloader", "getclassloader",
            "forname", "wait", "notify", "notifyall", "hashcode", "clone", "finalize", "module", "getmodule");

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (base == null) {
            return resolveName(context, property);
        }
        String name = String.valueOf(property);
        if (base instanceof MacroFunction) {
            return null;
        }
        if (base instanceof Map<?, ?> || base instanceof List<?> || isJinjavaObject(base)) {
            if (!(base instanceof Map<?, ?>)) {
                guard(name, base);
            }
            return null; // jinjava's own resolvers index maps and lists
        }
        guard(name, base);
        if (base instanceof PyObject object) {
            context.setPropertyResolved(true);
            Object value = object.attribute(name);
            return value == PyObject.MISSING ? null : value;
        }
        if (base instanceof Relation relation) {
            context.setPropertyResolved(true);
            return RelationView.attribute(relation, name);
        }
        if (base instanceof String || base instanceof Number || base instanceof Boolean) {
            if (property instanceof Number) {
                return null;
            }
            context.setPropertyResolved(true);
            return null;
        }
        throw refuse("cannot read attribute '" + name + "' of " + typeName(base));
    }

    private static Object resolveName(ELContext context, Object property) {
        if (!(property instanceof String name)) {
            return null;
        }
        DbtInterpreter interpreter = DbtInterpreter.current();
        Context scope = interpreter.getContext();
        if (scope.get(name) == null) {
            MacroFunction macro = scope.getGlobalMacro(name);
            if (macro != null) {
                context.setPropertyResolved(true);
                return macro;
            }
        }
        return null;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (base == null || method == null) {
            return null;
        }
        String name = method.toString();
        guard(name, base);
        Object result = PyObject.MISSING;
        DbtInterpreter interpreter = DbtInterpreter.current();
        if (base instanceof MacroFunction macro && (name.equals("call") || name.equals("__call__"))) {
            context.setPropertyResolved(true);
            return macro.evaluate(params == null ? new Object[0] : params);
        }
        if (isJinjavaObject(base) && !(base instanceof Map<?, ?>) && !(base instanceof List<?>)) {
            return null;
        }
        JavaFunction.Arguments arguments = JavaFunction.Arguments.of(name, params, interpreter);
        try {
            if (base instanceof PyObject object) {
                result = object.call(name, arguments);
            } else if (base instanceof String string) {
                result = StringMethods.call(string, name, arguments);
            } else if (base instanceof Map<?, ?> map) {
                result = CollectionMethods.dict(cast(map), name, arguments);
            } else if (base instanceof List<?> list) {
                result = CollectionMethods.list(cast(list), name, arguments);
            } else if (base instanceof Relation relation) {
                result = RelationView.call(relation, name, arguments);
            }
        } catch (dev.model.error.ModelException e) {
            throw interpreter.raise(new TemplateAbort(interpreter.state().locate(e, interpreter.getLineNumber())));
        } catch (TemplateAbort | MacroReturn signal) {
            throw interpreter.raise(signal);
        } catch (IllegalArgumentException | ClassCastException | IndexOutOfBoundsException e) {
            throw refuse(name + "(): " + e.getMessage());
        }
        if (result == PyObject.MISSING) {
            throw refuse("'" + typeName(base) + "' object has no attribute '" + name + "'");
        }
        context.setPropertyResolved(true);
        return result;
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    private static boolean isJinjavaObject(Object base) {
        return base.getClass().getName().startsWith("com.hubspot.jinjava.");
    }

    private static void guard(String name, Object base) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (name.startsWith("_") || FORBIDDEN.contains(lower) || lower.contains("class")) {
            throw refuse("access to '" + name + "' of " + typeName(base) + " is not allowed in templates");
        }
    }

    static String typeName(Object base) {
        if (base instanceof PyObject object) {
            return object.typeName();
        }
        if (base instanceof String) {
            return "str";
        }
        if (base instanceof Map<?, ?>) {
            return "dict";
        }
        if (base instanceof Collection<?>) {
            return "list";
        }
        if (base instanceof Boolean) {
            return "bool";
        }
        if (base instanceof Number number) {
            return number instanceof Double || number instanceof Float ? "float" : "int";
        }
        if (base instanceof Relation) {
            return "Relation";
        }
        return "object";
    }

    private static RuntimeException refuse(String message) {
        DbtInterpreter interpreter = DbtInterpreter.current();
        return interpreter.raise(new TemplateAbort(interpreter.state().error(message, interpreter.getLineNumber())));
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        if (base != null && !(base instanceof Map<?, ?>) && !(base instanceof List<?>)) {
            throw refuse("cannot set attribute '" + property + "' of " + typeName(base));
        }
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return false;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return new ArrayList<FeatureDescriptor>().iterator();
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return Object.class;
    }
}
