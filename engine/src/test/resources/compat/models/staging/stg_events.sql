-- source(), in-file config(), config.get() with and without a default.
-- The source is the seed's table; this comment ref orders the seed first: -- depends_on: {{ ref('raw_events') }}
{{ config(materialized='view', tags=['staging']) }}

select
    event_id,
    event_type,
    amount_cents,
    created_at,
    '{{ config.get("materialized") }}' as materialized_as,
    '{{ config.get("not_set", "fallback") }}' as missing_config
from {{ source('raw', 'events') }}
