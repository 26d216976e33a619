{#-
  Daily sales KPIs by brand and marketing channel, from both layers. An order with lines of two
  brands counts once for each brand. Revenue is merchandise revenue (net lines, no shipping) of
  revenue orders (statuses in `revenue_statuses`); the average order value divides it by those
  orders; the return rate is returned orders over all orders.
-#}
with lines as (
    select order_id, order_date, brand, quantity, net_cents
    from {{ ref('fct_order_lines') }}
),

orders as (
    select order_id, marketing_channel, is_revenue, is_returned
    from {{ ref('fct_orders') }}
),

daily as (
    select
        lines.order_date as sales_date,
        lines.brand,
        orders.marketing_channel,
        count(distinct lines.order_id) as order_count,
        count(distinct case when orders.is_revenue then lines.order_id end) as revenue_order_count,
        count(distinct case when orders.is_returned then lines.order_id end) as returned_order_count,
        sum(case when orders.is_revenue then lines.quantity else 0 end) as items_sold,
        sum(case when orders.is_revenue then lines.net_cents else 0 end) as revenue_cents
    from lines
    inner join orders on lines.order_id = orders.order_id
    group by lines.order_date, lines.brand, orders.marketing_channel
)

select
    sales_date,
    brand,
    marketing_channel,
    order_count,
    revenue_order_count,
    items_sold,
    {{ cents_to_amount('revenue_cents') }} as revenue,
    {{ cents_to_amount(safe_divide('revenue_cents', 'revenue_order_count')) }} as average_order_value,
    returned_order_count,
    cast({{ safe_divide('cast(returned_order_count as decimal(18, 4))', 'order_count') }} as decimal(18, 4)) as return_rate,
    '{{ var("currency") }}' as currency
from daily
