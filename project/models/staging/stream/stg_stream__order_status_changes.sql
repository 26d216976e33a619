{#- One row per `order_status_changed` event as landed (redelivered and late events included). -#}
with events as (
    select * from {{ source('raw', 'orders') }}
    where event_type = 'order_status_changed'
)

select
    {{ event_envelope('events') }},
    {{ json_field('events.payload', 'order_id', 'varchar') }} as order_id,
    lower({{ json_field('events.payload', 'status', 'varchar') }}) as status
from events
