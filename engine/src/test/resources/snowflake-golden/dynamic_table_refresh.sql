-- adapter: create schema if missing analytics.dev
show dynamic tables in schema analytics.dev;
alter dynamic table analytics.dev.orders refresh;
