package dev.model.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.Tag;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;

/** {@code {% snapshot name %}body{% endsnapshot %}}: renders its body. */
final class SnapshotTag implements Tag {

    @Override
    public String getName() {
        return "snapshot";
    }

    @Override
    public String getEndTagName() {
        return "endsnapshot";
    }

    @Override
    public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
        StringBuilder out = new StringBuilder();
        for (Node child : tagNode.getChildren()) {
            out.append(child.render(interpreter).getValue());
        }
        return out.toString();
    }
}
