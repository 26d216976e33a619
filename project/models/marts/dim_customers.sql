with customers as (
    select * from {{ ref('stg_customers') }}
),

statuses as (
    select * from {{ ref('int_customer_order_statuses') }}
)

select
    customers.customer_id,
    customers.full_name,
    customers.email,
    customers.city,
    customers.country_code,
    customers.signup_date,
    customers.acquisition_channel,
    coalesce(statuses.order_count, 0) as order_count,
    {%- for status in var('order_statuses') %}
    coalesce(statuses.{{ status }}_orders, 0) as {{ status }}_orders,
    {%- endfor %}
    statuses.customer_id is not null as has_ordered
from customers
left join statuses on customers.customer_id = statuses.customer_id
