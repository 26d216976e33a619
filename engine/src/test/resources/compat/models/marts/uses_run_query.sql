-- The only model that needs a warehouse at compile time: run_query and statement/load_result.
{%- if execute %}
    {%- set answer = run_query('select 42 as answer').columns[0].values()[0] %}
    {%- call statement('pick_word', fetch_result=True) -%}
        select 'forty-two' as word
    {%- endcall %}
    {%- set word = load_result('pick_word')['data'][0][0] %}
{%- else %}
    {%- set answer = 0 %}
    {%- set word = 'unknown' %}
{%- endif %}
select
    {{ answer }} as answer,
    '{{ word }}' as word
