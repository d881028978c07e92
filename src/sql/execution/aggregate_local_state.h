// What one thread of a hash aggregate accumulates for one grouping set: its groups (none for
// the empty set, whose one group always exists) and one GroupedAggregator per aggregate call.
// Updating applies each call's FILTER column by gathering only the rows it selects.
#pragma once

#include <memory>
#include <vector>

#include "sql/execution/aggregate_operator.h"
#include "sql/execution/hash_keyed_groups.h"

namespace bundlebase::sql {

// A fresh aggregator for `call`, honouring DISTINCT and ORDER BY.
Result<std::unique_ptr<GroupedAggregator>> MakeAggregator(const HashAggregateCall& call);

class AggregateSetState {
 public:
  static Result<std::unique_ptr<AggregateSetState>> Make(
      const HashAggregateOperator::GroupingSet& set,
      const std::vector<HashAggregateCall>& aggregates, MemoryBudget* budget);

  Status Update(const RecordBatch& batch);

  KeyedGroups* groups() { return groups_.get(); }
  int64_t num_groups() const { return groups_ ? groups_->num_groups() : 1; }
  std::vector<std::unique_ptr<GroupedAggregator>>& aggregators() { return aggregators_; }

 private:
  AggregateSetState(const HashAggregateOperator::GroupingSet& set,
                    const std::vector<HashAggregateCall>& aggregates)
      : set_(set), aggregates_(aggregates) {}

  const HashAggregateOperator::GroupingSet& set_;
  const std::vector<HashAggregateCall>& aggregates_;
  std::unique_ptr<KeyedGroups> groups_;
  std::vector<std::unique_ptr<GroupedAggregator>> aggregators_;
  std::vector<uint32_t> group_ids_;
  std::vector<uint32_t> selected_ids_;
  std::vector<int32_t> selection_;
};

}  // namespace bundlebase::sql
