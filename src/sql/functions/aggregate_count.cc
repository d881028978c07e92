// count(*) and count(x): the number of rows, or of rows where x is not NULL, per group.
//
// count never returns NULL: a group without rows counts 0. Without GROUP BY, count(x) over a
// column is its length minus its null count, so no row is touched.
#include "sql/functions/aggregate_functions.h"
#include "sql/functions/aggregate_util.h"

namespace bundlebase::sql {
namespace {

class CountAggregator final : public AggregatorBase {
 public:
  // count_rows: count(*), which has no argument and counts every row.
  explicit CountAggregator(bool count_rows) : count_rows_(count_rows) {}

  Status Update(const std::vector<Datum>& args, const uint32_t* group_ids,
                int64_t length) override {
    if (count_rows_ || args.empty() || args[0].is_scalar()) {
      if (!count_rows_ && !args.empty() && args[0].scalar().is_null()) return Status::OK();
      CountAll(group_ids, length);
      return Status::OK();
    }
    const Array& column = *args[0].array();
    if (single_group(group_ids)) {
      counts_[0] += column.length() - column.null_count();
      return Status::OK();
    }
    VisitValidRuns(column, [&](int64_t begin, int64_t end) {
      for (int64_t i = begin; i < end; ++i) ++counts_[group_ids[i]];
    });
    return Status::OK();
  }

  Status Merge(GroupedAggregator& other, const uint32_t* group_map) override {
    auto& from = static_cast<CountAggregator&>(other);
    for (size_t g = 0; g < from.counts_.size(); ++g) counts_[group_map[g]] += from.counts_[g];
    return Status::OK();
  }

  Result<ArrayPtr> Finalize() override {
    return MakeFixedWidthArray<int64_t>(Int64(), counts_, nullptr);
  }

 private:
  Status Grow(int64_t num_groups) override {
    counts_.resize(static_cast<size_t>(num_groups), 0);
    return Status::OK();
  }
  void CountAll(const uint32_t* group_ids, int64_t length) {
    if (single_group(group_ids)) {
      counts_[0] += length;
      return;
    }
    for (int64_t i = 0; i < length; ++i) ++counts_[group_ids[i]];
  }

  bool count_rows_;
  std::vector<int64_t> counts_;
};

AggregatorFactory CountFactory(bool count_rows) {
  return WithCallOptions(
      [count_rows](const AggregateCallOptions&) -> Result<std::unique_ptr<GroupedAggregator>> {
        return std::make_unique<CountAggregator>(count_rows);
      },
      /*order_sensitive=*/false);
}

}  // namespace

void AddCountAggregates(std::vector<AggregateFunction>* out) {
  AggregateFunction count;
  count.name = "count";
  count.doc = {"Returns the number of input rows (count(*)) or of rows where the argument is not "
               "NULL; 0 when there are none.",
               "count(*) -> bigint, count(any) -> bigint",
               "count(x) over (1), (NULL), (3) -> 2"};
  count.kernels.push_back({{}, FixedOutput(Int64()), CountFactory(true)});
  count.kernels.push_back({{InputType::Any()}, FixedOutput(Int64()), CountFactory(false)});
  out->push_back(std::move(count));
}

}  // namespace bundlebase::sql
