with source as (
    select * from {{ ref('order_lines') }}
)

select
    order_line_id,
    order_id,
    product_id,
    quantity,
    unit_price_cents,
    discount_cents,
    quantity * unit_price_cents as gross_cents,
    quantity * unit_price_cents - discount_cents as net_cents,
    {{ cents_to_amount('quantity * unit_price_cents - discount_cents') }} as net_amount
from source
