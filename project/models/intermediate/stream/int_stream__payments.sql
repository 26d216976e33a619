{#- One row per streamed order with a captured payment: the amount captured and the method. -#}
with payments as (
    {{ first_received(ref('stg_stream__payments')) }}
),

ranked as (
    select
        payments.*,
        row_number() over (partition by order_id order by occurred_at, kafka_offset) as payment_number
    from payments
)

select
    order_id,
    count(*) as payment_count,
    sum(amount_cents) as captured_cents,
    max(case when payment_number = 1 then payment_method end) as payment_method,
    min(occurred_at) as captured_at,
    max(ingested_at) as last_ingested_at
from ranked
group by order_id
