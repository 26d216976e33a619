{#-
  One row per line of an `order_created` event (the `lines` array unnested), per copy of the
  event as landed. Amounts arrive as decimals in the order currency; kept in cents like the seeds.
-#}
with events as (
    select * from {{ source('raw', 'orders') }}
    where event_type = 'order_created'
),

lines as (
    {{ json_array_elements('events', 'payload', 'lines') }}
)

select
    lines.event_id,
    lines.kafka_partition,
    lines.kafka_offset,
    lines.ingested_at,
    {{ json_field('lines.payload', 'order_id', 'varchar') }} as order_id,
    lines.element_index + 1 as line_number,
    {{ json_field('lines.element', 'product_id', 'varchar') }} as product_id,
    {{ json_field('lines.element', 'brand', 'varchar') }} as brand,
    {{ json_field('lines.element', 'model', 'varchar') }} as model_name,
    {{ json_field('lines.element', 'size', 'varchar') }} as size,
    {{ json_field('lines.element', 'colour', 'varchar') }} as color,
    {{ json_field('lines.element', 'quantity', 'integer') }} as quantity,
    cast(round({{ json_field('lines.element', 'unit_price', 'decimal(18, 2)') }} * 100) as integer) as unit_price_cents
from lines
