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
    is_active
from {{ ref('stg_products') }}
