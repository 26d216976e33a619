{#
  Customer history (SCD type 2): a new row each time a customer's email, city or country changes,
  with dbt_valid_from / dbt_valid_to telling when each version was current. The schema is the
  var `snapshot_schema` (default `snapshots`), so a CI run can keep its history apart.
#}
{% snapshot customers_snapshot %}
{{ config(
    target_schema=var('snapshot_schema', 'snapshots'),
    unique_key='customer_id',
    strategy='check',
    check_cols=['email', 'city', 'country_code'],
    invalidate_hard_deletes=True
) }}

select customer_id, full_name, email, city, country_code
from {{ ref('stg_customers') }}

{% endsnapshot %}
