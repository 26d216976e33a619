{#
  One row per order line, built incrementally: a later run only reads orders placed after the
  newest one already loaded, and merges on the line id so a changed line replaces its old row.
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
    orders.ordered_at,
    orders.status,
    lines.quantity,
    lines.net_cents,
    lines.net_amount
from {{ ref('stg_order_lines') }} as lines
join {{ ref('stg_orders') }} as orders
    on orders.order_id = lines.order_id
{% if is_incremental() %}
where orders.ordered_at > (select coalesce(max(ordered_at), '1900-01-01') from {{ this }})
{% endif %}
