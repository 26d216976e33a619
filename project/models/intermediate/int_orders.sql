{#-
  Every order header, from both layers, in one shape (ids as text):
  - history: the back-office export (seeds) since `start_date`;
  - stream: orders from the `order_created` events, with their latest status, captured payment
    and the marketing channel that brought them (last-touch session, else the customer's
    acquisition channel, else `direct`).
  `last_updated_at` is when the newest fact about the order landed (the order time for history),
  which drives the incremental fct_orders. Ephemeral.
-#}
with customers as (
    select customer_id, acquisition_channel from {{ ref('stg_customers') }}
),

history as (
    select
        cast(orders.order_id as varchar) as order_id,
        cast(orders.customer_id as varchar) as customer_id,
        orders.ordered_at,
        orders.status,
        orders.payment_method,
        orders.sales_channel,
        coalesce(customers.acquisition_channel, 'direct') as marketing_channel,
        orders.currency,
        orders.shipping_cents,
        cast(null as integer) as captured_cents,
        'history' as order_source,
        orders.ordered_at as last_updated_at
    from {{ ref('stg_orders') }} as orders
    left join customers on orders.customer_id = customers.customer_id
),

stream as (
    select
        orders.order_id,
        orders.customer_id,
        orders.ordered_at,
        statuses.status,
        payments.payment_method,
        'web' as sales_channel,
        coalesce(attribution.channel, customers.acquisition_channel, 'direct') as marketing_channel,
        orders.currency,
        0 as shipping_cents,
        payments.captured_cents,
        'stream' as order_source,
        greatest(
            orders.ingested_at,
            statuses.last_ingested_at,
            coalesce(payments.last_ingested_at, orders.ingested_at)
        ) as last_updated_at
    from {{ ref('int_stream__orders') }} as orders
    inner join {{ ref('int_stream__order_statuses') }} as statuses on orders.order_id = statuses.order_id
    left join {{ ref('int_stream__payments') }} as payments on orders.order_id = payments.order_id
    left join {{ ref('int_stream__order_attribution') }} as attribution on orders.order_id = attribution.order_id
    left join customers on orders.customer_id = cast(customers.customer_id as varchar)
)

select * from history
union all
select * from stream
