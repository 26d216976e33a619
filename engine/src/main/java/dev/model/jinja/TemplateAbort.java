package dev.model.jinja;

import com.hubspot.jinjava.interpret.InterpretException;
import dev.model.error.ModelException;

/** Carries a ModelException through jinjava's nodes, which would otherwise record it and carry on. */
final class TemplateAbort extends InterpretException {

    private final ModelException error;

    TemplateAbort(ModelException error) {
        super(error.getMessage(), error);
        this.error = error;
    }

    ModelException error() {
        return error;
    }
}
