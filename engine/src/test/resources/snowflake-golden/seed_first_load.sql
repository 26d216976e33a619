-- adapter: create schema if missing analytics.dev
-- adapter: drop table if exists analytics.dev.countries__dbt_tmp
create table analytics.dev.countries__dbt_tmp (code varchar, name varchar, population integer, share float, founded date, updated_at timestamp_ntz, active boolean);
-- adapter: describe table analytics.dev.countries__dbt_tmp
-- adapter: bound batch insert into analytics.dev.countries__dbt_tmp (CODE, NAME, POPULATION, SHARE, FOUNDED, UPDATED_AT, ACTIVE)
-- adapter:   row [String de, String Germany, BigDecimal 83200000, BigDecimal 0.41, LocalDate 1949-05-23, LocalDateTime 2024-01-01T10:00, Boolean true]
-- adapter:   row [String fr, String France, BigDecimal 68000000, BigDecimal 0.34, LocalDate 1958-10-04, LocalDateTime 2024-01-02T11:30, Boolean false]
-- adapter: rename analytics.dev.countries__dbt_tmp to analytics.dev.countries
grant select on table analytics.dev.countries to role reporter;
