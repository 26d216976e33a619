with orders as (
    select * from {{ ref('stg_orders') }}
),

totals as (
    select * from {{ ref('int_order_totals') }}
)

select
    orders.order_id,
    orders.customer_id,
    orders.ordered_at,
    orders.order_date,
    orders.status,
    orders.payment_method,
    orders.sales_channel,
    orders.currency,
    totals.line_count,
    totals.item_count,
    {{ cents_to_amount('totals.gross_cents') }} as gross_amount,
    {{ cents_to_amount('totals.discount_cents') }} as discount_amount,
    orders.shipping_amount,
    {{ cents_to_amount('totals.net_cents + orders.shipping_cents') }} as order_total,
    orders.status in (
        {%- for status in var('revenue_statuses') %}'{{ status }}'{% if not loop.last %}, {% endif %}{% endfor -%}
    ) as is_revenue
from orders
inner join totals on orders.order_id = totals.order_id
