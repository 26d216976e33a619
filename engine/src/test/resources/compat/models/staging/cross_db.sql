-- adapter.dispatch through a project macro, and dbt's cross-database macros (dbt. and bare)
select
    {{ compat_add_one('event_id') }} as event_id_plus_one,
    {{ dbt.dateadd('day', 1, 'created_at') }} as next_day,
    {{ dateadd('month', -1, 'created_at') }} as previous_month,
    {{ dbt.datediff("'2024-01-01'::date", 'created_at', 'day') }} as days_since_new_year,
    {{ dbt.date_trunc('month', 'created_at') }} as created_month,
    {{ date_trunc('day', 'created_at') }} as created_day,
    {{ dbt.safe_cast('amount_cents', dbt.type_string()) }} as amount_text,
    {{ dbt.concat(['event_type', "'-'", 'event_id']) }} as event_key,
    {{ dbt.hash('event_type') }} as event_type_hash,
    cast(event_id as {{ dbt.type_string() }}) as event_id_text,
    cast(amount_cents as {{ type_int() }}) as amount_int
from {{ ref('stg_events') }}
