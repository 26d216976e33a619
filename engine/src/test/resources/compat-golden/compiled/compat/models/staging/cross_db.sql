-- adapter.dispatch through a project macro, and dbt's cross-database macros (dbt. and bare)
select
    add(event_id, 1) as event_id_plus_one,
    

    (created_at + cast(1 as bigint) * interval 1 day) as next_day,
    

    (created_at + cast(-1 as bigint) * interval 1 month) as previous_month,
    
        (date_diff('day', '2024-01-01'::date::timestamp, created_at::timestamp ))
     as days_since_new_year,
    date_trunc('month', created_at) as created_month,
    date_trunc('day', created_at) as created_day,
    
    
    cast(amount_cents as TEXT)
 as amount_text,
    event_type || '-' || event_id as event_key,
    md5(cast(event_type as TEXT)) as event_type_hash,
    cast(event_id as TEXT) as event_id_text,
    cast(amount_cents as integer) as amount_int
from "compat"."main"."stg_events"