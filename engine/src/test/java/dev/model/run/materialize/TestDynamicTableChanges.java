package dev.model.run.materialize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.model.run.materialize.DynamicTableMaterialization.Change;
import dev.model.run.materialize.DynamicTableMaterialization.Described;
import org.junit.jupiter.api.Test;

final class TestDynamicTableChanges {

    private static final String SQL = "select id,\n  status from raw.shop.orders";
    private static final Described NOW = new Described("5 minutes", "TRANSFORMING", "INCREMENTAL",
            "create or replace dynamic table analytics.dev.orders target_lag = '5 minutes' warehouse = TRANSFORMING"
                    + " as (\nselect id, status from raw.shop.orders\n)");

    @Test
    void sameSettingsAndQueryAreNoChangeWhateverTheCaseAndSpacing() {
        assertEquals(Change.NONE, DynamicTableMaterialization.change(NOW, "5  Minutes", "transforming", null, SQL));
        assertEquals(Change.NONE, DynamicTableMaterialization.change(NOW, "5 minutes", "transforming", "incremental", SQL));
    }

    @Test
    void autoRefreshModeIsNoChangeBecauseSnowflakeResolvesIt() {
        assertEquals(Change.NONE, DynamicTableMaterialization.change(NOW, "5 minutes", "TRANSFORMING", "AUTO", SQL));
    }

    @Test
    void lagOrWarehouseAreAlteredInPlace() {
        assertEquals(Change.ALTER, DynamicTableMaterialization.change(NOW, "1 hour", "TRANSFORMING", null, SQL));
        assertEquals(Change.ALTER, DynamicTableMaterialization.change(NOW, "5 minutes", "REPORTING", null, SQL));
    }

    @Test
    void anotherRefreshModeOrQueryNeedsANewTable() {
        assertEquals(Change.REPLACE, DynamicTableMaterialization.change(NOW, "5 minutes", "TRANSFORMING", "FULL", SQL));
        assertEquals(Change.REPLACE, DynamicTableMaterialization.change(NOW, "5 minutes", "TRANSFORMING", null,
                "select id from raw.shop.orders"));
    }
}
