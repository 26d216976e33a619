package dev.model.run.materialize;

import dev.model.jinja.JinjaEngine;
import dev.model.jinja.RenderScope;
import dev.model.jinja.TemplateSource;
import dev.model.parse.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A node's {@code pre_hook} and {@code post_hook} configs, rendered in the node's scope when it
 * runs (so {@code {{ this }}} is its relation). dbt accepts a string, a list, or
 * {@code {sql: ..., transaction: ...}} maps; the text is what counts here.
 */
record Hooks(List<String> pre, List<String> post) {

    static Hooks render(Node node, JinjaEngine jinja, RenderScope scope) {
        return new Hooks(render(node, node.config().get("pre_hook"), jinja, scope),
                render(node, node.config().get("post_hook"), jinja, scope));
    }

    static List<String> render(Node node, Object configured, JinjaEngine jinja, RenderScope scope) {
        List<String> rendered = new ArrayList<>();
        for (String template : texts(configured)) {
            String sql = template.contains("{") ? jinja.render(template, TemplateSource.of(node.file()), scope) : template;
            if (!sql.isBlank()) {
                rendered.add(sql.strip());
            }
        }
        return rendered;
    }

    /** The SQL texts of a hook config, in order. */
    static List<String> texts(Object configured) {
        List<String> out = new ArrayList<>();
        if (configured == null) {
            return out;
        }
        if (configured instanceof List<?> items) {
            for (Object item : items) {
                out.addAll(texts(item));
            }
        } else if (configured instanceof Map<?, ?> map) {
            Object sql = map.get("sql");
            if (sql != null) {
                out.add(sql.toString());
            }
        } else {
            out.add(configured.toString());
        }
        return out;
    }
}
