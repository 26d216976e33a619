{#- Ephemeral: one row per order (both layers) with the sums of its lines, in cents. -#}
select
    order_id,
    count(*) as line_count,
    sum(quantity) as item_count,
    sum(gross_cents) as gross_cents,
    sum(discount_cents) as discount_cents,
    sum(net_cents) as net_cents
from {{ ref('int_order_lines') }}
group by order_id
