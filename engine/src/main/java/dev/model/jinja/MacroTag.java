package dev.model.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.Tag;
import com.hubspot.jinjava.tree.TagNode;

/** {@code {% macro name(args) %}}: defines a {@link TemplateMacro} in the current scope. */
final class MacroTag implements Tag {

    @Override
    public String getName() {
        return "macro";
    }

    @Override
    public String getEndTagName() {
        return "endmacro";
    }

    @Override
    public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
        DbtInterpreter dbt = (DbtInterpreter) interpreter;
        RenderState state = dbt.state();
        MacroSignature signature;
        try {
            signature = MacroSignature.parse(tagNode.getHelpers());
        } catch (IllegalArgumentException e) {
            throw new TemplateAbort(state.error("Invalid macro definition: " + e.getMessage(), tagNode.getLineNumber()));
        }
        RenderState.Frame frame = state.frame();
        TemplateMacro macro = new TemplateMacro(signature, tagNode.getChildren(), interpreter.getContext(),
                frame.file(), frame.lineOffset(), tagNode.getLineNumber(), signature.name());
        interpreter.getContext().addGlobalMacro(macro);
        return "";
    }
}
