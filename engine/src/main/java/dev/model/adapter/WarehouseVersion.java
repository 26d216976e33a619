package dev.model.adapter;

/** What {@code model debug} prints: the JDBC driver's and the warehouse's versions. */
public record WarehouseVersion(String driver, String server) { }
