{{ config(materialized='view') }}

{#- Per customer (both layers), one column per order status and per payment method, driven by the project vars. -#}
select
    customer_id,
    count(*) as order_count,
    {%- for status in var('order_statuses') %}
    sum(case when status = '{{ status }}' then 1 else 0 end) as {{ status }}_orders,
    {%- endfor %}
    {{ pivot_count('payment_method', var('payment_methods'), prefix='paid_with_') }}
from {{ ref('int_orders') }}
group by customer_id
