{% macro compat_statuses() %}
    {{ return(['created', 'paid', 'cancelled']) }}
{% endmacro %}

{% macro compat_limits() %}
    {{ return({'low': 10, 'high': 1000}) }}
{% endmacro %}
