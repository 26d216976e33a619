{#- The DDL the Java materializations run, as dbt's adapter macros: each public name dispatches to
    <adapter>__name, then default__name, so a project overrides either the whole macro or one
    adapter's version. Statements a macro emits are separated by ';'. -#}

{% macro get_create_table_as_sql(temporary, relation, sql) -%}
  {{ return(adapter.dispatch('get_create_table_as_sql', 'dbt')(temporary, relation, sql)) }}
{%- endmacro %}

{% macro default__get_create_table_as_sql(temporary, relation, sql) -%}
  {{ return(create_table_as(temporary, relation, sql)) }}
{%- endmacro %}

{% macro create_table_as(temporary, relation, compiled_code, language='sql') -%}
  {{ return(adapter.dispatch('create_table_as', 'dbt')(temporary, relation, compiled_code)) }}
{%- endmacro %}

{% macro default__create_table_as(temporary, relation, sql) -%}
  {%- if config.get('sql_header') %}{{ config.get('sql_header') }};{% endif %}
  create {% if temporary %}temporary {% endif %}table {{ relation }} as (
{{ sql }}
  )
{%- endmacro %}

{#- H2 takes no WITH inside a parenthesised query: the model becomes a derived table. -#}
{% macro h2__create_table_as(temporary, relation, sql) -%}
  {%- if config.get('sql_header') %}{{ config.get('sql_header') }};{% endif %}
  create {% if temporary %}local temporary {% endif %}table {{ relation }} as select * from (
{{ sql }}
  )
{%- endmacro %}

{% macro get_create_view_as_sql(relation, sql) -%}
  {{ return(adapter.dispatch('get_create_view_as_sql', 'dbt')(relation, sql)) }}
{%- endmacro %}

{% macro default__get_create_view_as_sql(relation, sql) -%}
  {{ return(create_view_as(relation, sql)) }}
{%- endmacro %}

{% macro create_view_as(relation, sql) -%}
  {{ return(adapter.dispatch('create_view_as', 'dbt')(relation, sql)) }}
{%- endmacro %}

{% macro default__create_view_as(relation, sql) -%}
  {%- if config.get('sql_header') %}{{ config.get('sql_header') }};{% endif %}
  create or replace view {{ relation }} as (
{{ sql }}
  )
{%- endmacro %}

{% macro h2__create_view_as(relation, sql) -%}
  {%- if config.get('sql_header') %}{{ config.get('sql_header') }};{% endif %}
  create or replace view {{ relation }} as select * from (
{{ sql }}
  )
{%- endmacro %}

{% macro drop_relation(relation) -%}
  {{ return(adapter.dispatch('drop_relation', 'dbt')(relation)) }}
{%- endmacro %}

{% macro default__drop_relation(relation) -%}
  drop {{ relation.type }} if exists {{ relation }} cascade
{%- endmacro %}

{% macro rename_relation(from_relation, to_relation) -%}
  {{ return(adapter.dispatch('rename_relation', 'dbt')(from_relation, to_relation)) }}
{%- endmacro %}

{% macro default__rename_relation(from_relation, to_relation) -%}
  alter {{ from_relation.type }} {{ from_relation }} rename to {{ adapter.quote(to_relation.identifier) }}
{%- endmacro %}

{% macro get_quoted_csv(column_names) -%}
  {%- set quoted = [] -%}
  {%- for col in column_names -%}
    {%- do quoted.append(adapter.quote(col)) -%}
  {%- endfor -%}
  {{ return(quoted | join(', ')) }}
{%- endmacro %}

{% macro get_merge_sql(target, source, unique_key, dest_columns, incremental_predicates=none) -%}
  {{ return(adapter.dispatch('get_merge_sql', 'dbt')(target, source, unique_key, dest_columns, incremental_predicates)) }}
{%- endmacro %}

{% macro default__get_merge_sql(target, source, unique_key, dest_columns, incremental_predicates=none) -%}
  {%- set predicates = [] -%}
  {%- for predicate in (incremental_predicates or []) -%}
    {%- do predicates.append(predicate) -%}
  {%- endfor -%}
  {%- set names = [] -%}
  {%- for column in dest_columns -%}
    {%- do names.append(column.name) -%}
  {%- endfor -%}
  {%- set keys = [unique_key] if unique_key is string else (unique_key or []) -%}
  {%- for key in keys -%}
    {%- do predicates.append('DBT_INTERNAL_SOURCE.' ~ key ~ ' = DBT_INTERNAL_DEST.' ~ key) -%}
  {%- endfor -%}
  {%- if predicates | length == 0 -%}
    {%- do predicates.append('FALSE') -%}
  {%- endif -%}
  {%- set update_columns = config.get('merge_update_columns') or names -%}
  {%- set excluded = config.get('merge_exclude_columns') or [] -%}
  merge into {{ target }} as DBT_INTERNAL_DEST
  using {{ source }} as DBT_INTERNAL_SOURCE
  on ({{ predicates | join(') and (') }})
  {%- if keys | length > 0 %}
  when matched then update set
    {%- for name in update_columns if name not in excluded %}
    {{ adapter.quote(name) }} = DBT_INTERNAL_SOURCE.{{ adapter.quote(name) }}{{ "," if not loop.last }}
    {%- endfor %}
  {%- endif %}
  when not matched then insert ({{ get_quoted_csv(names) }})
  values ({% for name in names %}DBT_INTERNAL_SOURCE.{{ adapter.quote(name) }}{{ ", " if not loop.last }}{% endfor %})
{%- endmacro %}

{% macro get_delete_insert_merge_sql(target, source, unique_key, dest_columns, incremental_predicates=none) -%}
  {{ return(adapter.dispatch('get_delete_insert_merge_sql', 'dbt')(target, source, unique_key, dest_columns, incremental_predicates)) }}
{%- endmacro %}

{% macro default__get_delete_insert_merge_sql(target, source, unique_key, dest_columns, incremental_predicates=none) -%}
  {%- set names = [] -%}
  {%- for column in dest_columns -%}
    {%- do names.append(column.name) -%}
  {%- endfor -%}
  {%- set keys = [unique_key] if unique_key is string else (unique_key or []) -%}
  {%- if keys | length > 0 %}
  delete from {{ target }} as DBT_INTERNAL_DEST
  where exists (
    select 1 from {{ source }} as DBT_INTERNAL_SOURCE
    where {% for key in keys %}DBT_INTERNAL_SOURCE.{{ key }} = DBT_INTERNAL_DEST.{{ key }}{{ " and " if not loop.last }}{% endfor %}
  )
  {%- for predicate in (incremental_predicates or []) %}
    and {{ predicate }}
  {%- endfor %};
  {%- endif %}
  insert into {{ target }} ({{ get_quoted_csv(names) }})
  select {{ get_quoted_csv(names) }} from {{ source }}
{%- endmacro %}

{% macro get_incremental_append_sql(arg_dict) -%}
  {{ return(adapter.dispatch('get_incremental_append_sql', 'dbt')(arg_dict)) }}
{%- endmacro %}

{% macro default__get_incremental_append_sql(arg_dict) -%}
  {{ return(get_insert_into_sql(arg_dict['target_relation'], arg_dict['temp_relation'], arg_dict['dest_columns'])) }}
{%- endmacro %}

{% macro get_insert_into_sql(target_relation, temp_relation, dest_columns) -%}
  {%- set names = [] -%}
  {%- for column in dest_columns -%}
    {%- do names.append(column.name) -%}
  {%- endfor -%}
  insert into {{ target_relation }} ({{ get_quoted_csv(names) }})
  select {{ get_quoted_csv(names) }} from {{ temp_relation }}
{%- endmacro %}

{#- dbt's incremental strategy macros: get_incremental_<strategy>_sql(arg_dict), each dispatched, so a
    project overrides one strategy (or adds its own) as in dbt. 'default' is what a model without
    incremental_strategy gets. -#}

{% macro get_incremental_default_sql(arg_dict) -%}
  {{ return(adapter.dispatch('get_incremental_default_sql', 'dbt')(arg_dict)) }}
{%- endmacro %}

{#- This engine's default before dbt 1.x adapters picked their own: append without a unique_key,
    delete+insert with one. -#}
{% macro default__get_incremental_default_sql(arg_dict) -%}
  {%- if arg_dict['unique_key'] is none -%}
    {{ return(get_incremental_append_sql(arg_dict)) }}
  {%- else -%}
    {{ return(get_incremental_delete_insert_sql(arg_dict)) }}
  {%- endif -%}
{%- endmacro %}

{% macro get_incremental_merge_sql(arg_dict) -%}
  {{ return(adapter.dispatch('get_incremental_merge_sql', 'dbt')(arg_dict)) }}
{%- endmacro %}

{% macro default__get_incremental_merge_sql(arg_dict) -%}
  {{ return(get_merge_sql(arg_dict['target_relation'], arg_dict['temp_relation'], arg_dict['unique_key'],
      arg_dict['dest_columns'], arg_dict['incremental_predicates'])) }}
{%- endmacro %}

{% macro get_incremental_delete_insert_sql(arg_dict) -%}
  {{ return(adapter.dispatch('get_incremental_delete_insert_sql', 'dbt')(arg_dict)) }}
{%- endmacro %}

{% macro default__get_incremental_delete_insert_sql(arg_dict) -%}
  {{ return(get_delete_insert_merge_sql(arg_dict['target_relation'], arg_dict['temp_relation'], arg_dict['unique_key'],
      arg_dict['dest_columns'], arg_dict['incremental_predicates'])) }}
{%- endmacro %}

{#- Only adapters that implement it (<adapter>__get_incremental_insert_overwrite_sql) accept the strategy;
    the engine checks that before anything runs. -#}
{% macro get_incremental_insert_overwrite_sql(arg_dict) -%}
  {{ return(adapter.dispatch('get_incremental_insert_overwrite_sql', 'dbt')(arg_dict)) }}
{%- endmacro %}

{#- A temporary view over the model's SQL, where the warehouse has session-scoped views (Snowflake). -#}
{% macro create_view_as_with_temp_flag(relation, sql, is_temporary=False) -%}
  {{ return(adapter.dispatch('create_view_as_with_temp_flag', 'dbt')(relation, sql, is_temporary)) }}
{%- endmacro %}

{% macro default__create_view_as_with_temp_flag(relation, sql, is_temporary=False) -%}
  {%- if is_temporary -%}
    {{ exceptions.raise_compiler_error("Temporary views are not supported by the " ~ adapter.type() ~ " adapter") }}
  {%- endif -%}
  {{ return(create_view_as(relation, sql)) }}
{%- endmacro %}

{% macro alter_relation_add_remove_columns(relation, add_columns=none, remove_columns=none) -%}
  {{ return(adapter.dispatch('alter_relation_add_remove_columns', 'dbt')(relation, add_columns, remove_columns)) }}
{%- endmacro %}

{#- One column per statement: neither DuckDB nor H2 takes a list in one alter table. -#}
{% macro default__alter_relation_add_remove_columns(relation, add_columns, remove_columns) -%}
  {%- for column in (add_columns or []) %}
  alter {{ relation.type }} {{ relation }} add column {{ adapter.quote(column.name) }} {{ column.data_type }};
  {%- endfor %}
  {%- for column in (remove_columns or []) %}
  alter {{ relation.type }} {{ relation }} drop column {{ adapter.quote(column.name) }};
  {%- endfor %}
{%- endmacro %}

{% macro alter_column_type(relation, column_name, new_column_type) -%}
  {{ return(adapter.dispatch('alter_column_type', 'dbt')(relation, column_name, new_column_type)) }}
{%- endmacro %}

{#- dbt's portable way: a new column, copied, the old one dropped, the new one renamed. -#}
{% macro default__alter_column_type(relation, column_name, new_column_type) -%}
  {%- set tmp_column = column_name ~ "__dbt_alter" -%}
  alter table {{ relation }} add column {{ adapter.quote(tmp_column) }} {{ new_column_type }};
  update {{ relation }} set {{ adapter.quote(tmp_column) }} = cast({{ adapter.quote(column_name) }} as {{ new_column_type }});
  alter table {{ relation }} drop column {{ adapter.quote(column_name) }} cascade;
  alter table {{ relation }} rename column {{ adapter.quote(tmp_column) }} to {{ adapter.quote(column_name) }}
{%- endmacro %}

{% macro duckdb__alter_column_type(relation, column_name, new_column_type) -%}
  alter table {{ relation }} alter column {{ adapter.quote(column_name) }} type {{ new_column_type }}
{%- endmacro %}

{% macro h2__alter_column_type(relation, column_name, new_column_type) -%}
  alter table {{ relation }} alter column {{ adapter.quote(column_name) }} set data type {{ new_column_type }}
{%- endmacro %}

{% macro alter_relation_comment(relation, relation_comment) -%}
  {{ return(adapter.dispatch('alter_relation_comment', 'dbt')(relation, relation_comment)) }}
{%- endmacro %}

{% macro default__alter_relation_comment(relation, relation_comment) -%}
  comment on {{ relation.type }} {{ relation }} is '{{ relation_comment | replace("'", "''") }}'
{%- endmacro %}

{#- H2 keeps comments of views as of tables. -#}
{% macro h2__alter_relation_comment(relation, relation_comment) -%}
  comment on table {{ relation }} is '{{ relation_comment | replace("'", "''") }}'
{%- endmacro %}

{% macro alter_column_comment(relation, column_dict) -%}
  {{ return(adapter.dispatch('alter_column_comment', 'dbt')(relation, column_dict)) }}
{%- endmacro %}

{% macro default__alter_column_comment(relation, column_dict) -%}
  {%- for column_name in column_dict %}
  {%- set column = column_dict[column_name] %}
  {%- if column.description %}
  comment on column {{ relation }}.{{ adapter.quote(column_name) if column.quote else column_name }} is '{{ column.description | replace("'", "''") }}';
  {%- endif %}
  {%- endfor %}
{%- endmacro %}

{#- For project materializations: pre_hooks and post_hooks arrive rendered. -#}
{% macro run_hooks(hooks, inside_transaction=True) -%}
  {%- for hook in hooks -%}
    {%- set sql = hook.get('sql') | trim -%}
    {%- if sql | length > 0 -%}
      {%- call statement(auto_begin=inside_transaction) -%}{{ sql }}{%- endcall -%}
    {%- endif -%}
  {%- endfor -%}
{%- endmacro %}
