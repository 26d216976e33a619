{#-
  Reading the RAW events' JSON payload the same way on every warehouse. A path is a dotted list of
  object keys, e.g. 'customer.id'.

    {{ json_field('events.payload', 'customer.id', 'varchar') }}
      DuckDB:    cast((events.payload ->> '$.customer.id') as varchar)
      Snowflake: events.payload:customer.id::varchar
      H2:        the value matched in the JSON text (no JSON path functions in H2; see below)

    from events, {{ json_unnest('events.payload', 'lines', 'line') }}
      one row per element of the array at the path, the element as {{ json_element('line') }}
      and its zero-based position as {{ json_element_index('line') }}.
      DuckDB:    json_each(events.payload, '$.lines') as line
      Snowflake: lateral flatten(input => events.payload:lines) as line
-#}
{% macro json_field(json, path, type=none) -%}
    {{ return(adapter.dispatch('json_field', 'shop')(json, path, type)) }}
{%- endmacro %}

{#- SQL:2016 JSON_VALUE, for warehouses that follow the standard. -#}
{% macro default__json_field(json, path, type=none) -%}
    {%- if type -%}
    json_value({{ json }}, '$.{{ path }}' returning {{ type }})
    {%- else -%}
    json_value({{ json }}, '$.{{ path }}')
    {%- endif -%}
{%- endmacro %}

{% macro duckdb__json_field(json, path, type=none) -%}
    {%- if type -%}
    cast(({{ json }} ->> '$.{{ path }}') as {{ type }})
    {%- else -%}
    ({{ json }} ->> '$.{{ path }}')
    {%- endif -%}
{%- endmacro %}

{% macro snowflake__json_field(json, path, type=none) -%}
    {{ json }}:{{ path }}::{{ type or 'varchar' }}
{%- endmacro %}

{#-
  H2 has a JSON type but no function that reads inside it, so this matches the last key of the
  path in the JSON text: right for the flat, uniquely named keys of these events, not a general
  JSON reader (a key repeated at two depths would match the first one).
-#}
{% macro h2__json_field(json, path, type=none) -%}
    {%- set key = path.split('.') | last -%}
    {%- set text -%}
    nullif(regexp_substr(cast({{ json }} as varchar), '"{{ key }}"\s*:\s*"?([^",}\]]*)', 1, 1, '', 1), 'null')
    {%- endset -%}
    {%- if type -%}
    cast({{ text }} as {{ type }})
    {%- else -%}
    {{ text }}
    {%- endif -%}
{%- endmacro %}

{% macro json_unnest(json, path, alias) -%}
    {{ return(adapter.dispatch('json_unnest', 'shop')(json, path, alias)) }}
{%- endmacro %}

{% macro default__json_unnest(json, path, alias) -%}
    {{ exceptions.raise_compiler_error("json_unnest: unnesting a JSON array is not supported on " ~ target.type ~ " (supported: duckdb, snowflake)") }}
{%- endmacro %}

{% macro duckdb__json_unnest(json, path, alias) -%}
    json_each({{ json }}, '$.{{ path }}') as {{ alias }}
{%- endmacro %}

{% macro snowflake__json_unnest(json, path, alias) -%}
    lateral flatten(input => {{ json }}:{{ path }}) as {{ alias }}
{%- endmacro %}

{#- The current element of a json_unnest, as JSON. -#}
{% macro json_element(alias) -%}
    {{ alias }}.value
{%- endmacro %}

{#- The zero-based position of the current element of a json_unnest. -#}
{% macro json_element_index(alias) -%}
    {{ return(adapter.dispatch('json_element_index', 'shop')(alias)) }}
{%- endmacro %}

{% macro default__json_element_index(alias) -%}
    {{ alias }}.index
{%- endmacro %}

{#- json_each's key is the array position as text. -#}
{% macro duckdb__json_element_index(alias) -%}
    cast({{ alias }}.key as integer)
{%- endmacro %}
