{#- Ephemeral: inlined as a CTE into the models that use it, never built in the warehouse. -#}
with order_lines as (
    select * from {{ ref('stg_order_lines') }}
),

products as (
    select * from {{ ref('stg_products') }}
),

orders as (
    select * from {{ ref('stg_orders') }}
)

select
    order_lines.order_line_id,
    order_lines.order_id,
    orders.customer_id,
    orders.order_date,
    orders.status,
    order_lines.product_id,
    products.brand,
    products.model_name,
    products.category,
    products.size,
    order_lines.quantity,
    order_lines.gross_cents,
    order_lines.discount_cents,
    order_lines.net_cents
from order_lines
inner join orders on order_lines.order_id = orders.order_id
inner join products on order_lines.product_id = products.product_id
