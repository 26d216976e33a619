{#-
  Every order line, from both layers: the back-office history (seeds, orders since `start_date`)
  and the stream. Ephemeral: inlined as a CTE into the models that use it.
  Product attributes come from the catalogue; a product the catalogue does not know yet (a new
  drop seen first in the stream) keeps what its order event said.
-#}
with products as (
    select * from {{ ref('stg_products') }}
),

history as (
    select
        cast(lines.order_line_id as varchar) as order_line_id,
        cast(lines.order_id as varchar) as order_id,
        cast(lines.product_id as varchar) as product_id,
        lines.quantity,
        lines.unit_price_cents,
        lines.discount_cents,
        orders.ordered_at as loaded_at,
        'history' as order_source
    from {{ ref('stg_order_lines') }} as lines
    inner join {{ ref('stg_orders') }} as orders on lines.order_id = orders.order_id
),

stream as (
    select
        order_line_id,
        order_id,
        product_id,
        quantity,
        unit_price_cents,
        0 as discount_cents,
        ingested_at as loaded_at,
        'stream' as order_source
    from {{ ref('int_stream__order_lines') }}
),

stream_products as (
    select * from {{ ref('int_stream__products') }}
),

all_lines as (
    select * from history
    union all
    select * from stream
)

select
    all_lines.order_line_id,
    all_lines.order_id,
    all_lines.product_id,
    coalesce(products.brand, stream_products.brand) as brand,
    coalesce(products.model_name, stream_products.model_name) as model_name,
    coalesce(products.category, 'uncategorized') as category,
    coalesce(products.size, stream_products.size) as size,
    all_lines.quantity,
    all_lines.unit_price_cents,
    all_lines.quantity * all_lines.unit_price_cents as gross_cents,
    all_lines.discount_cents,
    all_lines.quantity * all_lines.unit_price_cents - all_lines.discount_cents as net_cents,
    all_lines.order_source,
    all_lines.loaded_at
from all_lines
left join products on all_lines.product_id = cast(products.product_id as varchar)
left join stream_products
    on all_lines.order_source = 'stream'
    and products.product_id is null
    and all_lines.product_id = stream_products.product_id
