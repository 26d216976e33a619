-- RAW vs marts: every order created in RAW is exactly one streamed row of fct_orders, every line
-- of it one streamed row of fct_order_lines, every paid order has its captured amount; counted
-- straight from the RAW payloads, independently of the staging logic. One row per mismatch.
{%- set raw_orders = source('raw', 'orders') %}
with created as (
    select distinct
        {{ json_field('events.payload', 'order_id', 'varchar') }} as order_id,
        events.event_id
    from {{ raw_orders }} as events
    where events.event_type = 'order_created'
),

raw_counts as (
    select
        (select count(distinct order_id) from created) as orders,
        (
            select count(distinct {{ json_field('events.payload', 'order_id', 'varchar') }})
            from {{ source('raw', 'payments') }} as events
            where events.event_type = 'payment_captured'
        ) as paid_orders
),

first_creations as (
    -- the first copy received of the first order_created of each order
    select * from (
        select
            events.*,
            row_number() over (
                partition by {{ json_field('events.payload', 'order_id', 'varchar') }}
                order by events.ingested_at, events.kafka_partition, events.kafka_offset
            ) as n
        from {{ raw_orders }} as events
        where events.event_type = 'order_created'
    ) as numbered
    where n = 1
),

raw_lines as (
    select count(*) as lines
    from ({{ json_array_elements('first_creations', 'payload', 'lines') }}) as elements
),

mart_counts as (
    select
        (select count(*) from {{ ref('fct_orders') }} where order_source = 'stream') as orders,
        (select count(*) from {{ ref('fct_orders') }} where order_source = 'stream' and captured_amount is not null) as paid_orders,
        (select count(*) from {{ ref('fct_order_lines') }} where order_source = 'stream') as lines
)

select 'orders' as measure, raw_counts.orders as raw_count, mart_counts.orders as mart_count
from raw_counts, mart_counts
where raw_counts.orders <> mart_counts.orders
union all
select 'paid orders', raw_counts.paid_orders, mart_counts.paid_orders
from raw_counts, mart_counts
where raw_counts.paid_orders <> mart_counts.paid_orders
union all
select 'order lines', raw_lines.lines, mart_counts.lines
from raw_lines, mart_counts
where raw_lines.lines <> mart_counts.lines
