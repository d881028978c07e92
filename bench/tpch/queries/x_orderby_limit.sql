-- ORDER BY ... LIMIT 100 over all of lineitem (a top-N), with a tie-breaking second key so the
-- result is fully determined.
select
    l_orderkey,
    l_linenumber,
    l_extendedprice,
    l_shipdate
from
    lineitem
order by
    l_extendedprice desc,
    l_orderkey,
    l_linenumber
limit 100;
