{#- Snowflake's versions of the dispatched macros, in dbt-snowflake's SQL shapes. A project overrides
    any of them by defining a macro of the same name. Relations render unquoted (Snowflake folds them
    to upper case); column names from the catalog are quoted as stored. Statements are separated by ';'. -#}

{#- 'dynamic table' for the model's own relation when it is one (the catalog lists those as tables). -#}
{% macro snowflake_relation_kind(relation) -%}
  {%- if relation.is_table and config.get('materialized') == 'dynamic_table' -%}
    dynamic table
  {%- else -%}
    {{ relation.type }}
  {%- endif -%}
{%- endmacro %}

{% macro snowflake_config_flag(name, default) -%}
  {%- set value = config.get(name, default) -%}
  {%- if value is string -%}
    {{ return(value | lower in ['true', 'yes', '1']) }}
  {%- endif -%}
  {{ return(value is not none and value) }}
{%- endmacro %}

{#- dbt-snowflake's snowflake__create_table_as: transient unless `transient: false`, `copy grants`, and
    cluster_by as an ordered load plus `alter table ... cluster by`, `resume recluster` with
    automatic_clustering. Temporary tables (incremental and snapshot staging) take none of these. -#}
{% macro snowflake__create_table_as(temporary, relation, sql) -%}
  {%- set sql_header = config.get('sql_header') -%}
  {%- if sql_header %}{{ sql_header }};
{% endif -%}
  {%- if temporary -%}
create or replace temporary table {{ relation }} as (
{{ sql }}
)
  {%- else -%}
    {%- set cluster_by = config.get('cluster_by') -%}
    {%- if cluster_by is string -%}{%- set cluster_by = [cluster_by] -%}{%- endif -%}
    {%- set cluster_by_string = cluster_by | join(', ') if cluster_by else none -%}
create or replace {% if snowflake_config_flag('transient', true) %}transient {% endif %}table {{ relation }}
{%- if snowflake_config_flag('copy_grants', false) %} copy grants{% endif %} as (
{% if cluster_by_string -%}
select * from (
{{ sql }}
) order by ({{ cluster_by_string }})
{%- else -%}
{{ sql }}
{%- endif %}
)
    {%- if cluster_by_string %};
alter table {{ relation }} cluster by ({{ cluster_by_string }})
      {%- if snowflake_config_flag('automatic_clustering', false) %};
alter table {{ relation }} resume recluster
      {%- endif -%}
    {%- endif -%}
  {%- endif -%}
{%- endmacro %}

{#- dbt-snowflake's snowflake__create_view_as_with_temp_flag: `secure`, `temporary` (the incremental
    staging view) and `copy grants`. -#}
{% macro snowflake__create_view_as_with_temp_flag(relation, sql, is_temporary=False) -%}
  {%- set sql_header = config.get('sql_header') -%}
  {%- if sql_header %}{{ sql_header }};
{% endif -%}
create or replace {% if snowflake_config_flag('secure', false) %}secure {% endif %}
{%- if is_temporary %}temporary {% endif %}view {{ relation }}
{%- if snowflake_config_flag('copy_grants', false) and not is_temporary %} copy grants{% endif %} as (
{{ sql }}
)
{%- endmacro %}

{% macro snowflake__create_view_as(relation, sql) -%}
  {{ return(snowflake__create_view_as_with_temp_flag(relation, sql, False)) }}
{%- endmacro %}

{#- Snowflake resolves an unqualified new name against the session's schema: the target is qualified. -#}
{% macro snowflake__rename_relation(from_relation, to_relation) -%}
  alter {{ snowflake_relation_kind(from_relation) }} {{ from_relation }} rename to {{ to_relation }}
{%- endmacro %}

{#- dbt-snowflake's snowflake_dml_explicit_transaction: DML in an explicit transaction, so the
    statements of one strategy commit together. -#}
{% macro snowflake_dml_explicit_transaction(dml) -%}
begin;
{{ dml }};
commit
{%- endmacro %}

{#- dbt-snowflake's tmp_relation_type rule: a temporary view where the strategy runs one statement over
    the new rows, a temporary table where delete+insert reads them twice (a unique_key). -#}
{% macro dbt_snowflake_get_tmp_relation_type(strategy, unique_key, language='sql') -%}
  {%- set tmp_relation_type = config.get('tmp_relation_type') -%}
  {%- if strategy == 'delete+insert' and tmp_relation_type is not none and tmp_relation_type != 'table'
        and unique_key is not none -%}
    {{ exceptions.raise_compiler_error("In order to maintain consistent results when `unique_key` is not none,
      the `delete+insert` strategy only supports `table` for `tmp_relation_type` but "
      ~ tmp_relation_type ~ " was specified.") }}
  {%- endif -%}
  {%- if language != 'sql' or tmp_relation_type == 'table' -%}
    {{ return('table') }}
  {%- elif tmp_relation_type == 'view' -%}
    {{ return('view') }}
  {%- elif strategy in ['default', 'merge', 'append', 'insert_overwrite'] -%}
    {{ return('view') }}
  {%- elif strategy == 'delete+insert' and unique_key is none -%}
    {{ return('view') }}
  {%- else -%}
    {{ return('table') }}
  {%- endif -%}
{%- endmacro %}

{#- dbt-snowflake: the default strategy is merge. -#}
{% macro snowflake__get_incremental_default_sql(arg_dict) -%}
  {{ return(get_incremental_merge_sql(arg_dict)) }}
{%- endmacro %}

{#- dbt-snowflake's snowflake__get_merge_sql: Snowflake refuses a merge on a constant-false predicate, so
    without a unique_key the new rows are inserted. -#}
{% macro snowflake__get_merge_sql(target, source, unique_key, dest_columns, incremental_predicates=none) -%}
  {%- if unique_key is none -%}
    {%- set names = [] -%}
    {%- for column in dest_columns -%}{%- do names.append(column.name) -%}{%- endfor -%}
    {%- set dml -%}
insert into {{ target }} ({{ get_quoted_csv(names) }})
(
    select {{ get_quoted_csv(names) }}
    from {{ source }}
)
    {%- endset -%}
  {%- else -%}
    {%- set dml = default__get_merge_sql(target, source, unique_key, dest_columns, incremental_predicates) -%}
  {%- endif -%}
  {{ return(snowflake_dml_explicit_transaction(dml)) }}
{%- endmacro %}

{#- dbt's default__get_delete_insert_merge_sql shape (a `using` join for a list of keys, `in` for one),
    in an explicit transaction as dbt-snowflake runs it. -#}
{% macro snowflake__get_delete_insert_merge_sql(target, source, unique_key, dest_columns, incremental_predicates=none) -%}
  {%- set names = [] -%}
  {%- for column in dest_columns -%}{%- do names.append(column.name) -%}{%- endfor -%}
  {%- set dest_cols_csv = get_quoted_csv(names) -%}
  {%- set dml -%}
    {%- if unique_key -%}
      {%- if unique_key is string -%}
delete from {{ target }}
where ({{ unique_key }}) in (
    select ({{ unique_key }})
    from {{ source }}
)
      {%- else -%}
delete from {{ target }}
using {{ source }}
where (
    {% for key in unique_key -%}
    {{ source }}.{{ key }} = {{ target }}.{{ key }}{{ " and" if not loop.last }}
    {% endfor -%}
)
      {%- endif -%}
      {%- for predicate in (incremental_predicates or []) %}
    and {{ predicate }}
      {%- endfor %};
{% endif -%}
insert into {{ target }} ({{ dest_cols_csv }})
(
    select {{ dest_cols_csv }}
    from {{ source }}
)
  {%- endset -%}
  {{ return(snowflake_dml_explicit_transaction(dml)) }}
{%- endmacro %}

{% macro snowflake__get_incremental_append_sql(arg_dict) -%}
  {{ return(snowflake_dml_explicit_transaction(default__get_incremental_append_sql(arg_dict))) }}
{%- endmacro %}

{#- dbt-snowflake's insert_overwrite: Snowflake's `insert overwrite` empties the whole table and inserts the
    new rows in one statement (it is not partition-scoped). Columns are overwrite_columns when configured,
    else the table's columns. -#}
{% macro snowflake__get_incremental_insert_overwrite_sql(arg_dict) -%}
  {%- set configured = config.get('overwrite_columns') -%}
  {%- set names = [] -%}
  {%- if configured -%}
    {%- for name in ([configured] if configured is string else configured) -%}{%- do names.append(name) -%}{%- endfor -%}
    {%- set columns_csv = names | join(', ') -%}
  {%- else -%}
    {%- for column in arg_dict['dest_columns'] -%}{%- do names.append(column.name) -%}{%- endfor -%}
    {%- set columns_csv = get_quoted_csv(names) -%}
  {%- endif -%}
  {%- set dml -%}
insert overwrite into {{ arg_dict['target_relation'] }} ({{ columns_csv }})
    select {{ columns_csv }}
    from {{ arg_dict['temp_relation'] }}
  {%- endset -%}
  {{ return(snowflake_dml_explicit_transaction(dml)) }}
{%- endmacro %}

{#- dbt-snowflake adds and drops columns in one statement each. -#}
{% macro snowflake__alter_relation_add_remove_columns(relation, add_columns, remove_columns) -%}
  {%- if add_columns %}
alter {{ relation.type }} {{ relation }} add column
    {%- for column in add_columns %} {{ adapter.quote(column.name) }} {{ column.data_type }}{{ "," if not loop.last }}{% endfor %};
  {%- endif %}
  {%- if remove_columns %}
alter {{ relation.type }} {{ relation }} drop column
    {%- for column in remove_columns %} {{ adapter.quote(column.name) }}{{ "," if not loop.last }}{% endfor %};
  {%- endif %}
{%- endmacro %}

{% macro snowflake__alter_column_type(relation, column_name, new_column_type) -%}
  alter table {{ relation }} alter {{ adapter.quote(column_name) }} set data type {{ new_column_type }}
{%- endmacro %}

{#- persist_docs as dbt-snowflake writes it: $$-quoted text, with '$' written as '[$]' so it cannot end the quote. -#}
{% macro snowflake__alter_relation_comment(relation, relation_comment) -%}
  comment on {{ snowflake_relation_kind(relation) }} {{ relation }} is $${{ relation_comment | replace('$', '[$]') }}$$
{%- endmacro %}

{#- An `alter ... alter <column> comment` for every documented column, named as the relation stores it.
    dbt-snowflake lists them all in one statement; one per column is the same change. -#}
{% macro snowflake__alter_column_comment(relation, column_dict) -%}
  {%- set kind = 'table' if relation.is_table else relation.type -%}
  {%- for column_name in column_dict -%}
    {%- set column = column_dict[column_name] -%}
    {%- if column.description %}
alter {{ kind }} {{ relation }} alter {{ adapter.quote(column.stored_name or column_name) }} comment $${{ column.description | replace('$', '[$]') }}$$;
    {%- endif -%}
  {%- endfor -%}
{%- endmacro %}

{#- dbt-snowflake's snapshot time: the current time in UTC, without a time zone. -#}
{% macro snowflake__snapshot_get_time() -%}
  convert_timezone('UTC', current_timestamp())::timestamp_ntz
{%- endmacro %}

{% macro snowflake__snapshot_merge_sql(target, source, insert_cols) -%}
  {{ return(snowflake_dml_explicit_transaction(default__snapshot_merge_sql(target, source, insert_cols))) }}
{%- endmacro %}

{#- Grants: dbt-snowflake revokes before re-granting only when `copy_grants` kept the old ones, and
    sends one statement per grantee. Grantees are roles. -#}
{% macro snowflake__copy_grants() -%}
  {{ return(snowflake_config_flag('copy_grants', false)) }}
{%- endmacro %}

{% macro snowflake__support_multiple_grantees_per_dcl_statement() -%}
  {{ return(False) }}
{%- endmacro %}

{% macro snowflake__get_show_grant_sql(relation) -%}
  show grants on {{ snowflake_relation_kind(relation) }} {{ relation }}
{%- endmacro %}

{% macro snowflake__get_grant_sql(relation, privilege, grantees) -%}
  grant {{ privilege }} on {{ snowflake_relation_kind(relation) }} {{ relation }} to role {{ grantees | join(', role ') }}
{%- endmacro %}

{% macro snowflake__get_revoke_sql(relation, privilege, grantees) -%}
  revoke {{ privilege }} on {{ snowflake_relation_kind(relation) }} {{ relation }} from role {{ grantees | join(', role ') }}
{%- endmacro %}

{#- Dynamic tables (dbt-snowflake's create/refresh/alter shapes). target_lag and snowflake_warehouse are
    required; refresh_mode (AUTO, FULL, INCREMENTAL) and initialize (ON_CREATE, ON_SCHEDULE) are optional. -#}
{% macro snowflake__get_create_dynamic_table_as_sql(relation, sql) -%}
  {%- set sql_header = config.get('sql_header') -%}
  {%- if sql_header %}{{ sql_header }};
{% endif -%}
create or replace dynamic table {{ relation }}
    target_lag = '{{ config.get('target_lag') }}'
    warehouse = {{ config.get('snowflake_warehouse') }}
    {%- if config.get('refresh_mode') %}
    refresh_mode = {{ config.get('refresh_mode') }}
    {%- endif %}
    {%- if config.get('initialize') %}
    initialize = {{ config.get('initialize') }}
    {%- endif %}
    as (
{{ sql }}
    )
{%- endmacro %}

{% macro snowflake__refresh_dynamic_table(relation) -%}
  alter dynamic table {{ relation }} refresh
{%- endmacro %}

{% macro snowflake__get_alter_dynamic_table_sql(relation, target_lag, snowflake_warehouse) -%}
  alter dynamic table {{ relation }} set
  {%- if target_lag %} target_lag = '{{ target_lag }}'{% endif %}
  {%- if snowflake_warehouse %} warehouse = {{ snowflake_warehouse }}{% endif %}
{%- endmacro %}

{% macro snowflake__describe_dynamic_tables(relation) -%}
  show dynamic tables in schema {{ relation.database }}.{{ relation.schema }}
{%- endmacro %}
