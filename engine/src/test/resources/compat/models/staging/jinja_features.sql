{#- macros returning a list and a dict, log, print, exceptions, modules, set blocks, loops,
    Python string methods, a macro whose defaults contain commas and parentheses -#}
{%- set statuses = compat_statuses() -%}
{%- set limits = compat_limits() -%}
{%- set column_list -%}
    event_id, event_type
{%- endset -%}
{%- do log("compiling jinja_features", info=False) -%}
{{- print("print from jinja_features") -}}
{%- if var("override_me") == "never" -%}
    {{ exceptions.raise_compiler_error("override_me must not be 'never'") }}
{%- endif -%}
{%- do exceptions.warn("a warning from jinja_features") -%}
select
    {{ column_list | trim }},
    {%- for status in statuses %}
    {{ loop.index }} as status_{{ status }},
    {%- endfor %}
    {{ limits['low'] }} as limit_low,
    {{ limits['high'] }} as limit_high,
    '{{ "Mixed Case".upper() }}' as upper_text,
    '{{ "Mixed Case".lower() }}' as lower_text,
    {{ 'true' if 'order_created'.startswith('order_') else 'false' }} as starts_with_order,
    '{{ "a,b,c".split(",") | join("|") }}' as split_joined,
    '{{ "order-created".replace("-", "_") }}' as replaced,
    '{{ "{}_{}".format("event", 42) }}' as formatted,
    '{{ "  padded  ".strip() }}' as stripped,
    '{{ "-".join(["x", "y", "z"]) }}' as joined,
    '{{ modules.datetime.date(2024, 1, 31).strftime("%Y-%m") }}' as month_label,
    '{{ modules.re.sub("[^a-z]+", "_", "order created!") }}' as re_sub,
    {{ 'true' if modules.re.match("^ord", "order") else 'false' }} as re_match,
    {{ compat_in_list('event_type', ['order_created', 'order_paid']) }} as is_known,
    {{ compat_join_sql(['event_id', 'event_type']) }} as joined_sql,
    {{ compat_defaults_echo() }} as defaults_echo
from {{ ref('stg_events') }}
