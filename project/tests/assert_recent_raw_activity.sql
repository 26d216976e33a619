-- Recent activity: RAW received an event in the last `recent_activity_hours` hours (UTC). Fails
-- with the newest ingest time when the ingest stalled or RAW is empty. A warning by default, so
-- a local build without Kafka passes; CI on the real pipeline sets recent_activity_severity: error.
{{ config(severity=var('recent_activity_severity', 'warn')) }}

with landed as (
    select max(ingested_at) as last_ingested_at from {{ source('raw', 'orders') }}
    union all
    select max(ingested_at) from {{ source('raw', 'payments') }}
    union all
    select max(ingested_at) from {{ source('raw', 'web') }}
),

newest as (
    select max(last_ingested_at) as last_ingested_at from landed
)

select last_ingested_at
from newest
where last_ingested_at is null
   or last_ingested_at < {{ dbt.dateadd('hour', -var('recent_activity_hours'), utc_now()) }}
