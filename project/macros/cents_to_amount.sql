{#- Converts an integer amount in cents into a decimal amount in the shop currency. -#}
{% macro cents_to_amount(column_name, scale=2) -%}
    cast(({{ column_name }}) / 100.0 as decimal(18, {{ scale }}))
{%- endmacro %}
