package dev.model.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.Tag;
import com.hubspot.jinjava.tree.TagNode;

/**
 * {@code {% docs %}}, {@code {% test %}} and {@code {% materialization %}} blocks: definitions read
 * when the project is parsed, which render to nothing where they appear.
 */
final class SilentBlockTag implements Tag {

    private final String name;

    SilentBlockTag(String name) {
        this.name = name;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getEndTagName() {
        return "end" + name;
    }

    @Override
    public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
        return "";
    }
}
