{#- The columns every RAW event has: its envelope (from the payload) and where Kafka put it. -#}
{% macro event_envelope(alias) -%}
    {{ alias }}.event_id,
    {{ alias }}.event_type,
    {{ json_field(alias ~ '.payload', 'schema_version', 'integer') }} as schema_version,
    {{ json_field(alias ~ '.payload', 'occurred_at', 'timestamp') }} as occurred_at,
    {{ alias }}.kafka_topic,
    {{ alias }}.kafka_partition,
    {{ alias }}.kafka_offset,
    {{ alias }}.ingested_at
{%- endmacro %}

{#-
  The ingest is at-least-once: a redelivered event lands twice with the same event_id. Keeps the
  first copy received of each `key`, in Kafka order, with all the relation's columns.
-#}
{% macro first_received(relation, key='event_id') -%}
    select * from (
        select
            candidates.*,
            row_number() over (
                partition by {{ key }}
                order by ingested_at, kafka_partition, kafka_offset
            ) as shop_copy_number
        from {{ relation }} as candidates
    ) as numbered
    where shop_copy_number = 1
{%- endmacro %}
