{#-
  One row per customer: the back-office accounts (seeds), plus customers known only from the
  stream, described by their latest order event (signed up on their first order, acquired by the
  channel of their first session, else `direct`). Order counts per status cover both layers.
-#}
with seed_customers as (
    select
        cast(customer_id as varchar) as customer_id,
        full_name,
        email,
        city,
        country_code,
        signup_date,
        acquisition_channel,
        'history' as customer_source
    from {{ ref('stg_customers') }}
),

stream_orders as (
    select
        orders.*,
        row_number() over (partition by orders.customer_id order by orders.ordered_at desc, orders.order_id desc) as recency,
        min(orders.ordered_at) over (partition by orders.customer_id) as first_ordered_at
    from {{ ref('int_stream__orders') }} as orders
),

first_sessions as (
    select
        customer_id,
        channel,
        row_number() over (partition by customer_id order by started_at, session_id) as session_number
    from {{ ref('int_stream__sessions') }}
    where customer_id is not null
),

stream_customers as (
    select
        stream_orders.customer_id,
        stream_orders.customer_name as full_name,
        stream_orders.customer_email as email,
        stream_orders.customer_city as city,
        stream_orders.customer_country_code as country_code,
        cast(stream_orders.first_ordered_at as date) as signup_date,
        coalesce(first_sessions.channel, 'direct') as acquisition_channel,
        'stream' as customer_source
    from stream_orders
    left join seed_customers on stream_orders.customer_id = seed_customers.customer_id
    left join first_sessions
        on stream_orders.customer_id = first_sessions.customer_id
        and first_sessions.session_number = 1
    where stream_orders.recency = 1
      and seed_customers.customer_id is null
),

customers as (
    select * from seed_customers
    union all
    select * from stream_customers
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
    customers.customer_source,
    coalesce(statuses.order_count, 0) as order_count,
    {%- for status in var('order_statuses') %}
    coalesce(statuses.{{ status }}_orders, 0) as {{ status }}_orders,
    {%- endfor %}
    statuses.customer_id is not null as has_ordered
from customers
left join statuses on customers.customer_id = statuses.customer_id
