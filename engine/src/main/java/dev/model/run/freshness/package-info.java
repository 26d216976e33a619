/**
 * {@code model source freshness}: how old the newest row of a source table is, judged against its
 * {@code warn_after} and {@code error_after}, as dbt's {@code collect_freshness}.
 */
package dev.model.run.freshness;
