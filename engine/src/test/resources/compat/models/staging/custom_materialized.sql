{{ config(materialized='compat_view') }}

select event_id, amount_cents
from {{ ref('stg_events') }}
