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
