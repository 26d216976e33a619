{#
  One row per order line (history and stream) with its order's customer and date. Lines do not
  change once created, so a later run reads only the lines loaded since the newest one already
  there (minus `incremental_lookback_hours`, for late events) and merges on `order_line_id`.
  The order's status lives in fct_orders.
#}
{{ config(
    materialized='incremental',
    unique_key='order_line_id',
    incremental_strategy='merge',
    on_schema_change='append_new_columns'
) }}

select
    lines.order_line_id,
    lines.order_id,
    orders.customer_id,
    lines.product_id,
    lines.brand,
    lines.category,
    orders.ordered_at,
    cast(orders.ordered_at as date) as order_date,
    lines.quantity,
    lines.unit_price_cents,
    lines.net_cents,
    {{ cents_to_amount('lines.net_cents') }} as net_amount,
    lines.order_source,
    lines.loaded_at
from {{ ref('int_order_lines') }} as lines
inner join {{ ref('int_orders') }} as orders
    on orders.order_id = lines.order_id
{% if is_incremental() %}
where lines.loaded_at > (
    select {{ dbt.dateadd('hour', -var('incremental_lookback_hours'), "coalesce(max(loaded_at), cast('1900-01-01' as timestamp))") }}
    from {{ this }}
)
{% endif %}
