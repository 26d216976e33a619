with source as (
    select * from {{ ref('customers') }}
)

select
    customer_id,
    trim(first_name) as first_name,
    trim(last_name) as last_name,
    trim(first_name) || ' ' || trim(last_name) as full_name,
    lower(trim(email)) as email,
    city,
    upper(country_code) as country_code,
    signup_date,
    acquisition_channel
from source
