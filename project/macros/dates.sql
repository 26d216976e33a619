{#-
  One row per day from `first_day` to `last_day` (SQL expressions, scalar subqueries allowed),
  as a query with one column, date_day. dbt_utils has date_spine; this one needs no package.
-#}
{% macro day_spine(first_day, last_day) -%}
    {{ return(adapter.dispatch('day_spine', 'shop')(first_day, last_day)) }}
{%- endmacro %}

{#- A recursive CTE: H2, Postgres and most others. -#}
{% macro default__day_spine(first_day, last_day) -%}
    with recursive spine (date_day) as (
        select cast({{ first_day }} as date)
        union all
        select cast({{ dbt.dateadd('day', 1, 'date_day') }} as date)
        from spine
        where date_day < cast({{ last_day }} as date)
    )
    select date_day from spine
{%- endmacro %}

{% macro duckdb__day_spine(first_day, last_day) -%}
    select cast(day_start as date) as date_day
    from (
        select unnest(generate_series(
            cast({{ first_day }} as timestamp),
            cast({{ last_day }} as timestamp),
            interval 1 day
        )) as day_start
    ) as days
{%- endmacro %}

{#- Snowflake's generator needs a constant row count: up to 20 years of days. -#}
{% macro snowflake__day_spine(first_day, last_day) -%}
    select date_day
    from (
        select dateadd(day, row_number() over (order by seq4()) - 1, cast({{ first_day }} as date)) as date_day
        from table(generator(rowcount => 7305))
    ) as days
    where date_day <= cast({{ last_day }} as date)
{%- endmacro %}

{#- ISO day of the week: 1 = Monday ... 7 = Sunday. -#}
{% macro iso_day_of_week(date) -%}
    {{ return(adapter.dispatch('iso_day_of_week', 'shop')(date)) }}
{%- endmacro %}

{% macro default__iso_day_of_week(date) -%}
    extract(isodow from {{ date }})
{%- endmacro %}

{% macro snowflake__iso_day_of_week(date) -%}
    dayofweekiso({{ date }})
{%- endmacro %}

{% macro h2__iso_day_of_week(date) -%}
    extract(iso_day_of_week from {{ date }})
{%- endmacro %}

{#- Now in UTC, as a timestamp without time zone: the type of the RAW timestamps. -#}
{% macro utc_now() -%}
    {{ return(adapter.dispatch('utc_now', 'shop')()) }}
{%- endmacro %}

{% macro default__utc_now() -%}
    current_timestamp
{%- endmacro %}

{% macro duckdb__utc_now() -%}
    (now() at time zone 'UTC')
{%- endmacro %}

{% macro snowflake__utc_now() -%}
    sysdate()
{%- endmacro %}
