// The built-in aggregate functions, one family per file, and the wrappers that give every
// aggregate DISTINCT and ORDER BY.
//
// Each family appends its AggregateFunctions (with their docs and one kernel per input type) to
// a list; RegisterAggregateFunctions adds them all to a registry. Output types follow
// PostgreSQL's, mapped to ours (docs/sql-functions.md has the table):
//   count(*), count(x)                  int64, 0 for no rows
//   sum(int8/16/32, uint8/16/32)        int64 ("bigint out of range" on overflow)
//   sum(int64, uint64)                  decimal(38, 0)
//   sum(decimal(p, s))                  decimal(38, s) ("numeric field overflow" past 38 digits)
//   sum(float32) float32, sum(float64) float64 (both added up in double precision)
//   avg(integers)                       decimal(38, 16), rounded half away from zero
//   avg(decimal(p, s))                  decimal(38, max(s, min(16, 38 - (p - s))))
//   avg(float32/float64)                float64
//   min, max                            the input type (numbers, decimal, text, bytea, bool,
//                                       date, time, timestamp, interval); NaN sorts above all
//                                       numbers as in PostgreSQL
//   var_samp, var_pop, stddev_samp, stddev_pop (variance, stddev)
//                                       float64 for every numeric input (PostgreSQL: numeric
//                                       for integer and numeric input)
//   bool_and, bool_or, every            bool
//   string_agg(text, text)              text; string_agg(bytea, bytea) bytea
//   array_agg(x)                        list<x>, NULL elements kept
//   approx_count_distinct(x)            int64 (HyperLogLog, 4096 registers, ~1.6% error)
// Every aggregate but count returns NULL for a group without (non-NULL) input.
#pragma once

#include <vector>

#include "sql/functions/function_registry.h"

namespace bundlebase::sql {

void AddCountAggregates(std::vector<AggregateFunction>* out);
void AddSumAvgAggregates(std::vector<AggregateFunction>* out);
void AddMinMaxAggregates(std::vector<AggregateFunction>* out);
void AddVarianceAggregates(std::vector<AggregateFunction>* out);
void AddBoolAggregates(std::vector<AggregateFunction>* out);
void AddStringAggAggregates(std::vector<AggregateFunction>* out);
void AddArrayAggAggregates(std::vector<AggregateFunction>* out);
void AddApproxDistinctAggregates(std::vector<AggregateFunction>* out);

// Every family above, in order.
std::vector<AggregateFunction> BuiltinAggregateFunctions();

Status RegisterAggregateFunctions(FunctionRegistry* registry);

// Turns a factory for the plain aggregate (no DISTINCT, no ORDER BY) into one that honours
// AggregateCallOptions: DISTINCT feeds each distinct argument tuple once per group; ORDER BY
// sorts each group's rows by the keys when `order_sensitive` (string_agg, array_agg), and is
// ignored otherwise (its key columns are dropped).
AggregatorFactory WithCallOptions(AggregatorFactory plain, bool order_sensitive);

// bool_and (is_and) or bool_or over one bool argument; min/max of bool use it too.
std::unique_ptr<GroupedAggregator> MakeBoolAggregator(bool is_and);

// The wrappers WithCallOptions builds; `inner` receives the regular arguments only.
std::unique_ptr<GroupedAggregator> MakeDistinctAggregator(
    std::unique_ptr<GroupedAggregator> inner);
std::unique_ptr<GroupedAggregator> MakeOrderedAggregator(std::unique_ptr<GroupedAggregator> inner,
                                                         std::vector<SortKeySpec> order_by);

}  // namespace bundlebase::sql
