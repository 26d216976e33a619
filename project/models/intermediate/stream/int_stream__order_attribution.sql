{#-
  Last-touch attribution: each streamed order goes to the latest session of the same customer
  that started before it, within `attribution_window_days`. Orders without such a session have
  no row here.
-#}
with orders as (
    select order_id, customer_id, ordered_at from {{ ref('int_stream__orders') }}
),

sessions as (
    select session_id, customer_id, channel, started_at from {{ ref('int_stream__sessions') }}
    where customer_id is not null
),

candidates as (
    select
        orders.order_id,
        sessions.session_id,
        sessions.channel,
        sessions.started_at,
        row_number() over (
            partition by orders.order_id
            order by sessions.started_at desc, sessions.session_id desc
        ) as recency
    from orders
    inner join sessions
        on sessions.customer_id = orders.customer_id
        and sessions.started_at <= orders.ordered_at
        and sessions.started_at >= {{ dbt.dateadd('day', -var('attribution_window_days'), 'orders.ordered_at') }}
)

select order_id, session_id, channel, started_at as session_started_at
from candidates
where recency = 1
