

select distinct event_type
from "compat"."main"."stg_events"