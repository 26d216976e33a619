-- adapter: create schema if missing analytics.snapshots
select * from (
select id, status, updated_at from raw.shop.orders
) dbt_snapshot_probe where 1 = 0;
-- adapter: describe table analytics.snapshots.orders_snapshot
create or replace temporary table analytics.snapshots.orders_snapshot__dbt_tmp as (
with snapshot_query as (
select id, status, updated_at from raw.shop.orders
),
snapshotted_data as (
    select *, id as dbt_unique_key
    from analytics.snapshots.orders_snapshot
    where dbt_valid_to is null
),
insertions_source_data as (
    select *, id as dbt_unique_key,
        updated_at as dbt_updated_at,
        updated_at as dbt_valid_from,
        nullif(updated_at, updated_at) as dbt_valid_to,
        md5(coalesce(cast(id as varchar ), '')
         || '|' || coalesce(cast(updated_at as varchar ), '')
        ) as dbt_scd_id
    from snapshot_query
),
updates_source_data as (
    select *, id as dbt_unique_key,
        updated_at as dbt_updated_at,
        updated_at as dbt_valid_from,
        updated_at as dbt_valid_to
    from snapshot_query
),
insertions as (
    select 'insert' as dbt_change_type, source_data."ID", source_data."STATUS", source_data."UPDATED_AT", source_data.dbt_unique_key,
        source_data.dbt_updated_at, source_data.dbt_valid_from, source_data.dbt_valid_to, source_data.dbt_scd_id
    from insertions_source_data as source_data
    left outer join snapshotted_data on snapshotted_data.dbt_unique_key = source_data.dbt_unique_key
    where snapshotted_data.dbt_unique_key is null
       or (snapshotted_data.dbt_unique_key is not null and (snapshotted_data.dbt_valid_from < source_data.updated_at))
),
updates as (
    select 'update' as dbt_change_type, source_data."ID", source_data."STATUS", source_data."UPDATED_AT", source_data.dbt_unique_key,
        source_data.dbt_updated_at, source_data.dbt_valid_from, source_data.dbt_valid_to, snapshotted_data.dbt_scd_id
    from updates_source_data as source_data
    join snapshotted_data on snapshotted_data.dbt_unique_key = source_data.dbt_unique_key
    where (snapshotted_data.dbt_valid_from < source_data.updated_at)
)
select * from insertions
union all
select * from updates
);
-- adapter: describe table analytics.snapshots.orders_snapshot__dbt_tmp
begin;
merge into analytics.snapshots.orders_snapshot as DBT_INTERNAL_DEST
using analytics.snapshots.orders_snapshot__dbt_tmp as DBT_INTERNAL_SOURCE
on DBT_INTERNAL_SOURCE.dbt_scd_id = DBT_INTERNAL_DEST.dbt_scd_id
when matched
  and DBT_INTERNAL_DEST.dbt_valid_to is null
  and DBT_INTERNAL_SOURCE.dbt_change_type in ('update', 'delete')
  then update set dbt_valid_to = DBT_INTERNAL_SOURCE.dbt_valid_to
when not matched
  and DBT_INTERNAL_SOURCE.dbt_change_type = 'insert'
  then insert ("ID", "STATUS", "UPDATED_AT", "DBT_SCD_ID", "DBT_UPDATED_AT", "DBT_VALID_FROM", "DBT_VALID_TO")
  values (DBT_INTERNAL_SOURCE."ID", DBT_INTERNAL_SOURCE."STATUS", DBT_INTERNAL_SOURCE."UPDATED_AT", DBT_INTERNAL_SOURCE."DBT_SCD_ID", DBT_INTERNAL_SOURCE."DBT_UPDATED_AT", DBT_INTERNAL_SOURCE."DBT_VALID_FROM", DBT_INTERNAL_SOURCE."DBT_VALID_TO");
commit;
-- adapter: drop table if exists analytics.snapshots.orders_snapshot__dbt_tmp
