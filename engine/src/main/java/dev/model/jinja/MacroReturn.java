package dev.model.jinja;

import com.hubspot.jinjava.interpret.InterpretException;

/** {@code {{ return(x) }}}: unwinds the macro body up to the macro call, as dbt does with an exception. */
final class MacroReturn extends InterpretException {

    private final transient Object value;

    MacroReturn(Object value) {
        super("return() outside a macro");
        this.value = value;
    }

    Object value() {
        return value;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // a control-flow signal: the stack trace would only cost time
    }
}
