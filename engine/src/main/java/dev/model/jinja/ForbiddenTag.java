package dev.model.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.Tag;
import com.hubspot.jinjava.tree.TagNode;

/**
 * Replaces jinjava's file-reading tags ({@code include}, {@code import}, {@code from},
 * {@code extends}): dbt templates do not load other files, and project files must not reach the disk.
 */
final class ForbiddenTag implements Tag {

    private final String name;

    ForbiddenTag(String name) {
        this.name = name;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
        RenderState state = ((DbtInterpreter) interpreter).state();
        throw new TemplateAbort(state.error("'{% " + name + " %}' is not supported: templates cannot load files;"
                + " define macros in the macro paths instead", tagNode.getLineNumber()));
    }
}
