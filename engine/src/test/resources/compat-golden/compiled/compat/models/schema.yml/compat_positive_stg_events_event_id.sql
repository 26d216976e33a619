
select event_id
from "compat"."main"."stg_events"
where event_id <= 0
