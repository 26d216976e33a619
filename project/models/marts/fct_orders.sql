{#
  One row per order, from the back-office history (seeds) and the stream, with its totals and
  current status. Incremental: a later run reads only the orders with something new (created, a
  status change, a payment) since the newest already loaded, minus `incremental_lookback_hours`
  for events that land late, and merges on `order_id`, so a status change replaces the old row.
  After a change to the seeds, run with --full-refresh.
#}
{{ config(
    materialized='incremental',
    unique_key='order_id',
    incremental_strategy='merge',
    on_schema_change='append_new_columns'
) }}

with orders as (
    select * from {{ ref('int_orders') }}
),

totals as (
    select * from {{ ref('int_order_totals') }}
)

select
    orders.order_id,
    orders.customer_id,
    orders.ordered_at,
    cast(orders.ordered_at as date) as order_date,
    orders.status,
    orders.payment_method,
    orders.sales_channel,
    orders.marketing_channel,
    orders.currency,
    totals.line_count,
    totals.item_count,
    {{ cents_to_amount('totals.gross_cents') }} as gross_amount,
    {{ cents_to_amount('totals.discount_cents') }} as discount_amount,
    {{ cents_to_amount('orders.shipping_cents') }} as shipping_amount,
    {{ cents_to_amount('totals.net_cents + orders.shipping_cents') }} as order_total,
    {{ cents_to_amount('orders.captured_cents') }} as captured_amount,
    orders.status in (
        {%- for status in var('revenue_statuses') %}'{{ status }}'{% if not loop.last %}, {% endif %}{% endfor -%}
    ) as is_revenue,
    orders.status = 'returned' as is_returned,
    orders.order_source,
    orders.last_updated_at
from orders
inner join totals on orders.order_id = totals.order_id
{% if is_incremental() %}
where orders.last_updated_at > (
    select {{ dbt.dateadd('hour', -var('incremental_lookback_hours'), "coalesce(max(last_updated_at), cast('1900-01-01' as timestamp))") }}
    from {{ this }}
)
{% endif %}
