-- a custom schema (dbt's default generate_schema_name gives main_marts) and an alias
{{ config(schema='marts', alias='events_by_type') }}

select event_type, event_count
from {{ ref('uses_ephemeral') }}
