-- adapter: create schema if missing analytics.dev
-- adapter: drop table if exists analytics.dev.countries__dbt_tmp
create table analytics.dev.countries__dbt_tmp (code varchar, population integer);
-- adapter: describe table analytics.dev.countries__dbt_tmp
-- adapter: bound batch insert into analytics.dev.countries__dbt_tmp (CODE, POPULATION)
-- adapter:   row [String de, BigDecimal 83200000]
-- adapter: describe table analytics.dev.countries
-- adapter: describe table analytics.dev.countries__dbt_tmp
begin;
delete from analytics.dev.countries;
insert into analytics.dev.countries select * from analytics.dev.countries__dbt_tmp;
commit;
-- adapter: drop table if exists analytics.dev.countries__dbt_tmp
