{#- Fails for every combination of `columns` that appears on more than one row: the model's grain. -#}
{% test unique_together(model, columns) %}
select {{ columns | join(', ') }}, count(*) as n_records
from {{ model }}
group by {{ columns | join(', ') }}
having count(*) > 1
{% endtest %}
