{#-
  Reading the RAW events' JSON payload the same way on every warehouse. A path is a dotted list of
  object keys, e.g. 'customer.id'.

    {{ json_field('events.payload', 'customer.id', 'varchar') }}
      DuckDB:    cast((events.payload ->> '$.customer.id') as varchar)
      Snowflake: events.payload:customer.id::varchar
      H2:        the value matched in the JSON text (no JSON path functions in H2; see below)

    {{ json_array_elements('events', 'payload', 'lines') }}
      a query: every column of the relation `events`, once per element of the array at the path,
      plus `element` (the element, as JSON) and `element_index` (its position, from 0).
      DuckDB:    select events.*, ... from events, json_each(events.payload, '$.lines') as ...
      Snowflake: select events.*, ... from events, lateral flatten(input => events.payload:lines) as ...
      H2:        the array's flat objects matched in the JSON text (see below)
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
  path in the JSON text and unquotes a string value: right for the uniquely named keys of these
  events, not a general JSON reader (a key repeated at two depths matches its first occurrence,
  escapes inside strings stay escaped, a JSON null and the string "null" both read as null).
-#}
{% macro h2__json_field(json, path, type=none) -%}
    {%- set key = path.split('.') | last -%}
    {%- set text -%}
    trim(both '"' from nullif(regexp_substr(cast({{ json }} as varchar), '"{{ key }}"\s*:\s*("(?:[^"\\]|\\.)*"|[^,}\]\s]*)', 1, 1, '', 1), 'null'))
    {%- endset -%}
    {%- if type -%}
    cast({{ text }} as {{ type }})
    {%- else -%}
    {{ text }}
    {%- endif -%}
{%- endmacro %}

{% macro json_array_elements(relation, json_column, path) -%}
    {{ return(adapter.dispatch('json_array_elements', 'shop')(relation, json_column, path)) }}
{%- endmacro %}

{#- SQL:2016 JSON_TABLE, for warehouses that follow the standard. -#}
{% macro default__json_array_elements(relation, json_column, path) -%}
    select {{ relation }}.*, elements.element, elements.element_number - 1 as element_index
    from {{ relation }},
        json_table({{ relation }}.{{ json_column }}, '$.{{ path }}[*]' columns (
            element_number for ordinality,
            element varchar(4000) format json path '$'
        )) as elements
{%- endmacro %}

{% macro duckdb__json_array_elements(relation, json_column, path) -%}
    select {{ relation }}.*, elements.value as element, cast(elements.key as integer) as element_index
    from {{ relation }}, json_each({{ relation }}.{{ json_column }}, '$.{{ path }}') as elements
{%- endmacro %}

{% macro snowflake__json_array_elements(relation, json_column, path) -%}
    select {{ relation }}.*, elements.value as element, elements.index as element_index
    from {{ relation }}, lateral flatten(input => {{ relation }}.{{ json_column }}:{{ path }}) as elements
{%- endmacro %}

{#-
  H2 can neither read JSON nor unnest per row, so the array's text is cut out of the JSON text
  and its objects are matched one by one, up to 100: right for arrays of flat objects whose
  strings hold no brackets or braces (the order lines), not a general JSON reader.
-#}
{% macro h2__json_array_elements(relation, json_column, path) -%}
    {%- set key = path.split('.') | last -%}
    {%- set array_text -%}
    regexp_substr(cast({{ relation }}.{{ json_column }} as varchar), '"{{ key }}"\s*:\s*(\[[^\]]*\])', 1, 1, '', 1)
    {%- endset -%}
    select * from (
        select
            {{ relation }}.*,
            regexp_substr({{ array_text }}, '\{[^{}]*\}', 1, cast(positions.x + 1 as integer)) as element,
            cast(positions.x as integer) as element_index
        from {{ relation }}
        cross join system_range(0, 99) as positions
    ) as elements
    where element is not null
{%- endmacro %}
