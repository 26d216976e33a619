{% macro dateadd(datepart, interval, from_date_or_timestamp) -%}
  {{ return(adapter.dispatch('dateadd', 'dbt')(datepart, interval, from_date_or_timestamp)) }}
{%- endmacro %}

{% macro default__dateadd(datepart, interval, from_date_or_timestamp) -%}
    dateadd(
        {{ datepart }},
        {{ interval }},
        {{ from_date_or_timestamp }}
        )
{%- endmacro %}


{% macro h2__dateadd(datepart, interval, from_date_or_timestamp) -%}
    dateadd({{ datepart }}, {{ interval }}, {{ from_date_or_timestamp }})
{%- endmacro %}

{% macro datediff(first_date, second_date, datepart) -%}
  {{ return(adapter.dispatch('datediff', 'dbt')(first_date, second_date, datepart)) }}
{%- endmacro %}

{% macro default__datediff(first_date, second_date, datepart) -%}
    datediff(
        {{ datepart }},
        {{ first_date }},
        {{ second_date }}
        )
{%- endmacro %}


{% macro date_trunc(datepart, date) -%}
  {{ return(adapter.dispatch('date_trunc', 'dbt')(datepart, date)) }}
{%- endmacro %}

{% macro default__date_trunc(datepart, date) -%}
    date_trunc('{{ datepart }}', {{ date }})
{%- endmacro %}

{% macro safe_cast(field, type) -%}
  {{ return(adapter.dispatch('safe_cast', 'dbt')(field, type)) }}
{%- endmacro %}

{% macro default__safe_cast(field, type) -%}
    cast({{ field }} as {{ type }})
{%- endmacro %}


{% macro concat(fields) -%}
  {{ return(adapter.dispatch('concat', 'dbt')(fields)) }}
{%- endmacro %}

{% macro default__concat(fields) -%}
    {{ fields|join(' || ') }}
{%- endmacro %}

{% macro hash(field) -%}
  {{ return(adapter.dispatch('hash', 'dbt')(field)) }}
{%- endmacro %}

{% macro default__hash(field) -%}
    md5(cast({{ field }} as {{ dbt.type_string() }}))
{%- endmacro %}

{% macro any_value(expression) -%}
  {{ return(adapter.dispatch('any_value', 'dbt')(expression)) }}
{%- endmacro %}

{% macro default__any_value(expression) -%}
    any_value({{ expression }})
{%- endmacro %}

{% macro bool_or(expression) -%}
  {{ return(adapter.dispatch('bool_or', 'dbt')(expression)) }}
{%- endmacro %}

{% macro default__bool_or(expression) -%}
    bool_or({{ expression }})
{%- endmacro %}

{% macro split_part(string_text, delimiter_text, part_number) -%}
  {{ return(adapter.dispatch('split_part', 'dbt')(string_text, delimiter_text, part_number)) }}
{%- endmacro %}

{% macro default__split_part(string_text, delimiter_text, part_number) -%}
    split_part(
        {{ string_text }},
        {{ delimiter_text }},
        {{ part_number }}
        )
{%- endmacro %}

{% macro replace(field, old_chars, new_chars) -%}
  {{ return(adapter.dispatch('replace', 'dbt')(field, old_chars, new_chars)) }}
{%- endmacro %}

{% macro default__replace(field, old_chars, new_chars) -%}
    replace(
        {{ field }},
        {{ old_chars }},
        {{ new_chars }}
    )
{%- endmacro %}

{% macro length(expression) -%}
  {{ return(adapter.dispatch('length', 'dbt')(expression)) }}
{%- endmacro %}

{% macro default__length(expression) -%}
    length(
        {{ expression }}
    )
{%- endmacro %}

{% macro position(substring_text, string_text) -%}
  {{ return(adapter.dispatch('position', 'dbt')(substring_text, string_text)) }}
{%- endmacro %}

{% macro default__position(substring_text, string_text) -%}
    position(
        {{ substring_text }} in {{ string_text }}
    )
{%- endmacro %}

{% macro right(string_text, length_expression) -%}
  {{ return(adapter.dispatch('right', 'dbt')(string_text, length_expression)) }}
{%- endmacro %}

{% macro default__right(string_text, length_expression) -%}
    right(
        {{ string_text }},
        {{ length_expression }}
    )
{%- endmacro %}

{% macro cast_bool_to_text(field) -%}
  {{ return(adapter.dispatch('cast_bool_to_text', 'dbt')(field)) }}
{%- endmacro %}

