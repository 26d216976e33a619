package dev.model.jinja;

import com.hubspot.jinjava.interpret.TemplateError;
import java.util.Map;

/**
 * {@code {{ x }}} where {@code x} is undefined fails, naming the variable, instead of printing
 * nothing into the SQL. Only printed expressions that came out empty count: {@code x is defined},
 * {@code x | default(...)} and {@code {% if x %}} stay legal, as in dbt.
 */
final class StrictOutput {

    private StrictOutput() {
    }

    /** The variable an "undefined variable" warning is about, or null for other errors. */
    static String undefinedVariable(TemplateError error) {
        Map<String, String> details = error.getCategoryErrors();
        if (error.getItem() != TemplateError.ErrorItem.TOKEN || details == null) {
            return null;
        }
        String variable = details.get("variable");
        return variable == null || variable.equals("none") || variable.equals("None") ? null : variable;
    }
}
