-- adapter: create schema if missing analytics.dev
create or replace temporary view analytics.dev.orders__dbt_tmp as (

select id, status, amount from raw.shop.orders
where id > (select max(id) from analytics.dev.orders)

);
-- adapter: describe table analytics.dev.orders__dbt_tmp
-- adapter: describe table analytics.dev.orders
alter table analytics.dev.orders add column "CHANNEL" VARCHAR(16777216), "PLACED_AT" TIMESTAMP_NTZ(9);
begin;
merge into analytics.dev.orders as DBT_INTERNAL_DEST
  using analytics.dev.orders__dbt_tmp as DBT_INTERNAL_SOURCE
  on (DBT_INTERNAL_SOURCE.id = DBT_INTERNAL_DEST.id)
  when matched then update set
    "ID" = DBT_INTERNAL_SOURCE."ID",
    "STATUS" = DBT_INTERNAL_SOURCE."STATUS",
    "AMOUNT" = DBT_INTERNAL_SOURCE."AMOUNT",
    "CHANNEL" = DBT_INTERNAL_SOURCE."CHANNEL",
    "PLACED_AT" = DBT_INTERNAL_SOURCE."PLACED_AT"
  when not matched then insert ("ID", "STATUS", "AMOUNT", "CHANNEL", "PLACED_AT")
  values (DBT_INTERNAL_SOURCE."ID", DBT_INTERNAL_SOURCE."STATUS", DBT_INTERNAL_SOURCE."AMOUNT", DBT_INTERNAL_SOURCE."CHANNEL", DBT_INTERNAL_SOURCE."PLACED_AT");
commit;
drop view if exists analytics.dev.orders__dbt_tmp cascade;
