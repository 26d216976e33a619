package dev.model.adapter.duckdb;

import java.sql.Connection;
import java.sql.DriverManager;

/** Run in a second JVM: opens a DuckDB file, says LOCKED, and holds it until stdin closes. */
public final class TestingDuckDbLockHolder {

    private TestingDuckDbLockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + args[0])) {
            connection.createStatement().execute("create table if not exists held (id integer)");
            System.out.println("LOCKED");
            System.out.flush();
            while (System.in.read() >= 0) {
                // Hold the lock until the test closes our stdin.
            }
        }
    }
}
