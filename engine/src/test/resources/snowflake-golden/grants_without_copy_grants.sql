-- adapter: create schema if missing analytics.dev
create or replace transient table analytics.dev.orders as (

select id, status, amount from raw.shop.orders
);
grant select on table analytics.dev.orders to role reporter;
