select *
from {{ ref('stg_events') }}
where amount_cents < 0
