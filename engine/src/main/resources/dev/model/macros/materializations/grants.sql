{#- dbt's grants: the engine applies a node's `grants` config after it is built (show the current
    grants where some may have carried over, revoke what is no longer configured, grant what is
    new), on warehouses that have grants. The SQL of each step is one of these dispatched macros. -#}

{#- Whether replacing a relation keeps its grants; when it does, the current grants are read and diffed. -#}
{% macro copy_grants() -%}
  {{ return(adapter.dispatch('copy_grants', 'dbt')()) }}
{%- endmacro %}

{% macro default__copy_grants() -%}
  {{ return(True) }}
{%- endmacro %}

{#- `grant p on r to a, b` in one statement, or one statement per grantee. -#}
{% macro support_multiple_grantees_per_dcl_statement() -%}
  {{ return(adapter.dispatch('support_multiple_grantees_per_dcl_statement', 'dbt')()) }}
{%- endmacro %}

{% macro default__support_multiple_grantees_per_dcl_statement() -%}
  {{ return(True) }}
{%- endmacro %}

{% macro get_show_grant_sql(relation) -%}
  {{ return(adapter.dispatch('get_show_grant_sql', 'dbt')(relation)) }}
{%- endmacro %}

{% macro default__get_show_grant_sql(relation) -%}
  show grants on {{ relation }}
{%- endmacro %}

{% macro get_grant_sql(relation, privilege, grantees) -%}
  {{ return(adapter.dispatch('get_grant_sql', 'dbt')(relation, privilege, grantees)) }}
{%- endmacro %}

{% macro default__get_grant_sql(relation, privilege, grantees) -%}
  grant {{ privilege }} on {{ relation }} to {{ grantees | join(', ') }}
{%- endmacro %}

{% macro get_revoke_sql(relation, privilege, grantees) -%}
  {{ return(adapter.dispatch('get_revoke_sql', 'dbt')(relation, privilege, grantees)) }}
{%- endmacro %}

{% macro default__get_revoke_sql(relation, privilege, grantees) -%}
  revoke {{ privilege }} on {{ relation }} from {{ grantees | join(', ') }}
{%- endmacro %}
