{#- The lines of each streamed order, from the one `order_created` event kept by int_stream__orders. -#}
with lines as (
    select * from {{ ref('stg_stream__order_lines') }}
),

orders as (
    select event_id, order_id, ordered_at, ingested_at from {{ ref('int_stream__orders') }}
),

distinct_lines as (
    -- a redelivered event carries the same lines again
    select
        lines.*,
        row_number() over (
            partition by lines.event_id, lines.line_number
            order by lines.ingested_at, lines.kafka_partition, lines.kafka_offset
        ) as copy_number
    from lines
)

select
    orders.order_id || '-' || cast(distinct_lines.line_number as varchar) as order_line_id,
    orders.order_id,
    distinct_lines.line_number,
    distinct_lines.product_id,
    distinct_lines.brand,
    distinct_lines.model_name,
    distinct_lines.size,
    distinct_lines.color,
    distinct_lines.quantity,
    distinct_lines.unit_price_cents,
    orders.ordered_at,
    orders.ingested_at
from distinct_lines
inner join orders on distinct_lines.event_id = orders.event_id
where distinct_lines.copy_number = 1
