package dev.model.adapter.snowflake.emulator;

/** A privilege granted on a relation to a role, as left by grant and revoke statements. */
public record Grant(String privilege, String role) {
}
