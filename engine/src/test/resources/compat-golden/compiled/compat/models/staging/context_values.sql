-- var, env_var, target, this, project_name, execute, invocation_id, run_started_at
select
    'from_project' as project_var,
    'from_cli' as override_me,
    'var_default' as var_with_default,
    3 as small_list_length,
    'hello' as env_set,
    'env_default' as env_default,
    'dev' as target_name,
    'main' as target_schema,
    'duckdb' as target_type,
    'compat' as target_database,
    '"compat"."main"."context_values"' as this_relation,
    'context_values' as this_identifier,
    'compat' as project_name,
    'executing' as phase,
    36 as invocation_id_length,
    'True' as started_after_2000,
    true as started_after_2000_bool