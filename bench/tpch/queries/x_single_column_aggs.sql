-- Single-column aggregates: sum, min, max and avg of one DECIMAL(15,2) lineitem column.
select
    sum(l_extendedprice) as sum_price,
    min(l_extendedprice) as min_price,
    max(l_extendedprice) as max_price,
    avg(l_extendedprice) as avg_price
from
    lineitem;
