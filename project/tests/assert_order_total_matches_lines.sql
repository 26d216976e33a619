-- An order's total must equal the sum of its net lines plus shipping (to the cent), in both layers.
with lines as (
    select order_id, sum(net_amount) as lines_amount
    from {{ ref('fct_order_lines') }}
    group by order_id
)

select
    fct_orders.order_id,
    fct_orders.order_total,
    lines.lines_amount + fct_orders.shipping_amount as expected_total
from {{ ref('fct_orders') }} as fct_orders
inner join lines on fct_orders.order_id = lines.order_id
where abs(fct_orders.order_total - (lines.lines_amount + fct_orders.shipping_amount)) >= 0.01
