-- adapter: create schema if missing analytics.dev
drop view if exists analytics.dev.orders cascade;
create or replace transient table analytics.dev.orders as (

select id, status, amount from raw.shop.orders
);
