{#-
  Division that yields null instead of failing when the denominator is zero (or null).
  Dispatched so an adapter can use the shape that suits it. Not Snowflake's div0null: that
  returns 0, not null, for a zero or null denominator, so a week-over-week growth without a
  previous week would read 0 % instead of unknown.
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
    ({{ numerator }}) / nullif({{ denominator }}, 0)
{%- endmacro %}
