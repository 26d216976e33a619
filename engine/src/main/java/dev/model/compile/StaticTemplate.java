package dev.model.compile;

import dev.model.jinja.RenderScope;
import dev.model.parse.FastPathScanner;
import java.util.Optional;

/**
 * Compiles a file whose only Jinja is {@code ref}, {@code source} and {@code config} calls with
 * literal arguments (and comments) without a template engine: each call is replaced by what the
 * scope gives for it, exactly as Jinja would print it. Most models of a large project are like
 * this, and rendering them through jinjava costs several times more.
 */
final class StaticTemplate {

    private StaticTemplate() {
    }

    /** The compiled text, or empty when the file needs the real renderer. */
    static Optional<String> render(String text, java.nio.file.Path file, RenderScope scope) {
        if (text.indexOf('{') < 0) {
            return Optional.of(text);
        }
        return FastPathScanner.scan(text, file).map(calls -> substitute(text, calls, scope));
    }

    private static String substitute(String text, FastPathScanner.Extracted calls, RenderScope scope) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        int pos = 0;
        for (FastPathScanner.Span span : calls.spans()) {
            out.append(text, pos, span.start());
            if (span.trimBefore()) {
                trimTrailingWhitespace(out);
            }
            switch (span.kind()) {
                case REF -> out.append(scope.ref(calls.refs().get(span.index())).render());
                case SOURCE -> out.append(scope.source(calls.sources().get(span.index())).render());
                case CONFIG, COMMENT -> { }
            }
            pos = span.end();
            if (span.trimAfter()) {
                while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                    pos++;
                }
            }
        }
        out.append(text, pos, text.length());
        return out.toString();
    }

    private static void trimTrailingWhitespace(StringBuilder out) {
        int end = out.length();
        while (end > 0 && Character.isWhitespace(out.charAt(end - 1))) {
            end--;
        }
        out.setLength(end);
    }
}
