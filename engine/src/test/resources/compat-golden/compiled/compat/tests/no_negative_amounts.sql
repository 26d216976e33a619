select *
from "compat"."main"."stg_events"
where amount_cents < 0