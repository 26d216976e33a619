{#- Fails for every row where the column is zero or negative (nulls are left to not_null). -#}
{% test is_positive(model, column_name, allow_zero=false) %}
select {{ column_name }}
from {{ model }}
where {{ column_name }} {{ '<' if allow_zero else '<=' }} 0
{% endtest %}