{% macro default__cast_bool_to_text(field) -%}
    cast({{ field }} as {{ dbt.type_string() }})
{%- endmacro %}

{% macro escape_single_quotes(expression) -%}
  {{ return(adapter.dispatch('escape_single_quotes', 'dbt')(expression)) }}
{%- endmacro %}

{% macro default__escape_single_quotes(expression) -%}
    {{ expression | replace("'","''") }}
{%- endmacro %}

{% macro string_literal(value) -%}
  {{ return(adapter.dispatch('string_literal', 'dbt')(value)) }}
{%- endmacro %}

{% macro default__string_literal(value) -%}
    '{{ value }}'
{%- endmacro %}

{% macro array_construct(inputs=[], data_type='integer') -%}
  {{ return(adapter.dispatch('array_construct', 'dbt')(inputs, data_type)) }}
{%- endmacro %}

{% macro default__array_construct(inputs, data_type) -%}
    {%- if inputs | length > 0 -%}
    array[ {{ inputs|join(' , ') }} ]
    {%- else -%}
    array[]::{{ data_type }}[]
    {%- endif -%}
{%- endmacro %}


{% macro last_day(date, datepart) -%}
  {{ return(adapter.dispatch('last_day', 'dbt')(date, datepart)) }}
{%- endmacro %}

{% macro default__last_day(date, datepart) -%}
    cast(
        {{ dbt.dateadd('day', '-1',
        dbt.dateadd(datepart, '1', dbt.date_trunc(datepart, date))
        )}}
        as date)
{%- endmacro %}

{% macro current_timestamp() -%}
  {{ return(adapter.dispatch('current_timestamp', 'dbt')()) }}
{%- endmacro %}

{% macro default__current_timestamp() -%}
    {{ exceptions.raise_not_implemented('current_timestamp macro not implemented for adapter ' + adapter.type()) }}
{%- endmacro %}

{% macro duckdb__current_timestamp() -%}
    now()
{%- endmacro %}

{% macro h2__current_timestamp() -%}
    current_timestamp
{%- endmacro %}

{% macro listagg(measure, delimiter_text="','", order_by_clause=none, limit_num=none) -%}
  {{ return(adapter.dispatch('listagg', 'dbt')(measure, delimiter_text, order_by_clause, limit_num)) }}
{%- endmacro %}

