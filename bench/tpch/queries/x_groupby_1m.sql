-- A GROUP BY with a million groups: lineitem per order, for the orders with keys up to
-- 4,000,000. Order keys use 8 of every 32 values, so at scale factor 1 that is exactly
-- 1,000,000 of the 1,500,000 orders (and ~4 million lines). The outer aggregate keeps the
-- million result rows inside the engine: what is timed is the grouping, not a client fetch.
select
    count(*) as order_groups,
    sum(total_quantity) as total_quantity,
    max(line_count) as max_lines
from
    (
        select
            l_orderkey,
            sum(l_quantity) as total_quantity,
            count(*) as line_count
        from
            lineitem
        where
            l_orderkey <= 4000000
        group by
            l_orderkey
    ) as per_order;
