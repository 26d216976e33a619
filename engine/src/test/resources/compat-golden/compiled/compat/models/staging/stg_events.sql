-- source(), in-file config(), config.get() with and without a default.
-- The source is the seed's table; this comment ref orders the seed first: -- depends_on: "compat"."main"."raw_events"


select
    event_id,
    event_type,
    amount_cents,
    created_at,
    'view' as materialized_as,
    'fallback' as missing_config
from "compat"."main"."raw_events"