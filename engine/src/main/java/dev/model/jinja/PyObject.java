package dev.model.jinja;

/**
 * An object made for templates ({@code adapter}, {@code config}, {@code modules.re} ...). Templates
 * reach only what {@link #attribute} and {@link #call} expose: never Java reflection.
 */
interface PyObject {

    /** Returned when the object has no such attribute or method. */
    Object MISSING = new Object() {
        @Override
        public String toString() {
            return "<missing>";
        }
    };

    /** The Python type name shown in errors. */
    String typeName();

    default Object attribute(String name) {
        return MISSING;
    }

    default Object call(String method, JavaFunction.Arguments arguments) {
        return MISSING;
    }
}
