-- The only model that needs a warehouse at compile time: run_query and statement/load_result.
select
    42 as answer,
    'forty-two' as word