{#-
  One row per web session: when it started and ended, its channel (that of its first event), the
  customer if they logged in at some point, and what happened in it.
-#}
with events as (
    {{ first_received(ref('stg_stream__web_events')) }}
),

ordered as (
    select
        events.*,
        row_number() over (partition by session_id order by occurred_at, kafka_offset) as event_number
    from events
)

select
    session_id,
    max(customer_id) as customer_id,
    max(case when event_number = 1 then channel end) as channel,
    min(occurred_at) as started_at,
    max(occurred_at) as ended_at,
    count(*) as event_count,
    sum(case when event_type = 'page_viewed' then 1 else 0 end) as page_views,
    sum(case when event_type = 'product_added_to_cart' then 1 else 0 end) as add_to_carts,
    max(ingested_at) as last_ingested_at
from ordered
group by session_id
