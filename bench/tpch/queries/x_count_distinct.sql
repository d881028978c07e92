-- COUNT(DISTINCT) over a lineitem column with many values in random order: l_partkey has
-- 200,000 distinct values at scale factor 1 (every part is ordered).
select
    count(distinct l_partkey) as distinct_parts
from
    lineitem;
