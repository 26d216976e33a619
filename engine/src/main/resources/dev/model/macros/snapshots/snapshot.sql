{#- The SQL pieces of snapshots that projects override most: the row hash and the snapshot time. -#}

{% macro snapshot_hash_arguments(args) -%}
  {{ return(adapter.dispatch('snapshot_hash_arguments', 'dbt')(args)) }}
{%- endmacro %}

{% macro default__snapshot_hash_arguments(args) -%}
    md5({%- for arg in args -%}
        coalesce(cast({{ arg }} as varchar ), '')
        {% if not loop.last %} || '|' || {% endif %}
    {%- endfor -%})
{%- endmacro %}

{#- H2 has no md5(): the same hex digest through HASH('MD5', ...). -#}
{% macro h2__snapshot_hash_arguments(args) -%}
    lower(rawtohex(hash('MD5', {%- for arg in args -%}
        coalesce(cast({{ arg }} as varchar ), '')
        {% if not loop.last %} || '|' || {% endif %}
    {%- endfor -%})))
{%- endmacro %}

{% macro snapshot_get_time() -%}
  {{ return(adapter.dispatch('snapshot_get_time', 'dbt')()) }}
{%- endmacro %}

{% macro default__snapshot_get_time() -%}
    {{ current_timestamp() }}
{%- endmacro %}

{% macro duckdb__snapshot_get_time() -%}
    {{ current_timestamp() }}::timestamp
{%- endmacro %}

{% macro h2__snapshot_get_time() -%}
    localtimestamp
{%- endmacro %}

{#- dbt's snapshot_merge_sql: close the changed and deleted rows' current versions and insert the new
    ones, from the staging relation (source) whose rows carry dbt_change_type. insert_cols arrive quoted. -#}
{% macro snapshot_merge_sql(target, source, insert_cols) -%}
  {{ return(adapter.dispatch('snapshot_merge_sql', 'dbt')(target, source, insert_cols)) }}
{%- endmacro %}

{% macro default__snapshot_merge_sql(target, source, insert_cols) -%}
  {%- set names = config.get('snapshot_meta_column_names') or {} -%}
  {%- set scd_id = names.get('dbt_scd_id') or 'dbt_scd_id' -%}
  {%- set valid_to = names.get('dbt_valid_to') or 'dbt_valid_to' -%}
  {%- set valid_to_current = config.get('dbt_valid_to_current') -%}
merge into {{ target }} as DBT_INTERNAL_DEST
using {{ source }} as DBT_INTERNAL_SOURCE
on DBT_INTERNAL_SOURCE.{{ scd_id }} = DBT_INTERNAL_DEST.{{ scd_id }}
when matched
  and {% if valid_to_current %}(DBT_INTERNAL_DEST.{{ valid_to }} = {{ valid_to_current }} or DBT_INTERNAL_DEST.{{ valid_to }} is null){% else %}DBT_INTERNAL_DEST.{{ valid_to }} is null{% endif %}
  and DBT_INTERNAL_SOURCE.dbt_change_type in ('update', 'delete')
  then update set {{ valid_to }} = DBT_INTERNAL_SOURCE.{{ valid_to }}
when not matched
  and DBT_INTERNAL_SOURCE.dbt_change_type = 'insert'
  then insert ({{ insert_cols | join(', ') }})
  values ({% for col in insert_cols %}DBT_INTERNAL_SOURCE.{{ col }}{{ ", " if not loop.last }}{% endfor %})
{%- endmacro %}
