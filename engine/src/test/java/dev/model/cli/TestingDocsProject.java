package dev.model.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A small shop project for the docs tests: seeds, a source, staging and mart models, generic and
 * singular tests, a doc block, and a description that tries to inject a script. Its profile
 * points at a DuckDB file in the project folder, which {@link #buildWarehouse()} fills so the
 * catalog has column types.
 */
final class TestingDocsProject {

    static final String HOSTILE_DESCRIPTION =
            "Orders <script>window.__injected = 1</script> and <img src=x onerror=\"window.__injected = 2\">";

    private TestingDocsProject() {
    }

    static TestingProject create(Path dir) {
        TestingProject project = TestingProject.create(dir);
        project.file("profiles.yml", """
                shop:
                  target: dev
                  outputs:
                    dev:
                      type: duckdb
                      path: warehouse.duckdb
                      threads: 2
                """);
        project.file("seeds/raw_orders.csv", "id,customer_id,amount_cents,ordered_at\n1,1,1000,2025-01-02 10:00:00\n");
        project.file("seeds/raw_customers.csv", "id,name\n1,Ana\n");
        project.file("models/staging/_sources.yml", """
                version: 2
                sources:
                  - name: shop_events
                    schema: raw
                    tables:
                      - name: clicks
                        description: Click events from the web shop.
                """);
        project.file("models/staging/stg_orders.sql", """
                select id as order_id, customer_id, amount_cents / 100.0 as amount, ordered_at
                from {{ ref('raw_orders') }}
                """);
        project.file("models/staging/stg_customers.sql", """
                select id as customer_id, name as customer_name from {{ ref('raw_customers') }}
                """);
        project.file("models/staging/stg_clicks.sql", "select * from {{ source('shop_events', 'clicks') }}\n");
        project.file("models/marts/fct_orders.sql", """
                {{ config(materialized='table', tags=['marts'], docs={'node_color': '#d9480f'}) }}
                with orders as (select * from {{ ref('stg_orders') }}),
                customers as (select * from {{ ref('stg_customers') }})
                select orders.order_id, orders.amount, customers.customer_name, orders.ordered_at
                from orders join customers on orders.customer_id = customers.customer_id
                """);
        project.file("models/marts/_marts.yml", """
                version: 2
                models:
                  - name: fct_orders
                    description: '%s {{ doc("fct_orders_more") }}'
                    columns:
                      - name: order_id
                        description: The **order** key, see [the shop](https://example.com/shop) and [bad](javascript:alert(1)).
                        tests: [unique, not_null]
                      - name: amount
                        description: In euros.
                """.formatted(HOSTILE_DESCRIPTION.replace("'", "''")));
        project.file("models/marts/docs.md", """
                {% docs fct_orders_more %}
                ## Grain
                One row per `order`.
                {% enddocs %}
                """);
        project.file("tests/assert_amount_positive.sql",
                "select * from {{ ref('fct_orders') }} where amount < 0\n");
        return project;
    }

    /** Adds a dashboard exposure on fct_orders, and one whose dependency does not exist. */
    static TestingProject withExposures(TestingProject project) {
        return project.file("models/marts/_exposures.yml", """
                version: 2
                exposures:
                  - name: weekly_revenue
                    label: Weekly revenue
                    type: dashboard
                    maturity: high
                    url: https://bi.example.com/dashboards/7
                    description: Revenue per week for the finance team.
                    owner: {name: Finance, email: finance@example.com}
                    depends_on: [ref('fct_orders')]
                  - name: churn_notebook
                    type: notebook
                    owner: {name: Data}
                    depends_on: [ref('stg_customers'), ref('no_such_model')]
                """);
    }

    /** Creates the seed and model relations (not the source) in the project's DuckDB file. */
    static void buildWarehouse(Path dir) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("warehouse.duckdb"));
             Statement sql = connection.createStatement()) {
            sql.execute("create table raw_orders (id integer, customer_id integer, amount_cents integer, ordered_at timestamp)");
            sql.execute("insert into raw_orders values (1, 1, 1000, timestamp '2025-01-02 10:00:00')");
            sql.execute("create table raw_customers (id integer, name varchar)");
            sql.execute("insert into raw_customers values (1, 'Ana')");
            sql.execute("create view stg_orders as select id as order_id, customer_id, amount_cents / 100.0 as amount,"
                    + " ordered_at from raw_orders");
            sql.execute("create view stg_customers as select id as customer_id, name as customer_name from raw_customers");
            sql.execute("create table fct_orders as select o.order_id, o.amount, c.customer_name, o.ordered_at"
                    + " from stg_orders o join stg_customers c on o.customer_id = c.customer_id");
        }
    }
}
