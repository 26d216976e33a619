with __dbt__cte__eph_event_types as (


select distinct event_type
from "compat"."main"."stg_events"
) -- an ephemeral model injected as a CTE; ref() with two arguments (package, model)
select
    types.event_type,
    count(events.event_id) as event_count
from __dbt__cte__eph_event_types as types
left join "compat"."main"."stg_events" as events
    on events.event_type = types.event_type
group by types.event_type