-- adapter: create schema if missing analytics.dev
create or replace transient table analytics.dev.orders as (

select id, status, amount from raw.shop.orders
);
comment on table analytics.dev.orders is $$One row per order; amounts in [$] (USD)$$;
-- adapter: describe table analytics.dev.orders
alter table analytics.dev.orders alter "ID" comment $$The order's key$$;
alter table analytics.dev.orders alter "AMOUNT" comment $$Total; [$] incl. tax$$;
