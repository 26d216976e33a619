{#-
  A deterministic RAW fixture for DuckDB: what the Kafka ingest would have written for the last
  two weeks of the shop, so the project builds and tests without Kafka. Loaded by the on-run-start
  hook when `load_raw_fixture` is true (see raw_layer.sql); the RAW tables must already exist.

  Content (the same on every run; only the dates move with the clock):
  - 120 orders (5001-5120) of 30 customers (6 already in the customers seed, 24 new), 1 to 3
    lines each, over 18 products (16 from the catalogue seed, 2 new drops: 901, 902);
  - status changes paid / shipped / delivered / returned / cancelled, some orders still placed;
    every 13th order is shipped and delivered at the same instant (a tie: the higher Kafka
    offset wins); the `paid` event of every 7th order arrives a day late, after `shipped`;
    every 19th `order_created` arrives a day late (late events older than a day are clamped to
    land just after the anchor, like a backlog drained by a restarted consumer);
  - one payment_captured per paid order, for the order's total;
  - web sessions: one before most orders (same customer) and 150 browsing sessions;
  - every 11th event is delivered twice (same event_id, a later offset); no malformed event.
  Times are UTC. The newest event occurs at `anchor`, 5 minutes before now (or the var
  `raw_fixture_anchor`, a timestamp), and nothing is ingested after `anchor` + 4 minutes.
-#}
{% macro load_raw_fixture() -%}
    {%- set schema = var('raw_schema', 'raw') -%}
    {%- set anchor = "timestamp '" ~ var('raw_fixture_anchor') ~ "'" if var('raw_fixture_anchor', none)
        else "date_trunc('minute', " ~ utc_now() ~ ") - interval 5 minute" -%}
    {%- set channels = ['paid_search', 'social', 'email', 'affiliate', 'direct', 'referral'] -%}
    {%- set methods = ['card', 'paypal', 'apple_pay', 'gift_card'] -%}
    {%- set products = [
        (1, 'Nike', 'Air Max 90', '41', 'White', '130.00'),
        (2, 'Nike', 'Air Max 90', '42', 'White', '130.00'),
        (7, 'Adidas', 'Ultraboost 22', '41', 'Core Black', '180.00'),
        (9, 'Adidas', 'Ultraboost 22', '41', 'Cloud White', '180.00'),
        (11, 'New Balance', '550', '41', 'White Green', '120.00'),
        (13, 'New Balance', '550', '41', 'Grey', '120.00'),
        (15, 'Converse', 'Chuck 70', '41', 'Black', '90.00'),
        (19, 'Vans', 'Old Skool', '41', 'Black White', '75.00'),
        (23, 'Asics', 'Gel-Kayano 30', '41', 'Blue', '170.00'),
        (27, 'Puma', 'Suede Classic', '41', 'Red', '70.00'),
        (31, 'Salomon', 'XT-6', '41', 'Black', '180.00'),
        (33, 'Salomon', 'XT-6', '41', 'Vanilla', '180.00'),
        (35, 'Nike', 'Club Fleece Hoodie', 'M', 'Grey', '60.00'),
        (39, 'Adidas', 'Trefoil Hoodie', 'M', 'Black', '70.00'),
        (43, 'Vans', 'Classic Tee', 'M', 'White', '25.00'),
        (47, 'New Balance', 'Essentials Tee', 'M', 'White', '30.00'),
        (901, 'Nike', 'Dunk Low', '42', 'Panda', '110.00'),
        (902, 'Asics', 'Gel-1130', '42', 'Silver', '120.00')
    ] -%}
    {%- set known_customers = [
        (1, 'Hugo', 'Dubois', 'Bordeaux', 'FR'),
        (2, 'Chloe', 'Petit', 'Geneve', 'CH'),
        (3, 'Adam', 'Martin', 'Paris', 'FR'),
        (4, 'Gabriel', 'Dubois', 'Geneve', 'CH'),
        (5, 'Adam', 'Simon', 'Bruxelles', 'BE'),
        (6, 'Marie', 'Leroy', 'Toulouse', 'FR')
    ] -%}
    {%- set first_names = ['Lea', 'Louis', 'Emma', 'Jules', 'Jade', 'Arthur', 'Alice', 'Noah', 'Rose', 'Paul', 'Ines', 'Tom'] -%}
    {%- set last_names = ['Bernard', 'Thomas', 'Robert', 'Richard', 'Durand', 'Lefevre', 'Garcia', 'Roux'] -%}
    {%- set cities = [('Paris', 'FR'), ('Lyon', 'FR'), ('Lille', 'FR'), ('Geneve', 'CH'), ('Bruxelles', 'BE'), ('Marseille', 'FR'), ('Nantes', 'FR')] -%}

    create or replace temporary table shop_fixture_clock as
    select {{ anchor }} as anchor;

    create or replace temporary table shop_fixture_products as
    select * from (values
        {%- for p in products %}
        ({{ loop.index0 }}, {{ p[0] }}, '{{ p[1] }}', '{{ p[2] }}', '{{ p[3] }}', '{{ p[4] }}', cast({{ p[5] }} as decimal(10, 2))){% if not loop.last %},{% endif %}
        {%- endfor %}
    ) as p(slot, product_id, brand, model, size, colour, unit_price);

    create or replace temporary table shop_fixture_customers as
    select * from (values
        {%- for c in known_customers %}
        ({{ loop.index0 }}, {{ c[0] }}, '{{ c[1] }} {{ c[2] }}', '{{ (c[1] ~ "." ~ c[2] ~ c[0]) | lower }}@example.com', '{{ c[3] }}', '{{ c[4] }}'),
        {%- endfor %}
        {%- for k in range(24) %}
        {%- set first = first_names[(k * 5) % 12] %}
        {%- set last = last_names[(k * 3) % 8] %}
        {%- set city = cities[k % 7] %}
        ({{ 6 + k }}, {{ 101 + k }}, '{{ first }} {{ last }}', '{{ (first ~ "." ~ last ~ (101 + k)) | lower }}@example.com', '{{ city[0] }}', '{{ city[1] }}'){% if not loop.last %},{% endif %}
        {%- endfor %}
    ) as c(slot, customer_id, name, email, city, country);

    -- Order i is placed (120 - i) * 157 + 20 minutes before the anchor; `path` decides its statuses.
    create or replace temporary table shop_fixture_orders as
    select
        r.i,
        5000 + r.i as order_id,
        c.customer_id,
        c.name,
        c.email,
        c.city,
        c.country,
        clock.anchor - ((120 - r.i) * 157 + 20) * interval 1 minute as ordered_at,
        1 + r.i % 3 as line_count,
        (r.i + 3) % 10 as path
    from range(1, 121) as r(i)
    cross join shop_fixture_clock as clock
    inner join shop_fixture_customers as c on c.slot = (r.i * 7) % 30;

    create or replace temporary table shop_fixture_lines as
    select
        o.order_id,
        l.k as line_number,
        p.product_id,
        p.brand,
        p.model,
        p.size,
        p.colour,
        case when (o.i + l.k) % 4 = 0 then 2 else 1 end as quantity,
        p.unit_price
    from shop_fixture_orders as o
    inner join range(0, 3) as l(k) on l.k < o.line_count
    inner join shop_fixture_products as p on p.slot = (o.i * 5 + l.k * 7) % 18;

    -- Every event once, before Kafka: topic, key, when it occurred and how long the ingest took.
    create or replace temporary table shop_fixture_events as
    with statuses as (
        select * from (values
            ('paid', 1, 5, 2, 9),
            ('shipped', 2, 1440, 4, 9),
            ('delivered', 3, 4320, 6, 9),
            ('returned', 4, 10080, 9, 9),
            ('cancelled', 1, 30, 0, 0)
        ) as s(status, step, after_minutes, from_path, to_path)
    ),

    status_changes as (
        select
            o.order_id,
            o.i,
            s.status,
            s.step,
            case
                -- the tie: delivered at the same instant as shipped
                when o.i % 13 = 0 and s.status = 'delivered' then o.ordered_at + 1440 * interval 1 minute
                else o.ordered_at + s.after_minutes * interval 1 minute
            end as occurred_at
        from shop_fixture_orders as o
        inner join statuses as s on o.path between s.from_path and s.to_path
    ),

    order_totals as (
        select order_id, sum(quantity * unit_price) as amount
        from shop_fixture_lines
        group by order_id
    ),

    sessions as (
        select
            'sess-o' || o.order_id as session_id,
            o.i as key_number,
            o.customer_id,
            [{{ "'" ~ channels | join("', '") ~ "'" }}][1 + o.i % 6] as channel,
            o.ordered_at - interval 25 minute as started_at,
            3 as events,
            true as adds_to_cart,
            (select product_id from shop_fixture_lines as l where l.order_id = o.order_id and l.line_number = 0) as product_id
        from shop_fixture_orders as o
        where o.i % 4 <> 3
        union all
        select
            'sess-' || lpad(cast(r.j as varchar), 4, '0'),
            1000 + r.j,
            case when r.j % 3 = 0 then c.customer_id end,
            [{{ "'" ~ channels | join("', '") ~ "'" }}][1 + (r.j * 5) % 6],
            clock.anchor - ((r.j - 1) * 113 + 8) * interval 1 minute,
            case when r.j % 5 = 0 then 2 + r.j % 3 else 1 + r.j % 3 end,
            r.j % 5 = 0,
            p.product_id
        from range(1, 151) as r(j)
        cross join shop_fixture_clock as clock
        inner join shop_fixture_customers as c on c.slot = r.j % 30
        inner join shop_fixture_products as p on p.slot = r.j % 18
    ),

    web_events as (
        select
            s.*,
            n.n,
            case when s.adds_to_cart and n.n = s.events then 'product_added_to_cart' else 'page_viewed' end as event_type,
            s.started_at + (n.n - 1) * 4 * interval 1 minute as occurred_at
        from sessions as s
        inner join range(1, 5) as n(n) on n.n <= s.events
    ),

    events as (
        select
            'orders' as topic,
            o.order_id as key_number,
            cast(o.order_id as varchar) as kafka_key,
            'ord-' || o.order_id || '-created' as event_id,
            'order_created' as event_type,
            o.ordered_at as occurred_at,
            case when o.i % 19 = 0 then 26 * 3600 else 2 + o.i % 7 end as ingest_seconds,
            json_object(
                'order_id', o.order_id,
                'customer', json_object('id', o.customer_id, 'name', o.name, 'email', o.email, 'city', o.city, 'country', o.country),
                'lines', (
                    select to_json(list(json_object(
                        'product_id', l.product_id, 'brand', l.brand, 'model', l.model, 'size', l.size,
                        'colour', l.colour, 'quantity', l.quantity, 'unit_price', l.unit_price
                    ) order by l.line_number))
                    from shop_fixture_lines as l
                    where l.order_id = o.order_id
                ),
                'currency', 'EUR'
            ) as body
        from shop_fixture_orders as o

        union all

        select
            'orders',
            s.order_id,
            cast(s.order_id as varchar),
            'ord-' || s.order_id || '-' || s.status,
            'order_status_changed',
            s.occurred_at,
            case when s.i % 7 = 0 and s.status = 'paid' then 26 * 3600 else 2 + s.i % 5 + s.step end,
            json_object('order_id', s.order_id, 'status', s.status)
        from status_changes as s

        union all

        select
            'payments',
            o.order_id,
            cast(o.order_id as varchar),
            'pay-' || o.order_id,
            'payment_captured',
            o.ordered_at + interval 6 minute,
            3 + o.i % 4,
            json_object(
                'order_id', o.order_id,
                'amount', t.amount,
                'method', [{{ "'" ~ methods | join("', '") ~ "'" }}][1 + o.i % 4]
            )
        from shop_fixture_orders as o
        inner join order_totals as t on t.order_id = o.order_id
        where o.path >= 2

        union all

        select
            'web',
            w.key_number,
            w.session_id,
            'web-' || w.session_id || '-' || w.n,
            w.event_type,
            w.occurred_at,
            1 + w.n,
            json_object('session_id', w.session_id, 'customer_id', w.customer_id, 'channel', w.channel, 'product_id', w.product_id)
        from web_events as w
    )

    select
        events.topic,
        events.key_number,
        events.kafka_key,
        events.event_id,
        events.event_type,
        events.occurred_at,
        -- the payload is the whole event, envelope fields first
        json_merge_patch(
            json_object(
                'event_id', events.event_id,
                'event_type', events.event_type,
                'schema_version', 1,
                'occurred_at', strftime(events.occurred_at, '%Y-%m-%dT%H:%M:%SZ')
            ),
            events.body
        ) as payload,
        least(events.occurred_at + events.ingest_seconds * interval 1 second, clock.anchor + interval 4 minute) as ingested_at
    from events
    cross join shop_fixture_clock as clock
    where events.occurred_at <= clock.anchor;

    -- Every 11th event is delivered a second time, 45 seconds later.
    insert into shop_fixture_events
    select topic, key_number, kafka_key, event_id, event_type, occurred_at, payload, ingested_at + interval 45 second
    from (
        select *, row_number() over (order by event_id) as n
        from shop_fixture_events
    ) as numbered
    where n % 11 = 0;

    {%- set tables = raw_tables() %}
    {%- for topic in ['orders', 'payments', 'web'] %}
    insert into {{ schema }}.{{ tables[loop.index0] }}
    select
        event_id,
        event_type,
        payload,
        topic as kafka_topic,
        cast(key_number % 3 as integer) as kafka_partition,
        row_number() over (partition by key_number % 3 order by ingested_at, event_id) - 1 as kafka_offset,
        ingested_at - interval 1 second as kafka_timestamp,
        kafka_key,
        ingested_at
    from shop_fixture_events
    where topic = '{{ topic }}';
    {% endfor %}

    drop table shop_fixture_events;
    drop table shop_fixture_lines;
    drop table shop_fixture_orders;
    drop table shop_fixture_customers;
    drop table shop_fixture_products;
    drop table shop_fixture_clock;
{%- endmacro %}
