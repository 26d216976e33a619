{#-
  One row per streamed order: the first `order_created` received for it (redelivered copies and
  any re-sent creation dropped), with its customer as the event described it.
-#}
with created as (
    {{ first_received(ref('stg_stream__order_created')) }}
),

first_per_order as (
    select
        created.*,
        row_number() over (
            partition by order_id
            order by occurred_at, ingested_at, kafka_partition, kafka_offset
        ) as creation_number
    from created
)

select
    event_id,
    order_id,
    customer_id,
    customer_name,
    customer_email,
    customer_city,
    customer_country_code,
    currency,
    occurred_at as ordered_at,
    kafka_partition,
    kafka_offset,
    ingested_at
from first_per_order
where creation_number = 1
