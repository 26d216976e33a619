-- No duplicates, nothing lost: after deduplication every distinct event landed in RAW is counted
-- exactly once downstream (redelivered copies dropped, no event dropped twice). One row per mismatch.
with raw_events as (
    select event_type, count(distinct event_id) as events
    from (
        select event_id, event_type from {{ source('raw', 'orders') }}
        union all
        select event_id, event_type from {{ source('raw', 'payments') }}
        union all
        select event_id, event_type from {{ source('raw', 'web') }}
    ) as landed
    group by event_type
),

counted as (
    select 'order_created' as event_type, count(*) as events from {{ ref('int_stream__orders') }}
    union all
    select 'order_status_changed', sum(status_change_count) from {{ ref('int_stream__order_statuses') }}
    union all
    select 'payment_captured', sum(payment_count) from {{ ref('int_stream__payments') }}
    union all
    select 'web', sum(event_count) from {{ ref('int_stream__sessions') }}
),

expected as (
    select topic_event_type as event_type, sum(events) as events
    from (
        select
            case when event_type in ('page_viewed', 'product_added_to_cart') then 'web' else event_type end as topic_event_type,
            events
        from raw_events
    ) as typed
    group by topic_event_type
)

select
    expected.event_type,
    expected.events as raw_distinct_events,
    coalesce(counted.events, 0) as counted_events
from expected
left join counted on expected.event_type = counted.event_type
where expected.events <> coalesce(counted.events, 0)
