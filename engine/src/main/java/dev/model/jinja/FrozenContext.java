package dev.model.jinja;

import com.google.common.collect.SetMultimap;
import com.hubspot.jinjava.interpret.Context;
import java.util.Collection;

/**
 * The parent context shared by every render of an engine. jinjava's contexts report what each
 * render resolved up the parent chain; shared between threads that is a data race (and a leak
 * over thousands of models), so the bookkeeping stops here.
 */
final class FrozenContext extends Context {

    FrozenContext(Context parent) {
        super(parent);
        parent.getGlobalMacros(); // created lazily on first lookup otherwise: a write racing between renders
        isolateVariableTracking();
    }

    /**
     * jinjava hands one pair of bookkeeping sets from the root context to every descendant, and
     * each {@code for} loop adds and removes its variable names there: renders on two threads
     * then fail with a ConcurrentModificationException. The sets exist only for jinjava's eager
     * mode, which is not used; giving this context (and so every render below it) concurrent
     * sets is the one way in, as the fields are private.
     */
    private void isolateVariableTracking() {
        for (String name : new String[] {"metaContextVariables", "overriddenNonMetaContextVariables"}) {
            try {
                java.lang.reflect.Field field = Context.class.getDeclaredField(name);
                field.setAccessible(true);
                field.set(this, java.util.concurrent.ConcurrentHashMap.newKeySet());
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw dev.model.error.ModelException.internal("unsupported jinjava version: cannot isolate " + name, e);
            }
        }
    }

    @Override
    public void addResolvedExpression(String expression) {
    }

    @Override
    public void addResolvedValue(String value) {
    }

    @Override
    public void addResolvedFunction(String function) {
    }

    @Override
    public void addDependency(String type, String identification) {
    }

    @Override
    public void addDependencies(SetMultimap<String, String> dependencies) {
    }

    @Override
    public void addResolvedFrom(Context context) {
    }

    @Override
    public void addMetaContextVariables(Collection<String> names) {
    }

    @Override
    public void addNonMetaContextVariables(Collection<String> names) {
    }

    @Override
    public void removeNonMetaContextVariables(Collection<String> names) {
    }
}
