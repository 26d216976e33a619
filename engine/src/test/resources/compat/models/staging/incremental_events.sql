{{
    config(
        materialized='incremental',
        unique_key='event_id'
    )
}}

select event_id, event_type, created_at
from {{ ref('stg_events') }}
{% if is_incremental() %}
where created_at > (select max(created_at) from {{ this }})
{% else %}
-- first build: every event
{% endif %}
