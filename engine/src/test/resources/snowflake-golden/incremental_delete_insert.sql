-- adapter: create schema if missing analytics.dev
create or replace temporary table analytics.dev.orders__dbt_tmp as (

select id, status, amount from raw.shop.orders
where id > (select max(id) from analytics.dev.orders)

);
-- adapter: describe table analytics.dev.orders__dbt_tmp
-- adapter: describe table analytics.dev.orders
begin;
delete from analytics.dev.orders
where (id) in (
    select (id)
    from analytics.dev.orders__dbt_tmp
);
insert into analytics.dev.orders ("ID", "STATUS", "AMOUNT")
(
    select "ID", "STATUS", "AMOUNT"
    from analytics.dev.orders__dbt_tmp
);
commit;
drop table if exists analytics.dev.orders__dbt_tmp cascade;
