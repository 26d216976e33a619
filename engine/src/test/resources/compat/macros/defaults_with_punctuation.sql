{#- Defaults containing quoted commas and parentheses. -#}
{% macro compat_join_sql(columns, delimiter_text="', '", wrapper='coalesce(x, y)') -%}
    {{ columns | join(' || ' ~ delimiter_text ~ ' || ') }}
{%- endmacro %}

{% macro compat_in_list(column_name, values, quote_char="'", empty_value='(null)') -%}
    {%- if values | length == 0 -%}
        {{ column_name }} in {{ empty_value }}
    {%- else -%}
        {{ column_name }} in ({% for value in values %}{{ quote_char }}{{ value }}{{ quote_char }}{% if not loop.last %}, {% endif %}{% endfor %})
    {%- endif -%}
{%- endmacro %}

{#- Echoes its defaults so a wrongly split signature shows up in the compiled SQL. -#}
{% macro compat_defaults_echo(delimiter_text="','", order_by='count(*) desc', pair=(1, 2)) -%}
    '{{ delimiter_text | replace("'", "''") }} / {{ order_by }} / {{ pair | length }}'
{%- endmacro %}
