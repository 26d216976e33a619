-- a custom schema (dbt's default generate_schema_name gives main_marts) and an alias


select event_type, event_count
from "compat"."main"."uses_ephemeral"