{#-
  The RAW layer is written by the Kafka ingest, one table per topic, one row per event (see the
  sources in models/staging/_sources.yml). This macro runs as the project's on-run-start hook:

  - on DuckDB it creates the RAW tables when they are missing, empty, so the project builds
    without Kafka (the streamed half of the marts is then empty);
  - with `--vars '{load_raw_fixture: true}'` (DuckDB only) it replaces them with the
    deterministic fixture of raw_fixture.sql: a few days of events with duplicates and late events;
  - on any other warehouse (Snowflake) it does nothing: RAW belongs to the ingest.
-#}
{% macro prepare_raw_layer() -%}
    {{ return(adapter.dispatch('prepare_raw_layer', 'shop')()) }}
{%- endmacro %}

{% macro default__prepare_raw_layer() -%}
    {%- if var('load_raw_fixture', false) -%}
        {{ exceptions.raise_compiler_error("The RAW fixture (var load_raw_fixture) only loads on DuckDB, not on " ~ target.type ~ ": RAW is filled by the Kafka ingest there.") }}
    {%- endif -%}
{%- endmacro %}

{% macro duckdb__prepare_raw_layer() -%}
    create schema if not exists {{ var('raw_schema', 'raw') }};
    {%- for table in raw_tables() | unique %}
    {{ raw_table_ddl(table, replace=var('load_raw_fixture', false)) }};
    {%- endfor %}
    {%- if var('load_raw_fixture', false) %}
    {{ load_raw_fixture() }}
    {%- endif %}
{%- endmacro %}

{#- The RAW table names, one per topic; each can be renamed with a var, as in the sources. -#}
{% macro raw_tables() -%}
    {{ return([
        var('raw_orders_table', 'shop_orders'),
        var('raw_payments_table', 'shop_orders'),
        var('raw_web_table', 'shop_web')
    ]) }}
{%- endmacro %}

{#- The ingest's contract for every RAW table. -#}
{% macro raw_table_ddl(table, replace=false) -%}
    create {{ 'or replace table' if replace else 'table if not exists' }} {{ var('raw_schema', 'raw') }}.{{ table }} (
        event_id varchar,
        event_type varchar,
        payload json,
        kafka_topic varchar,
        kafka_partition integer,
        kafka_offset bigint,
        kafka_timestamp timestamp,
        kafka_key varchar,
        ingested_at timestamp
    )
{%- endmacro %}
