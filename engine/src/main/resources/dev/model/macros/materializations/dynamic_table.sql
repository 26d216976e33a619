{#- materialized='dynamic_table': the warehouse keeps the table up to date by itself within a target
    lag. The engine's strategy exists only on adapters that implement
    <adapter>__get_create_dynamic_table_as_sql (Snowflake); elsewhere a model asking for it fails as in
    dbt ("No materialization 'dynamic_table' was found for adapter ..."). -#}

{% macro get_create_dynamic_table_as_sql(relation, sql) -%}
  {{ return(adapter.dispatch('get_create_dynamic_table_as_sql', 'dbt')(relation, sql)) }}
{%- endmacro %}

{% macro refresh_dynamic_table(relation) -%}
  {{ return(adapter.dispatch('refresh_dynamic_table', 'dbt')(relation)) }}
{%- endmacro %}

{#- The settings that can change in place: target_lag and the warehouse (none = unchanged). -#}
{% macro get_alter_dynamic_table_sql(relation, target_lag, snowflake_warehouse) -%}
  {{ return(adapter.dispatch('get_alter_dynamic_table_sql', 'dbt')(relation, target_lag, snowflake_warehouse)) }}
{%- endmacro %}

{#- A query whose rows describe the schema's dynamic tables: name, target_lag, warehouse, refresh_mode, text. -#}
{% macro describe_dynamic_tables(relation) -%}
  {{ return(adapter.dispatch('describe_dynamic_tables', 'dbt')(relation)) }}
{%- endmacro %}
