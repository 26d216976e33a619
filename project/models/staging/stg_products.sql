with source as (
    select * from {{ ref('products') }}
)

select
    product_id,
    sku,
    brand,
    model as model_name,
    brand || ' ' || model as product_name,
    category,
    color,
    cast(size as {{ dbt.type_string() }}) as size,
    list_price_cents,
    {{ cents_to_amount('list_price_cents') }} as list_price,
    is_active
from source
