package dev.model.jinja;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.InterpreterFactory;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import java.util.List;

/**
 * The interpreter of one render. jinjava turns any exception raised inside an expression into a
 * recorded error and keeps rendering; dbt's {@code return()} and compiler errors must instead
 * unwind. Functions park their signal here and it is rethrown once the expression returns.
 */
final class DbtInterpreter extends JinjavaInterpreter {

    private RenderState state;
    private RuntimeException pending;
    private int pendingDepth;
    private int expressionDepth;
    private int outputLine;
    private int outputErrorsBefore = -1;

    DbtInterpreter(Jinjava jinjava, Context context, JinjavaConfig config) {
        super(jinjava, context, config);
    }

    DbtInterpreter(JinjavaInterpreter original) {
        super(original);
        if (original instanceof DbtInterpreter dbt) {
            this.state = dbt.state;
        }
    }

    static DbtInterpreter current() {
        JinjavaInterpreter interpreter = JinjavaInterpreter.getCurrent();
        if (interpreter instanceof DbtInterpreter dbt) {
            return dbt;
        }
        throw new IllegalStateException("no dbt render is active on this thread");
    }

    RenderState state() {
        return state;
    }

    void state(RenderState renderState) {
        this.state = renderState;
    }

    /** Parks {@code signal} and throws it; the enclosing expression evaluation rethrows it. */
    RuntimeException raise(RuntimeException signal) {
        pending = signal;
        pendingDepth = expressionDepth;
        throw signal;
    }

    /**
     * {@code return(x)}: parks the value without throwing, so jinjava neither wraps an exception
     * nor records an error on this hot path; the expression is unwound once it has been evaluated.
     */
    Object returnAfterExpression(Object value) {
        if (expressionDepth == 0) {
            throw raise(new MacroReturn(value));
        }
        pending = new MacroReturn(value);
        pendingDepth = expressionDepth;
        return value;
    }

    /** A {@code {{ ... }}} starts: remembers where, to tell an undefined variable printed from one tested. */
    void markOutput(int line) {
        outputLine = line;
        outputErrorsBefore = getErrors().size();
    }

    /** Relations and template objects print as dbt prints them, not as JSON; undefined values fail. */
    @Override
    public String getAsString(Object value) {
        if (value == null && outputErrorsBefore >= 0) {
            List<TemplateError> errors = getErrors();
            for (int i = outputErrorsBefore; i < errors.size(); i++) {
                String variable = StrictOutput.undefinedVariable(errors.get(i));
                if (variable != null) {
                    outputErrorsBefore = -1;
                    throw new TemplateAbort(state.error("'" + variable + "' is undefined", outputLine));
                }
            }
        }
        outputErrorsBefore = -1;
        if (value instanceof dev.model.adapter.Relation || value instanceof PyObject) {
            return value.toString();
        }
        if (value instanceof Boolean bool) {
            // Python prints True/False, and dbt's compiled SQL carries that spelling.
            return bool ? "True" : "False";
        }
        return super.getAsString(value);
    }

    @Override
    public Object resolveELExpression(String expression, int lineNumber) {
        int errorsBefore = getErrors().size();
        int depth = ++expressionDepth;
        try {
            return super.resolveELExpression(expression, lineNumber);
        } finally {
            expressionDepth--;
            rethrowPending(errorsBefore, depth);
        }
    }

    @Override
    public Object resolveELExpression(String expression, int lineNumber, int position) {
        int errorsBefore = getErrors().size();
        int depth = ++expressionDepth;
        try {
            return super.resolveELExpression(expression, lineNumber, position);
        } finally {
            expressionDepth--;
            rethrowPending(errorsBefore, depth);
        }
    }

    private void rethrowPending(int errorsBefore, int depth) {
        if (pending != null && pendingDepth >= depth) {
            // jinjava recorded the signal as an error on its way out: it is not one
            while (getErrors().size() > errorsBefore) {
                removeLastError();
            }
            RuntimeException signal = pending;
            pending = null;
            throw signal;
        }
    }

    static final class Factory implements InterpreterFactory {
        @Override
        public JinjavaInterpreter newInstance(JinjavaInterpreter original) {
            return new DbtInterpreter(original);
        }

        @Override
        public JinjavaInterpreter newInstance(Jinjava jinjava, Context context, JinjavaConfig config) {
            return new DbtInterpreter(jinjava, context, config);
        }
    }
}
