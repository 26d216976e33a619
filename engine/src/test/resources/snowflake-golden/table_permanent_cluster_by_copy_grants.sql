-- adapter: create schema if missing analytics.dev
create or replace table analytics.dev.orders copy grants as (
select * from (

select id, status, amount from raw.shop.orders
) order by (status, id)
);
alter table analytics.dev.orders cluster by (status, id);
alter table analytics.dev.orders resume recluster;
