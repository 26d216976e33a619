package dev.model.adapter.h2;

import dev.model.adapter.AdapterFactory;
import dev.model.adapter.WarehouseAdapter;
import dev.model.log.Log;
import dev.model.project.Target;

import java.nio.file.Path;

/** {@code type: h2}. */
public final class H2AdapterFactory implements AdapterFactory {

    @Override
    public String type() {
        return "h2";
    }

    @Override
    public WarehouseAdapter create(Target target, Path baseDirectory, Log log) {
        return H2Adapter.open(target, baseDirectory, log);
    }
}
