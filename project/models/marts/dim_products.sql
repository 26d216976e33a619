{#-
  One row per product variant: the catalogue (seeds), plus products seen in streamed orders that
  the catalogue does not list yet (new drops), priced at their latest order price.
-#}
with catalogue as (
    select
        cast(product_id as varchar) as product_id,
        sku,
        brand,
        model_name,
        product_name,
        category,
        color,
        size,
        list_price,
        is_active,
        'catalogue' as product_source
    from {{ ref('stg_products') }}
),

stream_only as (
    select
        stream.product_id,
        cast(null as varchar) as sku,
        stream.brand,
        stream.model_name,
        stream.brand || ' ' || stream.model_name as product_name,
        'uncategorized' as category,
        stream.color,
        stream.size,
        {{ cents_to_amount('stream.last_unit_price_cents') }} as list_price,
        true as is_active,
        'stream' as product_source
    from {{ ref('int_stream__products') }} as stream
    left join catalogue on stream.product_id = catalogue.product_id
    where catalogue.product_id is null
),

products as (
    select * from catalogue
    union all
    select * from stream_only
)

select
    product_id,
    sku,
    brand,
    model_name,
    product_name,
    category,
    color,
    size,
    list_price,
    '{{ var("currency") }}' as currency,
    is_active,
    product_source
from products
