-- adapter: create schema if missing analytics.dev
create or replace temporary view analytics.dev.orders__dbt_tmp as (

select id, status, amount from raw.shop.orders
where id > (select max(id) from analytics.dev.orders)

);
-- adapter: describe table analytics.dev.orders__dbt_tmp
-- adapter: describe table analytics.dev.orders
begin;
merge into analytics.dev.orders as DBT_INTERNAL_DEST
  using analytics.dev.orders__dbt_tmp as DBT_INTERNAL_SOURCE
  on (DBT_INTERNAL_SOURCE.id = DBT_INTERNAL_DEST.id)
  when matched then update set
    "ID" = DBT_INTERNAL_SOURCE."ID",
    "STATUS" = DBT_INTERNAL_SOURCE."STATUS",
    "AMOUNT" = DBT_INTERNAL_SOURCE."AMOUNT"
  when not matched then insert ("ID", "STATUS", "AMOUNT")
  values (DBT_INTERNAL_SOURCE."ID", DBT_INTERNAL_SOURCE."STATUS", DBT_INTERNAL_SOURCE."AMOUNT");
commit;
drop view if exists analytics.dev.orders__dbt_tmp cascade;
