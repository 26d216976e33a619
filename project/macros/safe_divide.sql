{#-
  Division that yields null instead of failing when the denominator is zero.
  Dispatched so an adapter can use its native function (e.g. Snowflake's div0null).
-#}
{% macro safe_divide(numerator, denominator) -%}
    {{ return(adapter.dispatch('safe_divide', 'shop')(numerator, denominator)) }}
{%- endmacro %}

{% macro default__safe_divide(numerator, denominator) -%}
    case when ({{ denominator }}) = 0 then null else ({{ numerator }}) / ({{ denominator }}) end
{%- endmacro %}

{% macro duckdb__safe_divide(numerator, denominator) -%}
    ({{ numerator }}) / nullif({{ denominator }}, 0)
{%- endmacro %}

{% macro snowflake__safe_divide(numerator, denominator) -%}
    div0null({{ numerator }}, {{ denominator }})
{%- endmacro %}
