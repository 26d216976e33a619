{{ config(materialized='ephemeral') }}

select distinct event_type
from {{ ref('stg_events') }}
