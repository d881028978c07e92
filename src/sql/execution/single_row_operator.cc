// SingleRowOperator: keeps the one row under a lock; the source hands it (or NULLs) out once.
#include "sql/execution/single_row_operator.h"

#include <mutex>


namespace bundlebase::sql {
namespace {

struct OneRow : GlobalSinkState {
  std::mutex mu;
  RecordBatchPtr row;
};

struct Handed : GlobalSourceState {
  std::atomic<bool> done{false};
};

}  // namespace

SingleRowOperator::SingleRowOperator(SchemaPtr schema, PhysicalOperatorPtr child)
    : PhysicalOperator(std::move(schema), SingleChild(std::move(child))) {}

Result<std::unique_ptr<GlobalSinkState>> SingleRowOperator::MakeGlobalSinkState(
    ExecutionContext&) const {
  return std::make_unique<OneRow>();
}

Status SingleRowOperator::Consume(ThreadContext&, const RecordBatchPtr& input,
                                  GlobalSinkState& global, LocalSinkState&) const {
  auto& state = static_cast<OneRow&>(global);
  std::lock_guard lock(state.mu);
  if (input->num_rows() > 1 || (state.row && input->num_rows() > 0)) {
    return Status::Invalid("more than one row returned by a subquery used as an expression");
  }
  if (input->num_rows() == 1) state.row = input;
  return Status::OK();
}

Result<std::unique_ptr<GlobalSourceState>> SingleRowOperator::MakeGlobalSourceState(
    ExecutionContext&) const {
  return std::make_unique<Handed>();
}

Result<RecordBatchPtr> SingleRowOperator::Produce(ThreadContext&, GlobalSourceState& global,
                                                  LocalSourceState&) const {
  if (static_cast<Handed&>(global).done.exchange(true)) return RecordBatchPtr{};
  auto* state = static_cast<OneRow*>(sink_state());
  if (state && state->row) {
    return std::make_shared<RecordBatch>(schema(), 1, state->row->columns());
  }
  std::vector<ArrayPtr> nulls;
  for (const auto& f : schema()->fields()) {
    BB_ASSIGN_OR_RAISE(ArrayPtr a, MakeNullArray(f.type, 1));
    nulls.push_back(std::move(a));
  }
  return std::make_shared<RecordBatch>(schema(), 1, std::move(nulls));
}

}  // namespace bundlebase::sql
