

select event_id, event_type, created_at
from "compat"."main"."stg_events"

-- first build: every event
