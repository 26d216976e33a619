{#- One row per `order_created` event as landed: redelivered copies are still here (see int_stream__orders). -#}
with events as (
    select * from {{ source('raw', 'orders') }}
    where event_type = 'order_created'
)

select
    {{ event_envelope('events') }},
    {{ json_field('events.payload', 'order_id', 'varchar') }} as order_id,
    {{ json_field('events.payload', 'customer.id', 'varchar') }} as customer_id,
    trim({{ json_field('events.payload', 'customer.name', 'varchar') }}) as customer_name,
    lower(trim({{ json_field('events.payload', 'customer.email', 'varchar') }})) as customer_email,
    {{ json_field('events.payload', 'customer.city', 'varchar') }} as customer_city,
    upper({{ json_field('events.payload', 'customer.country', 'varchar') }}) as customer_country_code,
    upper({{ json_field('events.payload', 'currency', 'varchar') }}) as currency
from events
