// bool_and (alias every) and bool_or: whether all / any of the non-NULL values are true; NULL
// when there are none. min(bool) and max(bool) are the same aggregates.
#include "sql/functions/aggregate_functions.h"
#include "sql/functions/aggregate_util.h"

namespace bundlebase::sql {
namespace {

class BoolAggregator final : public AggregatorBase {
 public:
  explicit BoolAggregator(bool is_and) : is_and_(is_and) {}

  Status Update(const std::vector<Datum>& args, const uint32_t* group_ids,
                int64_t length) override {
    BB_ASSIGN_OR_RAISE(ArrayPtr column, ArgumentColumn(args, 0, length));
    const Array& values = *column;
    if (single_group(group_ids)) {
      // The answer is decided by whether any valid row differs from the neutral value.
      bool decisive = false;
      bool any = false;
      VisitValidRuns(values, [&](int64_t begin, int64_t end) {
        any = true;
        for (int64_t i = begin; i < end && !decisive; ++i) decisive = values.GetBool(i) != is_and_;
      });
      if (any) Offer(0, decisive ? !is_and_ : is_and_);
      return Status::OK();
    }
    VisitValidRuns(values, [&](int64_t begin, int64_t end) {
      for (int64_t i = begin; i < end; ++i) Offer(group_ids[i], values.GetBool(i));
    });
    return Status::OK();
  }

  Status Merge(GroupedAggregator& other, const uint32_t* group_map) override {
    auto& from = static_cast<BoolAggregator&>(other);
    for (size_t g = 0; g < from.seen_.size(); ++g) {
      if (from.seen_[g]) Offer(group_map[g], from.result_[g] != 0);
    }
    return Status::OK();
  }

  Result<ArrayPtr> Finalize() override {
    BoolBuilder builder;
    BB_RETURN_NOT_OK(builder.Reserve(static_cast<int64_t>(seen_.size())));
    for (size_t g = 0; g < seen_.size(); ++g) {
      BB_RETURN_NOT_OK(seen_[g] ? builder.Append(result_[g] != 0) : builder.AppendNull());
    }
    return builder.Finish();
  }

 private:
  void Offer(uint32_t group, bool value) {
    const bool current = seen_[group] ? result_[group] != 0 : is_and_;
    result_[group] = is_and_ ? (current && value) : (current || value);
    seen_[group] = 1;
  }
  Status Grow(int64_t num_groups) override {
    seen_.resize(static_cast<size_t>(num_groups), 0);
    result_.resize(static_cast<size_t>(num_groups), 0);
    return Status::OK();
  }

  bool is_and_;
  std::vector<uint8_t> seen_;
  std::vector<uint8_t> result_;
};

AggregateFunction BoolFunction(std::string name, bool is_and) {
  AggregatorFactory factory = WithCallOptions(
      [is_and](const AggregateCallOptions&) -> Result<std::unique_ptr<GroupedAggregator>> {
        return MakeBoolAggregator(is_and);
      },
      /*order_sensitive=*/false);
  FunctionDoc doc =
      is_and ? FunctionDoc{"Returns true if every non-NULL value is true; NULL when there are "
                           "none.",
                           name + "(boolean) -> boolean",
                           name + "(x) over (true), (false), (NULL) -> false"}
             : FunctionDoc{"Returns true if any non-NULL value is true; NULL when there are none.",
                           name + "(boolean) -> boolean",
                           name + "(x) over (true), (false), (NULL) -> true"};
  return {std::move(name), std::move(doc),
          {{{InputType::Exact(Bool())}, FixedOutput(Bool()), factory}}};
}

}  // namespace

std::unique_ptr<GroupedAggregator> MakeBoolAggregator(bool is_and) {
  return std::make_unique<BoolAggregator>(is_and);
}

void AddBoolAggregates(std::vector<AggregateFunction>* out) {
  out->push_back(BoolFunction("bool_and", true));
  out->push_back(BoolFunction("bool_or", false));
  out->push_back(BoolFunction("every", true));
}

}  // namespace bundlebase::sql
