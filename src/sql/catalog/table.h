// Table: what the SQL engine needs from anything it can query — a bundle, one of its packs, a
// metadata table, an in-memory table, or files named in read_parquet('...').
//
// A table gives its schema, what it knows about its data (statistics, for the planner's
// estimates and pruning), and scans. A scan takes the columns the query needs and simple
// predicates it may use to skip data (row groups whose min/max cannot match), and is split into
// partitions that the engine's threads claim one at a time (morsel parallelism). The engine
// always re-applies the predicates itself, so a table may ignore them.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "columnar/record_batch.h"
#include "columnar/scalar.h"

namespace bundlebase::sql {

struct ColumnStatistics {
  std::optional<Scalar> min;
  std::optional<Scalar> max;
  std::optional<int64_t> null_count;
  std::optional<int64_t> distinct_count;
};

struct TableStatistics {
  std::optional<int64_t> row_count;
  std::vector<ColumnStatistics> columns;  // one per schema column, or empty when unknown
};

// `column op value` on one column of the table: the predicates a scan can check against
// per-partition statistics. Values have the column's type.
struct ScanPredicate {
  enum class Op : uint8_t { kEq, kNotEq, kLt, kLtEq, kGt, kGtEq, kIsNull, kIsNotNull };
  int column = 0;  // index into the table's schema
  Op op = Op::kEq;
  Scalar value;    // unused for kIsNull / kIsNotNull
};

struct ScanRequest {
  std::vector<int> columns;                // table columns to read, in output order
  std::vector<ScanPredicate> predicates;   // conjunction; a hint for skipping data
};

// One scan of a table. Threads call OpenPartition concurrently for different partitions.
class TableScan {
 public:
  virtual ~TableScan() = default;
  virtual SchemaPtr schema() const = 0;  // the requested columns
  virtual int64_t num_partitions() const = 0;
  virtual Result<std::unique_ptr<RecordBatchReader>> OpenPartition(int64_t index) const = 0;
  // What the scan skipped thanks to the predicates, for EXPLAIN ANALYZE ("row groups: 3 of 40").
  virtual std::string Describe() const { return ""; }
};

class Table {
 public:
  virtual ~Table() = default;
  virtual SchemaPtr schema() const = 0;
  virtual TableStatistics Statistics() const { return {}; }
  virtual Result<std::unique_ptr<TableScan>> Scan(const ScanRequest& request) const = 0;
  // A view is a table defined by a query: the binder expands this SQL in place of a scan.
  virtual std::optional<std::string> ViewDefinition() const { return std::nullopt; }
};

using TablePtr = std::shared_ptr<const Table>;

}  // namespace bundlebase::sql
