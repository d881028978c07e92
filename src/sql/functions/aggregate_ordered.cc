// The ORDER BY wrapper: string_agg(x, ',' ORDER BY y) and array_agg(x ORDER BY y DESC).
//
// Rows are buffered with their group ids (arguments and keys, as given), and at Finalize every
// group's rows are sorted by the keys — stably, so ties keep their input order — and fed to the
// inner aggregator group by group in one Update. Merging partial results of several threads
// appends the other thread's buffered rows: the sort happens once, over all of them.
#include <algorithm>
#include <numeric>

#include "sql/functions/aggregate_functions.h"
#include "sql/functions/aggregate_rows.h"
#include "sql/functions/aggregate_util.h"

namespace bundlebase::sql {
namespace {

class OrderedAggregator final : public AggregatorBase {
 public:
  OrderedAggregator(std::unique_ptr<GroupedAggregator> inner, std::vector<SortKeySpec> order_by)
      : inner_(std::move(inner)), order_by_(std::move(order_by)) {}

  Status Update(const std::vector<Datum>& args, const uint32_t* group_ids,
                int64_t length) override {
    if (args.size() < order_by_.size()) {
      return Status::Internal("aggregate got {} arguments, fewer than its {} ORDER BY keys",
                              args.size(), order_by_.size());
    }
    if (columns_.empty()) columns_.resize(args.size());
    for (size_t k = 0; k < args.size(); ++k) {
      BB_ASSIGN_OR_RAISE(ArrayPtr column, DatumToArray(args[k], length));
      columns_[k].push_back(std::move(column));
    }
    for (int64_t i = 0; i < length; ++i) {
      groups_.push_back(single_group(group_ids) ? 0 : group_ids[i]);
    }
    return Status::OK();
  }

  Status Merge(GroupedAggregator& other, const uint32_t* group_map) override {
    auto& from = static_cast<OrderedAggregator&>(other);
    if (from.columns_.empty()) return Status::OK();
    if (columns_.empty()) columns_.resize(from.columns_.size());
    for (size_t k = 0; k < from.columns_.size(); ++k) {
      for (ArrayPtr& chunk : from.columns_[k]) columns_[k].push_back(std::move(chunk));
    }
    for (uint32_t g : from.groups_) groups_.push_back(group_map[g]);
    return Status::OK();
  }

  Result<ArrayPtr> Finalize() override {
    BB_RETURN_NOT_OK(inner_->Resize(num_groups_));
    if (groups_.empty()) return inner_->Finalize();
    std::vector<ArrayPtr> columns;
    for (const auto& chunks : columns_) {
      BB_ASSIGN_OR_RAISE(ArrayPtr column, Concatenate(chunks));
      columns.push_back(std::move(column));
    }
    const size_t num_regular = columns.size() - order_by_.size();
    std::vector<ValueComparator> comparators;
    for (size_t k = 0; k < order_by_.size(); ++k) {
      BB_ASSIGN_OR_RAISE(ValueComparator compare, MakeValueComparator(columns[num_regular + k]));
      comparators.push_back(std::move(compare));
    }
    std::vector<int64_t> rows(groups_.size());
    std::iota(rows.begin(), rows.end(), int64_t{0});
    std::stable_sort(rows.begin(), rows.end(), [&](int64_t a, int64_t b) {
      if (groups_[a] != groups_[b]) return groups_[a] < groups_[b];
      for (size_t k = 0; k < order_by_.size(); ++k) {
        const int c = CompareKey(*columns[num_regular + k], comparators[k], order_by_[k], a, b);
        if (c != 0) return c < 0;
      }
      return false;
    });
    std::vector<Datum> sorted;
    for (size_t k = 0; k < num_regular; ++k) {
      BB_ASSIGN_OR_RAISE(ArrayPtr taken, TakeRows(*columns[k], rows));
      sorted.emplace_back(std::move(taken));
    }
    std::vector<uint32_t> sorted_groups(rows.size());
    for (size_t i = 0; i < rows.size(); ++i) sorted_groups[i] = groups_[rows[i]];
    BB_RETURN_NOT_OK(inner_->Update(sorted, sorted_groups.data(),
                                    static_cast<int64_t>(sorted_groups.size())));
    return inner_->Finalize();
  }

 private:
  static int CompareKey(const Array& column, const ValueComparator& compare, const SortKeySpec& spec,
                        int64_t a, int64_t b) {
    const bool a_null = column.IsNull(a);
    const bool b_null = column.IsNull(b);
    if (a_null || b_null) {
      if (a_null == b_null) return 0;
      return a_null == spec.nulls_first ? -1 : 1;
    }
    const int c = compare(a, b);
    return spec.ascending ? c : -c;
  }

  Status Grow(int64_t) override { return Status::OK(); }

  std::unique_ptr<GroupedAggregator> inner_;
  std::vector<SortKeySpec> order_by_;
  std::vector<std::vector<ArrayPtr>> columns_;  // per argument (keys last), one chunk per batch
  std::vector<uint32_t> groups_;                // the group of every buffered row
};

}  // namespace

std::unique_ptr<GroupedAggregator> MakeOrderedAggregator(std::unique_ptr<GroupedAggregator> inner,
                                                         std::vector<SortKeySpec> order_by) {
  return std::make_unique<OrderedAggregator>(std::move(inner), std::move(order_by));
}

}  // namespace bundlebase::sql
