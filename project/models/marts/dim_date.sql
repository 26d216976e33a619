{#- One row per day from `start_date` to the later of today and the last order day. -#}
with orders as (
    select ordered_at from {{ ref('int_orders') }}
),

days as (
    {{ day_spine(
        "cast('" ~ var('start_date') ~ "' as date)",
        "(select max(day_value) from (select cast(max(ordered_at) as date) as day_value from orders union all select cast(" ~ dbt.current_timestamp() ~ " as date)) as candidates)"
    ) }}
)

select
    date_day,
    extract(year from date_day) as year_number,
    extract(quarter from date_day) as quarter_number,
    extract(month from date_day) as month_number,
    extract(day from date_day) as day_of_month,
    {{ iso_day_of_week('date_day') }} as iso_day_of_week,
    {{ iso_day_of_week('date_day') }} in (6, 7) as is_weekend,
    cast({{ dbt.date_trunc('week', 'date_day') }} as date) as week_start_date,
    cast({{ dbt.date_trunc('month', 'date_day') }} as date) as month_start_date
from days
