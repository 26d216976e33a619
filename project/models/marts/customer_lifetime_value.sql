with orders as (
    select * from {{ ref('fct_orders') }}
    where is_revenue
),

per_customer as (
    select
        customer_id,
        count(*) as revenue_order_count,
        sum(order_total) as lifetime_revenue,
        min(ordered_at) as first_order_at,
        max(ordered_at) as last_order_at
    from orders
    group by customer_id
)

select
    customers.customer_id,
    customers.acquisition_channel,
    per_customer.revenue_order_count,
    per_customer.lifetime_revenue,
    {{ safe_divide('per_customer.lifetime_revenue', 'per_customer.revenue_order_count') }} as average_order_value,
    per_customer.first_order_at,
    per_customer.last_order_at,
    {{ dbt.datediff('per_customer.first_order_at', 'per_customer.last_order_at', 'day') }} as active_days,
    per_customer.lifetime_revenue >= {{ var('high_value_threshold') }} as is_high_value
from per_customer
inner join {{ ref('dim_customers') }} as customers
    on per_customer.customer_id = customers.customer_id
