// HashAggregateOperator: GROUP BY (with GROUPING SETS / ROLLUP / CUBE expanded by the planner),
// ungrouped aggregates, and SELECT DISTINCT (keys without aggregates).
//
// It is the sink of its child's pipeline and the source of the next one. Every thread groups
// its batches into its own tables and aggregator states (no sharing while consuming); Combine
// hands them to the global state; Finalize merges them partition by partition in parallel
// (hash_group_merge.h), folds the aggregator states together with GroupedAggregator::Merge and
// builds the result, which Produce hands out a batch at a time.
//
// Output columns: the group keys (NULL where the row's grouping set leaves the key out), one
// column per aggregate, and with grouping sets a final int64 `grouping_id` whose bit i is set
// when key i is not grouped in that row. No keys: one row even for empty input.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "sql/execution/physical_operator.h"
#include "sql/functions/function_registry.h"

namespace bundlebase::sql {

class KeyEncoder;

// One aggregate call, over input column positions (the planner projects computed arguments).
struct HashAggregateCall {
  ResolvedAggregateCall call;
  // The arguments, then the ORDER BY keys (AggregateCallOptions).
  std::vector<int> arg_columns;
  // A bool column: only rows where it is true count. -1: no FILTER.
  int filter_column = -1;
  bool distinct = false;
  std::vector<SortKeySpec> order_by;
};

class HashAggregateOperator : public PhysicalOperator {
 public:
  // `grouping_sets`: each a list of indices into `group_columns`; empty means the one set of
  // all keys (and no grouping_id column).
  HashAggregateOperator(SchemaPtr schema, PhysicalOperatorPtr child,
                        std::vector<int> group_columns,
                        std::vector<std::vector<int>> grouping_sets,
                        std::vector<HashAggregateCall> aggregates);
  ~HashAggregateOperator() override;

  std::string name() const override { return "HASH_AGGREGATE"; }
  std::string details() const override;

  std::vector<int> sink_children() const override { return {0}; }
  Result<std::unique_ptr<GlobalSinkState>> MakeGlobalSinkState(ExecutionContext&) const override;
  Result<std::unique_ptr<LocalSinkState>> MakeLocalSinkState(ThreadContext&,
                                                              GlobalSinkState&) const override;
  Status Consume(ThreadContext& ctx, const RecordBatchPtr& input, GlobalSinkState& global,
                 LocalSinkState& local) const override;
  Status Combine(ThreadContext& ctx, GlobalSinkState& global, LocalSinkState& local) const override;
  Status Finalize(ExecutionContext& ctx, GlobalSinkState& global) const override;

  bool is_source() const override { return true; }
  Result<std::unique_ptr<GlobalSourceState>> MakeGlobalSourceState(ExecutionContext&) const override;
  Result<RecordBatchPtr> Produce(ThreadContext& ctx, GlobalSourceState& global,
                                 LocalSourceState& local) const override;

  // One grouping set: which keys it groups by (indices into group_columns) and their columns.
  struct GroupingSet {
    std::vector<int> keys;
    std::vector<int> columns;
    std::unique_ptr<KeyEncoder> encoder;  // null for the empty set
  };

 private:
  Result<std::vector<ArrayPtr>> FinalizeSet(ExecutionContext& ctx, GlobalSinkState& global,
                                            size_t set_index, int64_t* num_rows) const;

  std::vector<int> group_columns_;
  bool has_grouping_id_;
  std::vector<GroupingSet> sets_;
  std::vector<HashAggregateCall> aggregates_;
};

}  // namespace bundlebase::sql
