
    
    

with child as (
    select event_type as from_field
    from "compat"."main_marts"."events_by_type"
    where event_type is not null
),

parent as (
    select event_type as to_field
    from "compat"."main"."uses_ephemeral"
)

select
    from_field

from child
left join parent
    on child.from_field = parent.to_field

where parent.to_field is null


