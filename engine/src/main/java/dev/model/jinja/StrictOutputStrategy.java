package dev.model.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.expression.DefaultExpressionStrategy;
import com.hubspot.jinjava.tree.output.RenderedOutputNode;
import com.hubspot.jinjava.tree.parse.ExpressionToken;
import java.util.List;
import java.util.Map;

/**
 * {@code {{ x }}} where {@code x} is undefined fails, naming the variable, instead of printing
 * nothing into the SQL. Only printed expressions that came out empty count: {@code x is defined},
 * {@code x | default(...)} and {@code {% if x %}} stay legal, as in dbt.
 */
final class StrictOutputStrategy extends DefaultExpressionStrategy {

    @Override
    public RenderedOutputNode interpretOutput(ExpressionToken master, JinjavaInterpreter interpreter) {
        List<TemplateError> errors = interpreter.getErrors();
        int before = errors.size();
        RenderedOutputNode output = super.interpretOutput(master, interpreter);
        if (errors.size() > before && output.getValue().isEmpty()) {
            for (int i = before; i < errors.size(); i++) {
                String variable = undefinedVariable(errors.get(i));
                if (variable != null) {
                    RenderState state = ((DbtInterpreter) interpreter).state();
                    throw new TemplateAbort(state.error("'" + variable + "' is undefined", master.getLineNumber()));
                }
            }
        }
        return output;
    }

    static String undefinedVariable(TemplateError error) {
        Map<String, String> details = error.getCategoryErrors();
        if (error.getItem() != TemplateError.ErrorItem.TOKEN || details == null) {
            return null;
        }
        String variable = details.get("variable");
        return variable == null || variable.equals("none") || variable.equals("None") ? null : variable;
    }
}
