-- adapter: create schema if missing analytics.dev
create or replace transient table analytics.dev.orders copy grants as (

select id, status, amount from raw.shop.orders
);
show grants on table analytics.dev.orders;
revoke SELECT on table analytics.dev.orders from role OLD_ANALYST;
grant select on table analytics.dev.orders to role bi_tool;
grant insert on table analytics.dev.orders to role loader;
