-- adapter: create schema if missing analytics.dev
create or replace secure view analytics.dev.orders copy grants as (

select id, status, amount from raw.shop.orders
);
