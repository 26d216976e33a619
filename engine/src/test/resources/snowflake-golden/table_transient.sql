-- adapter: create schema if missing analytics.dev
create or replace transient table analytics.dev.orders as (

select id, status, amount from raw.shop.orders
);
