-- Latest status: for each streamed order, no status event occurred after the status shown (a
-- late event never overrides a newer status); among events at that same instant, the status
-- shown is that of the highest Kafka offset; and fct_orders shows that status. One row per problem.
with statuses as (
    select order_id, status, status_changed_at from {{ ref('int_stream__order_statuses') }}
),

changes as (
    -- a redelivered copy lands at a higher offset: an event's place is that of its first copy
    select order_id, status, occurred_at, min(kafka_offset) as kafka_offset
    from {{ ref('stg_stream__order_status_changes') }}
    group by event_id, order_id, status, occurred_at
),

newest_at_instant as (
    select changes.order_id, max(changes.kafka_offset) as newest_offset
    from changes
    inner join statuses
        on changes.order_id = statuses.order_id
        and changes.occurred_at = statuses.status_changed_at
    group by changes.order_id
)

select statuses.order_id, statuses.status, 'a later event says ' || changes.status as problem
from statuses
inner join changes
    on changes.order_id = statuses.order_id
    and changes.occurred_at > statuses.status_changed_at

union all

select statuses.order_id, statuses.status, 'not the status of the highest offset at that instant'
from statuses
inner join newest_at_instant on statuses.order_id = newest_at_instant.order_id
where not exists (
    select 1 from changes
    where changes.order_id = statuses.order_id
      and changes.kafka_offset = newest_at_instant.newest_offset
      and changes.status = statuses.status
)

union all

select orders.order_id, orders.status, 'fct_orders shows ' || orders.status || ' instead of ' || statuses.status
from {{ ref('fct_orders') }} as orders
inner join statuses on orders.order_id = statuses.order_id
where orders.status <> statuses.status
