{#- One row per `payment_captured` event as landed; the amount is in the order currency. -#}
with events as (
    select * from {{ source('raw', 'payments') }}
    where event_type = 'payment_captured'
)

select
    {{ event_envelope('events') }},
    {{ json_field('events.payload', 'order_id', 'varchar') }} as order_id,
    cast(round({{ json_field('events.payload', 'amount', 'decimal(18, 2)') }} * 100) as integer) as amount_cents,
    lower({{ json_field('events.payload', 'method', 'varchar') }}) as payment_method
from events
