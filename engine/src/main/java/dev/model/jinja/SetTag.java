package dev.model.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.fn.MacroFunction;
import com.hubspot.jinjava.tree.parse.TagToken;
import java.util.List;

/**
 * jinjava's {@code set}, plus: a macro assigned to a variable becomes callable by that name
 * ({@code {% set m = adapter.dispatch('x') %}{{ m(1) }}}), as in Python Jinja.
 */
final class SetTag extends com.hubspot.jinjava.lib.tag.SetTag {

    @Override
    public void executeSet(TagToken tagToken, JinjavaInterpreter interpreter, String[] varTokens, List<?> resolvedList,
                           boolean allowDeferredValueOverride) {
        super.executeSet(tagToken, interpreter, varTokens, resolvedList, allowDeferredValueOverride);
        for (int i = 0; i < varTokens.length && i < resolvedList.size(); i++) {
            if (resolvedList.get(i) instanceof MacroFunction macro) {
                interpreter.getContext().addGlobalMacro(new MacroAlias(varTokens[i].strip(), macro));
            }
        }
    }
}
