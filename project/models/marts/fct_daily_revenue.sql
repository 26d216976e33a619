{#- Revenue per day, with the same weekday of the previous week for a week-over-week comparison. -#}
with daily as (
    select
        cast({{ dbt.date_trunc('day', 'ordered_at') }} as date) as revenue_date,
        count(*) as order_count,
        sum(order_total) as revenue
    from {{ ref('fct_orders') }}
    where is_revenue
    group by cast({{ dbt.date_trunc('day', 'ordered_at') }} as date)
)

select
    daily.revenue_date,
    daily.order_count,
    daily.revenue,
    previous_week.revenue as revenue_previous_week,
    {{ safe_divide('daily.revenue - previous_week.revenue', 'previous_week.revenue') }} as revenue_growth_wow,
    '{{ var("currency") }}' as currency
from daily
left join daily as previous_week
    on previous_week.revenue_date = cast({{ dbt.dateadd('day', -7, 'daily.revenue_date') }} as date)
