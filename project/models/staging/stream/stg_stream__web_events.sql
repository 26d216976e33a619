{#- One row per web event (`page_viewed`, `product_added_to_cart`) as landed. -#}
with events as (
    select * from {{ source('raw', 'web') }}
    where event_type in ('page_viewed', 'product_added_to_cart')
)

select
    {{ event_envelope('events') }},
    {{ json_field('events.payload', 'session_id', 'varchar') }} as session_id,
    {{ json_field('events.payload', 'customer_id', 'varchar') }} as customer_id,
    lower({{ json_field('events.payload', 'channel', 'varchar') }}) as channel,
    {{ json_field('events.payload', 'product_id', 'varchar') }} as product_id
from events