{% macro default__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
    {% if limit_num -%}
    array_to_string(
        array_slice(
            array_agg(
                {{ measure }}
            ){% if order_by_clause -%}
            within group ({{ order_by_clause }})
            {%- endif %}
            ,0
            ,{{ limit_num }}
        ),
        {{ delimiter_text }}
        )
    {%- else %}
    listagg(
        {{ measure }},
        {{ delimiter_text }}
        )
        {% if order_by_clause -%}
        within group ({{ order_by_clause }})
        {%- endif %}
    {%- endif %}
{%- endmacro %}

{% macro duckdb__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
    {% if limit_num -%}
    list_aggr(
        (array_agg(
            {{ measure }}
            {% if order_by_clause -%}
            {{ order_by_clause }}
            {%- endif %}
        ))[1:{{ limit_num }}],
        'string_agg',
        {{ delimiter_text }}
        )
    {%- else %}
    string_agg(
        {{ measure }},
        {{ delimiter_text }}
        {% if order_by_clause -%}
        {{ order_by_clause }}
        {%- endif %}
        )
    {%- endif %}
{%- endmacro %}

{% macro type_string() -%}
  {{ return(adapter.dispatch('type_string', 'dbt')()) }}
{%- endmacro %}

{% macro default__type_string() -%}
    {{ return('TEXT') }}
{%- endmacro %}

{% macro h2__type_string() -%}
    {{ return('VARCHAR') }}
{%- endmacro %}


{% macro type_int() -%}
  {{ return(adapter.dispatch('type_int', 'dbt')()) }}
{%- endmacro %}

{% macro default__type_int() -%}
    {{ return('INT') }}
{%- endmacro %}

{# dbt-duckdb's column type labels have no INTEGER entry, so the name passes through as written #}
{% macro duckdb__type_int() -%}
    {{ return('integer') }}
{%- endmacro %}

{% macro type_bigint() -%}
  {{ return(adapter.dispatch('type_bigint', 'dbt')()) }}
{%- endmacro %}

{% macro default__type_bigint() -%}
    {{ return('bigint') }}
{%- endmacro %}

{% macro type_float() -%}
  {{ return(adapter.dispatch('type_float', 'dbt')()) }}
{%- endmacro %}

{% macro default__type_float() -%}
    {{ return('FLOAT') }}
{%- endmacro %}

{% macro type_numeric() -%}
  {{ return(adapter.dispatch('type_numeric', 'dbt')()) }}
{%- endmacro %}

{% macro default__type_numeric() -%}
    {{ return('numeric(28,6)') }}
{%- endmacro %}

{% macro type_timestamp() -%}
  {{ return(adapter.dispatch('type_timestamp', 'dbt')()) }}
{%- endmacro %}

{% macro default__type_timestamp() -%}
    {{ return('TIMESTAMP') }}
{%- endmacro %}

{% macro type_boolean() -%}
  {{ return(adapter.dispatch('type_boolean', 'dbt')()) }}
{%- endmacro %}

{% macro default__type_boolean() -%}
    {{ return('BOOLEAN') }}
{%- endmacro %}

{# DuckDB: interval arithmetic instead of dateadd(), as dbt-duckdb does #}
{% macro duckdb__dateadd(datepart, interval, from_date_or_timestamp) -%}
    ({{ from_date_or_timestamp }} + cast({{ interval }} as bigint) * interval 1 {{ datepart }})
{%- endmacro %}

{% macro duckdb__any_value(expression) -%}
    arbitrary({{ expression }})
{%- endmacro %}

{% macro duckdb__split_part(string_text, delimiter_text, part_number) -%}
    {%- if part_number >= 0 -%}
    coalesce(string_split({{ string_text }}, {{ delimiter_text }})[ {{ part_number }} ], '')
    {%- else -%}
    coalesce(string_split({{ string_text }}, {{ delimiter_text }})[ length(string_split({{ string_text }}, {{ delimiter_text }})) + 1 + ({{ part_number }}) ], '')
    {%- endif -%}
{%- endmacro %}

{% macro duckdb__last_day(date, datepart) -%}
    {%- if datepart == 'quarter' -%}
    cast(
        {{ dbt.dateadd('day', '-1', dbt.dateadd('month', '3', dbt.date_trunc(datepart, date))) }}
        as date)
    {%- else -%}
    {{ dbt.default__last_day(date, datepart) }}
    {%- endif -%}
{%- endmacro %}

{# DuckDB: datediff counted on calendar boundaries per datepart, as dbt-duckdb does #}
{# dbt-duckdb 1.10: DuckDB's own date_diff, on timestamps, for every datepart #}
{% macro duckdb__datediff(first_date, second_date, datepart) -%}
    (date_diff('{{ datepart }}', {{ first_date }}::timestamp, {{ second_date }}::timestamp ))
{%- endmacro %}

{# H2 has no md5(): HASH('MD5', ...) gives bytes #}
{% macro h2__hash(field) -%}
    lower(rawtohex(hash('MD5', cast({{ field }} as {{ dbt.type_string() }}))))
{%- endmacro %}

{# ---- Snowflake: the cross-database macros dbt-snowflake overrides. dateadd, datediff,
   date_trunc, listagg, hash, split_part, any_value and the type names use the defaults above,
   which are already Snowflake syntax (dbt-snowflake keeps dbt-core's defaults for them too). #}

{# The current instant in UTC, as dbt-snowflake renders it (a TIMESTAMP_TZ) #}
{% macro snowflake__current_timestamp() -%}
    convert_timezone('UTC', current_timestamp())
{%- endmacro %}

{% macro snowflake__bool_or(expression) -%}
    boolor_agg({{ expression }})
{%- endmacro %}

{% macro snowflake__array_construct(inputs, data_type) -%}
    array_construct( {{ inputs | join(' , ') }} )
{%- endmacro %}

{# Snowflake string literals escape a quote with a backslash #}
{% macro snowflake__escape_single_quotes(expression) -%}
    {{ expression | replace("'", "\\'") }}
{%- endmacro %}

{# A length of 0 gives the empty string, as in dbt-snowflake #}
{% macro snowflake__right(string_text, length_expression) -%}
    case when {{ length_expression }} = 0
        then ''
    else
        right(
            {{ string_text }},
            {{ length_expression }}
        )
    end
{%- endmacro %}

{# try_cast only takes text and cannot produce a VARIANT: a number is passed as a string literal,
   and a VARIANT is a plain cast, as in dbt-snowflake #}
{% macro snowflake__safe_cast(field, type) -%}
    {%- if type | upper == 'VARIANT' -%}
    cast({{ field }} as {{ type }})
    {%- else -%}
    try_cast({{ dbt.string_literal(field) if field is number else field }} as {{ type }})
    {%- endif -%}
{%- endmacro %}
