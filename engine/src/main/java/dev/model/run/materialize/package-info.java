/**
 * How models become relations: {@link dev.model.run.materialize.ModelExecutor} (the
 * {@link dev.model.run.execute.NodeExecutor} for models) picks a strategy by the model's
 * {@code materialized} config (view, table, incremental, ephemeral, or a project
 * {@code {% materialization %}} block), compiles the model against its session, and runs the DDL
 * that dbt's adapter macros render ({@code get_create_table_as_sql}, {@code create_view_as},
 * {@code get_merge_sql}, ...; shipped in {@code dev/model/macros/materializations/}, overridable by
 * the project exactly as in dbt). {@link dev.model.run.materialize.ProjectHooks} runs
 * {@code on-run-start}/{@code on-run-end}. Statements go through one {@code ModelBuild} per node, so
 * the invocation's {@link dev.model.run.execute.RelationCache} always knows what exists.
 */
package dev.model.run.materialize;
