{#-
  One row per line of an `order_created` event (the `lines` array unnested), per copy of the
  event as landed. Amounts arrive as decimals in the order currency; kept in cents like the seeds.
-#}
with events as (
    select * from {{ source('raw', 'orders') }}
    where event_type = 'order_created'
)

select
    events.event_id,
    events.kafka_partition,
    events.kafka_offset,
    events.ingested_at,
    {{ json_field('events.payload', 'order_id', 'varchar') }} as order_id,
    {{ json_element_index('line') }} + 1 as line_number,
    {{ json_field(json_element('line'), 'product_id', 'varchar') }} as product_id,
    {{ json_field(json_element('line'), 'brand', 'varchar') }} as brand,
    {{ json_field(json_element('line'), 'model', 'varchar') }} as model_name,
    {{ json_field(json_element('line'), 'size', 'varchar') }} as size,
    {{ json_field(json_element('line'), 'colour', 'varchar') }} as color,
    {{ json_field(json_element('line'), 'quantity', 'integer') }} as quantity,
    cast(round({{ json_field(json_element('line'), 'unit_price', 'decimal(18, 2)') }} * 100) as integer) as unit_price_cents
from events, {{ json_unnest('events.payload', 'lines', 'line') }}
