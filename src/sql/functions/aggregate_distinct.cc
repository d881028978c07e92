// The DISTINCT wrapper: count(DISTINCT x), string_agg(DISTINCT x, ','), ...
//
// Each argument tuple is fed to the inner aggregator once per group. The wrapper keeps a set of
// the (group, tuple) pairs seen, as canonical bytes (aggregate_rows.h: NULLs equal, -0.0 = 0.0),
// and copies the rows that were new into compact buffers. The inner aggregator only sees them
// at Finalize: merging two threads must merge their sets — a value seen by both threads counts
// once — so the other thread's buffered rows go through the same first-occurrence check here.
#include <string>

#include "sql/functions/aggregate_functions.h"
#include "sql/functions/aggregate_key_set.h"
#include "sql/functions/aggregate_rows.h"
#include "sql/functions/aggregate_util.h"

namespace bundlebase::sql {
namespace {

class DistinctAggregator final : public AggregatorBase {
 public:
  explicit DistinctAggregator(std::unique_ptr<GroupedAggregator> inner)
      : inner_(std::move(inner)) {}

  Status Update(const std::vector<Datum>& args, const uint32_t* group_ids,
                int64_t length) override {
    std::vector<ArrayPtr> columns;
    for (const Datum& arg : args) {
      BB_ASSIGN_OR_RAISE(ArrayPtr column, DatumToArray(arg, length));
      columns.push_back(std::move(column));
    }
    const bool single = single_group(group_ids);
    return Insert(columns, length, [&](int64_t i) { return single ? 0u : group_ids[i]; });
  }

  Status Merge(GroupedAggregator& other, const uint32_t* group_map) override {
    auto& from = static_cast<DistinctAggregator&>(other);
    for (size_t b = 0; b < from.batches_.size(); ++b) {
      const std::vector<uint32_t>& groups = from.batch_groups_[b];
      BB_RETURN_NOT_OK(Insert(from.batches_[b], static_cast<int64_t>(groups.size()),
                              [&](int64_t i) { return group_map[groups[i]]; }));
    }
    return Status::OK();
  }

  Result<ArrayPtr> Finalize() override {
    BB_RETURN_NOT_OK(inner_->Resize(num_groups_));
    for (size_t b = 0; b < batches_.size(); ++b) {
      const std::vector<Datum> args(batches_[b].begin(), batches_[b].end());
      BB_RETURN_NOT_OK(inner_->Update(args, batch_groups_[b].data(),
                                      static_cast<int64_t>(batch_groups_[b].size())));
    }
    return inner_->Finalize();
  }

 private:
  // Keeps the rows of `columns` whose (group, tuple) was not seen before.
  template <typename GroupOf>
  Status Insert(const std::vector<ArrayPtr>& columns, int64_t length, GroupOf group_of) {
    std::vector<int64_t> fresh_rows;
    std::vector<uint32_t> fresh_groups;
    std::string key;
    for (int64_t i = 0; i < length; ++i) {
      const uint32_t group = group_of(i);
      key.assign(reinterpret_cast<const char*>(&group), sizeof(group));
      for (const ArrayPtr& column : columns) AppendRowKey(*column, i, &key);
      if (seen_.Insert(key)) {
        fresh_rows.push_back(i);
        fresh_groups.push_back(group);
      }
    }
    if (fresh_rows.empty()) return Status::OK();
    std::vector<ArrayPtr> kept;
    for (const ArrayPtr& column : columns) {
      BB_ASSIGN_OR_RAISE(ArrayPtr taken, TakeRows(*column, fresh_rows));
      kept.push_back(std::move(taken));
    }
    batches_.push_back(std::move(kept));
    batch_groups_.push_back(std::move(fresh_groups));
    return Status::OK();
  }

  Status Grow(int64_t) override { return Status::OK(); }

  std::unique_ptr<GroupedAggregator> inner_;
  KeySet seen_;  // (group, tuple) keys
  std::vector<std::vector<ArrayPtr>> batches_;   // first occurrences, one column per argument
  std::vector<std::vector<uint32_t>> batch_groups_;
};

}  // namespace

std::unique_ptr<GroupedAggregator> MakeDistinctAggregator(
    std::unique_ptr<GroupedAggregator> inner) {
  return std::make_unique<DistinctAggregator>(std::move(inner));
}

}  // namespace bundlebase::sql
