// Statistics of file data (a Parquet row group, a whole file) for scan pruning and the
// planner: comparing min/max values, merging them, and deciding whether a ScanPredicate can
// match any row of data described only by its statistics.
//
// Pruning must never skip data that holds a matching row, so every rule leans towards "may
// match": missing statistics, a constant whose type differs from the column's, and types
// without an order here (intervals, nested types) never prune. Comparisons follow the
// engine's (PostgreSQL's) semantics: a comparison with NULL matches nothing, text compares
// bytewise (Parquet's unsigned byte order for strings, so truncated string bounds stay
// bounds), and NaN sorts above every float. Parquet min/max leave NaN out, so a float column
// may hold NaNs above its max: >, >= and <> never prune floats, nor any comparison with a NaN
// constant.
#pragma once

#include <optional>

#include "sql/catalog/table.h"

namespace bundlebase::sql {

// Statistics of one column over `num_rows` rows, values in the column's table type.
struct DataStatistics {
  std::optional<Scalar> min;
  std::optional<Scalar> max;
  std::optional<int64_t> null_count;
  int64_t num_rows = 0;
};

// <0, 0, >0 for two non-null values of the same type; nullopt when the type has no order here.
std::optional<int> CompareStatisticValues(const Scalar& a, const Scalar& b);

// False only when no row described by `stats` can satisfy `predicate` (whose column has type
// `column_type`).
bool MayMatch(const ScanPredicate& predicate, const DataType& column_type,
              const DataStatistics& stats);

// Merges the statistics of parts (row groups, files) of one column: min of mins, max of
// maxes, sum of null counts. A part holding values but no min (or max) makes the merged one
// unknown; an all-NULL part only adds its nulls.
class StatisticsAccumulator {
 public:
  void Add(const DataStatistics& part);
  ColumnStatistics Finish() const;

 private:
  std::optional<Scalar> min_;
  std::optional<Scalar> max_;
  bool min_known_ = true;
  bool max_known_ = true;
  bool nulls_known_ = true;
  int64_t nulls_ = 0;
};

}  // namespace bundlebase::sql
