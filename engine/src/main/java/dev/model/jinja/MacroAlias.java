package dev.model.jinja;

import com.hubspot.jinjava.lib.fn.MacroFunction;
import java.util.List;
import java.util.Map;

/** A macro under another name: the target of {@code {% set m = some_macro %}}. */
final class MacroAlias extends MacroFunction {

    private final MacroFunction target;

    MacroAlias(String alias, MacroFunction target) {
        super(List.of(), alias, new java.util.LinkedHashMap<>(), false, null, 0, 0);
        this.target = target;
    }

    @Override
    public Object evaluate(Object... params) {
        return target.evaluate(params);
    }

    @Override
    public Object doEvaluate(Map<String, Object> argMap, Map<String, Object> kwargMap, List<Object> varArgs) {
        throw new UnsupportedOperationException("called through evaluate");
    }
}
