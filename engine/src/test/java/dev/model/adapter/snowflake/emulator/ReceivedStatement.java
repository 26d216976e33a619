package dev.model.adapter.snowflake.emulator;

/**
 * One statement the Snowflake protocol emulator received, for assertions.
 *
 * @param sessionId      the emulated session that sent it
 * @param sqlText        the text exactly as the driver sent it
 * @param translatedSql  what ran on DuckDB; null when the emulator answered the statement itself
 *                       (show, describe, use, alter session, grant, ...) or failed before running it
 * @param queryTag       the session's QUERY_TAG when the statement arrived, null when unset
 * @param bindRows       how many rows of bind values came with it (0 without binds, 1 for ordinary binds,
 *                       the batch size for array binding)
 */
public record ReceivedStatement(long sessionId, String sqlText, String translatedSql, String queryTag, int bindRows) {
}
