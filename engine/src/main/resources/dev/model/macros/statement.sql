{% macro statement(name=None, fetch_result=False, auto_begin=True, language='sql') -%}
    {%- if execute -%}
        {%- set compiled_code = caller() -%}
        {%- set result = adapter.execute(compiled_code, name=name, auto_begin=auto_begin, fetch=fetch_result) -%}
        {%- if name is not none -%}
            {{ store_result(name, response=result[0], agate_table=result[1]) }}
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}
