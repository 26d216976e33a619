{% macro compat_add_one(expression) -%}
    {{ return(adapter.dispatch('compat_add_one', 'compat')(expression)) }}
{%- endmacro %}

{% macro default__compat_add_one(expression) -%}
    ({{ expression }}) + 1
{%- endmacro %}

{% macro duckdb__compat_add_one(expression) -%}
    add({{ expression }}, 1)
{%- endmacro %}
