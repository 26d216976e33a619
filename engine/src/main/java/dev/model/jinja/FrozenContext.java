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
