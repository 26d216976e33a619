{#- One row per product seen in streamed order lines, as the most recent order described it. -#}
with ranked as (
    select
        product_id,
        brand,
        model_name,
        size,
        color,
        unit_price_cents,
        ordered_at,
        row_number() over (partition by product_id order by ordered_at desc, order_line_id desc) as recency
    from {{ ref('int_stream__order_lines') }}
)

select
    product_id,
    brand,
    model_name,
    size,
    color,
    unit_price_cents as last_unit_price_cents,
    ordered_at as last_ordered_at
from ranked
where recency = 1
