-- adapter: create schema if missing analytics.snapshots
create or replace transient table analytics.snapshots.orders_snapshot as (
select *,
    md5(coalesce(cast(id as varchar ), '')
         || '|' || coalesce(cast(updated_at as varchar ), '')
        ) as dbt_scd_id,
    updated_at as dbt_updated_at,
    updated_at as dbt_valid_from,
    nullif(updated_at, updated_at) as dbt_valid_to
from (
select id, status, updated_at from raw.shop.orders
) sbq
);
select count(*) from analytics.snapshots.orders_snapshot;
