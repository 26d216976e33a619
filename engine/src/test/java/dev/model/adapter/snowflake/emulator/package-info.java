/**
 * A Snowflake protocol emulator for tests: {@link dev.model.adapter.snowflake.emulator.TestingSnowflakeEmulator}
 * serves the snowflake-jdbc driver's JSON protocol on 127.0.0.1 and runs statements on an in-process DuckDB.
 * It is a stand-in for Snowflake, never Snowflake itself.
 *
 * <h2>Login</h2>
 * Password login checks {@code Options.users}; key-pair login (authenticator SNOWFLAKE_JWT) checks the
 * driver's JWT ({@code KeyPairJwt}) against the public key {@code Options.withPublicKey} registered:
 * RS256 signature, issuer {@code EMULATOR.USER.SHA256:<fingerprint>}, subject {@code EMULATOR.USER},
 * issue and expiry time. Failures answer Snowflake's 390100 and 390144 ({@code JWT token is invalid. [id]}).
 *
 * <h2>How a statement is handled</h2>
 * <ol>
 *   <li>an injected fault ({@code failNext}) matching the text fails it;</li>
 *   <li>metadata statements are answered in Java ({@code NativeStatements}): show, describe, use, alter
 *       session, grant/revoke, begin/commit/rollback, select current_version() and the other current_*()
 *       functions, clustering commands, alter dynamic table (refresh, suspend, resume, set target_lag/warehouse),
 *       create/drop database;</li>
 *   <li>a statement needing compute (a query, DML, create table as) fails with 000606 without a warehouse;</li>
 *   <li>the rest is translated ({@code SnowflakeToDuckDb}, one named rule per translation) and bind values
 *       are written in as literals ({@code Bindings}); an array-bound batch becomes one multi-row values list.</li>
 * </ol>
 * Every received statement is recorded ({@link dev.model.adapter.snowflake.emulator.ReceivedStatement}),
 * describe-only requests of prepared statements excepted.
 *
 * <h2>Names</h2>
 * <ul>
 *   <li>Snowflake databases are DuckDB catalogs (attached in memory), each with schema PUBLIC.</li>
 *   <li>DuckDB matches names case-insensitively and keeps the case a name was written in.</li>
 *   <li>show and describe report every stored name in upper case (also a name created quoted in lower case).</li>
 *   <li>A result column whose name is all lower case is reported in upper case; others as they are.</li>
 *   <li>Show results have Snowflake's lower-case column names (name, kind, database_name, ...).</li>
 *   <li>Grants, owners and dynamic tables are keyed by {@code DB.SCHEMA.NAME} in upper case.</li>
 * </ul>
 *
 * <h2>Deliberate differences from Snowflake</h2>
 * <ul>
 *   <li>Temporary tables and views are ordinary ones visible to every session until their session closes.</li>
 *   <li>A transaction may write to one database only (DuckDB); the error says so.</li>
 *   <li>A failed statement inside a transaction leaves it aborted (DuckDB): roll back.</li>
 *   <li>dateadd around an aggregate returns a timestamp even for a date.</li>
 *   <li>A merge reports its total rows in one count; the driver's update count is the same.</li>
 *   <li>Session TIMEZONE is UTC; dynamic tables refresh only on {@code alter dynamic table ... refresh}.</li>
 * </ul>
 */
package dev.model.adapter.snowflake.emulator;
