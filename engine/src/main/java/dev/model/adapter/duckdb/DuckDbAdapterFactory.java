package dev.model.adapter.duckdb;

import dev.model.adapter.AdapterFactory;
import dev.model.adapter.WarehouseAdapter;
import dev.model.log.Log;
import dev.model.project.Target;

import java.nio.file.Path;

/** {@code type: duckdb}. */
public final class DuckDbAdapterFactory implements AdapterFactory {

    @Override
    public String type() {
        return "duckdb";
    }

    @Override
    public WarehouseAdapter create(Target target, Path baseDirectory, Log log) {
        return DuckDbAdapter.open(target, baseDirectory, log);
    }
}
