-- adapter: create schema if missing analytics.dev
drop table if exists analytics.dev.orders cascade;
create or replace view analytics.dev.orders as (

select id, status, amount from raw.shop.orders
);
