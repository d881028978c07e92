// WithCallOptions: how DISTINCT and ORDER BY inside an aggregate call reach the aggregators.
//
// The plain aggregators know nothing of either. ORDER BY keys arrive as extra arguments after
// the regular ones: for aggregates whose result depends on input order (string_agg, array_agg)
// the ordered wrapper sorts each group's rows by them; for the others (sum(x ORDER BY y) is
// legal SQL) the keys are simply dropped. DISTINCT wraps outermost, so it sees the regular
// arguments together with the keys (PostgreSQL requires DISTINCT aggregates to order by
// arguments, so that is the same set of tuples).
#include "sql/functions/aggregate_functions.h"
#include "sql/functions/aggregate_util.h"

namespace bundlebase::sql {
namespace {

// Forwards the regular arguments and drops the trailing ORDER BY keys.
class DropOrderKeysAggregator final : public AggregatorBase {
 public:
  DropOrderKeysAggregator(std::unique_ptr<GroupedAggregator> inner, size_t num_keys)
      : inner_(std::move(inner)), num_keys_(num_keys) {}

  Status Update(const std::vector<Datum>& args, const uint32_t* group_ids,
                int64_t length) override {
    if (args.size() < num_keys_) {
      return Status::Internal("aggregate got {} arguments, fewer than its {} ORDER BY keys",
                              args.size(), num_keys_);
    }
    const std::vector<Datum> regular(args.begin(), args.end() - static_cast<ptrdiff_t>(num_keys_));
    return inner_->Update(regular, group_ids, length);
  }
  Status Merge(GroupedAggregator& other, const uint32_t* group_map) override {
    return inner_->Merge(*static_cast<DropOrderKeysAggregator&>(other).inner_, group_map);
  }
  Result<ArrayPtr> Finalize() override { return inner_->Finalize(); }

 private:
  Status Grow(int64_t num_groups) override { return inner_->Resize(num_groups); }

  std::unique_ptr<GroupedAggregator> inner_;
  size_t num_keys_;
};

}  // namespace

AggregatorFactory WithCallOptions(AggregatorFactory plain, bool order_sensitive) {
  return [plain = std::move(plain), order_sensitive](const AggregateCallOptions& options)
             -> Result<std::unique_ptr<GroupedAggregator>> {
    AggregateCallOptions plain_options = options;
    plain_options.distinct = false;
    plain_options.order_by.clear();
    BB_ASSIGN_OR_RAISE(std::unique_ptr<GroupedAggregator> aggregator, plain(plain_options));
    if (!options.order_by.empty()) {
      if (order_sensitive) {
        aggregator = MakeOrderedAggregator(std::move(aggregator), options.order_by);
      } else {
        aggregator = std::make_unique<DropOrderKeysAggregator>(std::move(aggregator),
                                                               options.order_by.size());
      }
    }
    if (options.distinct) aggregator = MakeDistinctAggregator(std::move(aggregator));
    return aggregator;
  };
}

}  // namespace bundlebase::sql
