// AggregateSetState: one grouping set's groups and aggregator states in one thread.
#include "sql/execution/aggregate_local_state.h"

#include "sql/execution/key_encoder.h"
#include "sql/execution/selection.h"

namespace bundlebase::sql {
namespace {

// Rows where the bool column is true (NULL is not true).
void TrueRows(const Array& flags, std::vector<int32_t>* rows) {
  rows->clear();
  const int64_t n = flags.length();
  for (int64_t i = 0; i < n; ++i) {
    if (flags.IsValid(i) && flags.GetBool(i)) rows->push_back(static_cast<int32_t>(i));
  }
}

}  // namespace

Result<std::unique_ptr<GroupedAggregator>> MakeAggregator(const HashAggregateCall& call) {
  if (call.call.kernel == nullptr) {
    return Status::Internal("aggregate call has no resolved kernel");
  }
  AggregateCallOptions options;
  options.output_type = call.call.output_type;
  options.arg_types = call.call.arg_types;
  options.distinct = call.distinct;
  options.order_by = call.order_by;
  return call.call.kernel->make(options);
}

Result<std::unique_ptr<AggregateSetState>> AggregateSetState::Make(
    const HashAggregateOperator::GroupingSet& set,
    const std::vector<HashAggregateCall>& aggregates, MemoryBudget* budget) {
  std::unique_ptr<AggregateSetState> state(new AggregateSetState(set, aggregates));
  if (set.encoder) {
    state->groups_ = std::make_unique<KeyedGroups>(*set.encoder, budget, "hash aggregate");
  }
  for (const HashAggregateCall& call : aggregates) {
    BB_ASSIGN_OR_RAISE(auto aggregator, MakeAggregator(call));
    if (!set.encoder) BB_RETURN_NOT_OK(aggregator->Resize(1));
    state->aggregators_.push_back(std::move(aggregator));
  }
  return state;
}

Status AggregateSetState::Update(const RecordBatch& batch) {
  const int64_t n = batch.num_rows();
  if (groups_) {
    BB_RETURN_NOT_OK(groups_->Add(batch, set_.columns, &group_ids_));
    for (auto& aggregator : aggregators_) BB_RETURN_NOT_OK(aggregator->Resize(num_groups()));
  } else {
    group_ids_.assign(static_cast<size_t>(n), 0);
  }
  std::vector<Datum> args;
  for (size_t a = 0; a < aggregates_.size(); ++a) {
    const HashAggregateCall& call = aggregates_[a];
    args.clear();
    if (call.filter_column < 0) {
      for (int c : call.arg_columns) args.emplace_back(batch.column(c));
      BB_RETURN_NOT_OK(aggregators_[a]->Update(args, group_ids_.data(), n));
      continue;
    }
    TrueRows(*batch.column(call.filter_column), &selection_);
    if (selection_.empty()) continue;
    const auto selected = static_cast<int64_t>(selection_.size());
    selected_ids_.resize(selection_.size());
    for (size_t i = 0; i < selection_.size(); ++i) selected_ids_[i] = group_ids_[selection_[i]];
    for (int c : call.arg_columns) {
      if (selected == n) {
        args.emplace_back(batch.column(c));
      } else {
        BB_ASSIGN_OR_RAISE(ArrayPtr taken, Take(batch.column(c), selection_));
        args.emplace_back(std::move(taken));
      }
    }
    BB_RETURN_NOT_OK(aggregators_[a]->Update(args, selected_ids_.data(), selected));
  }
  return Status::OK();
}

}  // namespace bundlebase::sql
