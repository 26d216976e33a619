-- adapter: create schema if missing analytics.dev
create or replace dynamic table analytics.dev.orders
    target_lag = '5 minutes'
    warehouse = transforming
    refresh_mode = INCREMENTAL
    initialize = ON_CREATE
    as (

select id, status, amount from raw.shop.orders
    );
