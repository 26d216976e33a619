{#-
  Marketing KPIs per day and channel, from the web stream: sessions, add-to-cart and conversion
  rates, and the revenue of the orders attributed to the channel's sessions (last touch).
-#}
with sessions as (
    select * from {{ ref('fct_sessions') }}
),

daily as (
    select
        session_date,
        channel,
        count(*) as session_count,
        count(distinct customer_id) as known_visitor_count,
        sum(page_views) as page_views,
        sum(case when has_added_to_cart then 1 else 0 end) as cart_session_count,
        sum(case when is_converted then 1 else 0 end) as converted_session_count,
        sum(attributed_order_count) as attributed_order_count,
        sum(attributed_revenue) as attributed_revenue
    from sessions
    group by session_date, channel
)

select
    session_date,
    channel,
    session_count,
    known_visitor_count,
    page_views,
    cart_session_count,
    converted_session_count,
    attributed_order_count,
    attributed_revenue,
    cast({{ safe_divide('cast(cart_session_count as decimal(18, 4))', 'session_count') }} as decimal(18, 4)) as add_to_cart_rate,
    cast({{ safe_divide('cast(converted_session_count as decimal(18, 4))', 'session_count') }} as decimal(18, 4)) as conversion_rate,
    '{{ var("currency") }}' as currency
from daily
