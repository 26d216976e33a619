{#-
  One row per web session with what it led to: the orders attributed to it (last touch, see
  int_stream__order_attribution) and their revenue (revenue orders only).
-#}
with sessions as (
    select * from {{ ref('int_stream__sessions') }}
),

attributed as (
    select
        attribution.session_id,
        count(*) as attributed_order_count,
        sum(case when orders.is_revenue then orders.order_total else 0 end) as attributed_revenue
    from {{ ref('int_stream__order_attribution') }} as attribution
    inner join {{ ref('fct_orders') }} as orders on attribution.order_id = orders.order_id
    group by attribution.session_id
)

select
    sessions.session_id,
    sessions.customer_id,
    sessions.channel,
    sessions.started_at,
    cast(sessions.started_at as date) as session_date,
    sessions.ended_at,
    sessions.page_views,
    sessions.add_to_carts,
    sessions.add_to_carts > 0 as has_added_to_cart,
    coalesce(attributed.attributed_order_count, 0) as attributed_order_count,
    coalesce(attributed.attributed_revenue, 0) as attributed_revenue,
    attributed.session_id is not null as is_converted
from sessions
left join attributed on sessions.session_id = attributed.session_id
