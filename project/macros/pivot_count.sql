{#- One `count_if`-style column per value: sum(case when <column> = '<value>' then 1 else 0 end) as <prefix><value>. -#}
{% macro pivot_count(column_name, values, prefix='') -%}
    {%- for value in values %}
    sum(case when {{ column_name }} = '{{ value }}' then 1 else 0 end) as {{ prefix ~ value }}
    {%- if not loop.last %},{% endif %}
    {%- endfor %}
{%- endmacro %}
