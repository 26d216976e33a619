

select event_id, amount_cents
from "compat"."main"."stg_events"