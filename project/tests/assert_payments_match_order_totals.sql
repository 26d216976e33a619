-- Streamed orders: the amount captured by payment events equals the order total (to the cent).
-- A warning: a partial capture is a finance question, not a broken pipeline.
{{ config(severity='warn') }}

select order_id, order_total, captured_amount
from {{ ref('fct_orders') }}
where order_source = 'stream'
  and captured_amount is not null
  and abs(order_total - captured_amount) >= 0.01
