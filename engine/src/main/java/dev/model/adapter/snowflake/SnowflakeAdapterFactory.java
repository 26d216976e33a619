package dev.model.adapter.snowflake;

import dev.model.adapter.AdapterFactory;
import dev.model.adapter.Quoting;
import dev.model.adapter.WarehouseAdapter;
import dev.model.log.Log;
import dev.model.project.Target;

import java.nio.file.Path;

/** {@code type: snowflake}. */
public final class SnowflakeAdapterFactory implements AdapterFactory {

    @Override
    public String type() {
        return SnowflakeProfile.TYPE;
    }

    /** Unquoted names, folded to upper case by Snowflake: dbt-snowflake's default quote policy. */
    @Override
    public Quoting quoting() {
        return Quoting.NONE;
    }

    @Override
    public WarehouseAdapter create(Target target, Path baseDirectory, Log log) {
        return SnowflakeAdapter.open(target, baseDirectory, log);
    }
}
