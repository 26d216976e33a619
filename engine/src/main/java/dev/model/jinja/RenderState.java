package dev.model.jinja;

import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import dev.model.error.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** What one render carries besides jinjava's context: the scope, the file stack, statement results. */
final class RenderState {

    /** A template or macro being rendered: line numbers of its nodes plus {@code lineOffset} are file lines. */
    record Frame(String macroName, Path file, int lineOffset) { }

    private final EngineCore core;
    private final RenderScope scope;
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final Map<String, Object> statementResults = new HashMap<>();

    RenderState(EngineCore core, RenderScope scope, Frame template) {
        this.core = core;
        this.scope = scope;
        frames.push(template);
    }

    EngineCore core() {
        return core;
    }

    RenderScope scope() {
        return scope;
    }

    Frame frame() {
        return frames.peek();
    }

    void push(Frame frame) {
        frames.push(frame);
    }

    void pop() {
        frames.pop();
    }

    Map<String, Object> statementResults() {
        return statementResults;
    }

    /** Macro names from the outermost call to the innermost. */
    List<String> macroStack() {
        List<String> names = new ArrayList<>();
        for (Iterator<Frame> it = frames.descendingIterator(); it.hasNext(); ) {
            Frame frame = it.next();
            if (frame.macroName() != null) {
                names.add(frame.macroName());
            }
        }
        return names;
    }

    SourceLocation location(int nodeLine) {
        Frame frame = frame();
        if (frame.file() == null) {
            return null;
        }
        return nodeLine > 0 ? SourceLocation.of(frame.file(), nodeLine + frame.lineOffset()) : SourceLocation.of(frame.file());
    }

    /** A project error at the current position, with the macro chain that led there. */
    ModelException error(String message, int nodeLine) {
        return error(message, nodeLine, null);
    }

    /** The same, keeping jinjava's exception as the cause for debugging (never shown to users). */
    ModelException error(String message, int nodeLine, Throwable cause) {
        return new ModelException(ErrorCategory.PROJECT, message, location(nodeLine), macroStack(), cause);
    }

    /** An error thrown by the scope (a missing ref), located here unless it knows better. */
    ModelException locate(ModelException error, int nodeLine) {
        ModelException located = error.location().isPresent() ? error
                : new ModelException(error.category(), error.getMessage(), location(nodeLine),
                        error.macroStack().isEmpty() ? macroStack() : error.macroStack(), error.getCause());
        return located;
    }
}
