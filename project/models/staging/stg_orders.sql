with source as (
    select * from {{ ref('orders') }}
)

select
    order_id,
    customer_id,
    ordered_at,
    cast(ordered_at as date) as order_date,
    lower(status) as status,
    lower(payment_method) as payment_method,
    lower(sales_channel) as sales_channel,
    shipping_cents,
    {{ cents_to_amount('shipping_cents') }} as shipping_amount,
    upper(currency) as currency
from source
where cast(ordered_at as date) >= cast('{{ var("start_date") }}' as date)
