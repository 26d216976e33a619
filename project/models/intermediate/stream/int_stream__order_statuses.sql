{#-
  One row per streamed order with its current status: the latest status event by the time it
  occurred (a late event does not override a newer status), ties broken by the Kafka offset (the
  events of one order share a key, hence a partition). An order without status events is `placed`.
  Also when it first reached each status.
-#}
with changes as (
    {{ first_received(ref('stg_stream__order_status_changes')) }}
),

orders as (
    select * from {{ ref('int_stream__orders') }}
),

lifecycle as (
    select order_id, 'placed' as status, ordered_at as occurred_at, kafka_partition, kafka_offset, ingested_at
    from orders
    union all
    select order_id, status, occurred_at, kafka_partition, kafka_offset, ingested_at
    from changes
),

ranked as (
    select
        lifecycle.*,
        row_number() over (
            partition by order_id
            order by occurred_at desc, kafka_offset desc
        ) as recency
    from lifecycle
),

milestones as (
    select
        order_id,
        count(*) - 1 as status_change_count,
        max(ingested_at) as last_ingested_at,
        {%- for status in var('order_statuses') %}
        min(case when status = '{{ status }}' then occurred_at end) as {{ status }}_at{% if not loop.last %},{% endif %}
        {%- endfor %}
    from lifecycle
    group by order_id
)

select
    ranked.order_id,
    ranked.status,
    ranked.occurred_at as status_changed_at,
    milestones.status_change_count,
    milestones.last_ingested_at,
    {%- for status in var('order_statuses') %}
    milestones.{{ status }}_at{% if not loop.last %},{% endif %}
    {%- endfor %}
from ranked
inner join milestones on ranked.order_id = milestones.order_id
where ranked.recency = 1
  and ranked.order_id in (select order_id from orders)
