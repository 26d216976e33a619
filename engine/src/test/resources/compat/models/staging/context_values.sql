-- var, env_var, target, this, project_name, execute, invocation_id, run_started_at
select
    '{{ var("project_var") }}' as project_var,
    '{{ var("override_me") }}' as override_me,
    '{{ var("not_declared", "var_default") }}' as var_with_default,
    {{ var("small_list") | length }} as small_list_length,
    '{{ env_var("MODEL_COMPAT_ENV") }}' as env_set,
    '{{ env_var("MODEL_COMPAT_UNSET_ENV", "env_default") }}' as env_default,
    '{{ target.name }}' as target_name,
    '{{ target.schema }}' as target_schema,
    '{{ target.type }}' as target_type,
    '{{ target.database }}' as target_database,
    '{{ this }}' as this_relation,
    '{{ this.identifier }}' as this_identifier,
    '{{ project_name }}' as project_name,
    '{{ "executing" if execute else "parsing" }}' as phase,
    {{ invocation_id | length }} as invocation_id_length,
    '{{ run_started_at.year > 2000 }}' as started_after_2000,
    {{ 'true' if run_started_at.year > 2000 else 'false' }} as started_after_2000_bool
