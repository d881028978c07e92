// Default implementations: an operator that is asked for a role it does not play is a planner
// bug, reported as an Internal error naming the operator.
#include "sql/execution/physical_operator.h"

namespace bundlebase::sql {

namespace {
Status NotA(const PhysicalOperator& op, const char* role) {
  return Status::Internal("operator {} is used as a {} but is not one", op.name(), role);
}
}  // namespace

Result<std::unique_ptr<GlobalSourceState>> PhysicalOperator::MakeGlobalSourceState(
    ExecutionContext&) const {
  return std::make_unique<GlobalSourceState>();
}
Result<std::unique_ptr<LocalSourceState>> PhysicalOperator::MakeLocalSourceState(
    ThreadContext&, GlobalSourceState&) const {
  return std::make_unique<LocalSourceState>();
}
Result<RecordBatchPtr> PhysicalOperator::Produce(ThreadContext&, GlobalSourceState&,
                                                 LocalSourceState&) const {
  return NotA(*this, "source");
}
Result<std::unique_ptr<OperatorState>> PhysicalOperator::MakeOperatorState(ThreadContext&) const {
  return std::make_unique<OperatorState>();
}
Result<RecordBatchPtr> PhysicalOperator::Execute(ThreadContext&, const RecordBatchPtr&,
                                                 OperatorState&) const {
  return NotA(*this, "streaming operator");
}
Result<std::unique_ptr<GlobalSinkState>> PhysicalOperator::MakeGlobalSinkState(
    ExecutionContext&) const {
  return std::make_unique<GlobalSinkState>();
}
Result<std::unique_ptr<LocalSinkState>> PhysicalOperator::MakeLocalSinkState(
    ThreadContext&, GlobalSinkState&) const {
  return std::make_unique<LocalSinkState>();
}
Status PhysicalOperator::Consume(ThreadContext&, const RecordBatchPtr&, GlobalSinkState&,
                                 LocalSinkState&) const {
  return NotA(*this, "sink");
}
Status PhysicalOperator::Combine(ThreadContext&, GlobalSinkState&, LocalSinkState&) const {
  return Status::OK();
}
Status PhysicalOperator::Finalize(ExecutionContext&, GlobalSinkState&) const {
  return Status::OK();
}

std::vector<PhysicalOperatorPtr> SingleChild(PhysicalOperatorPtr child) {
  std::vector<PhysicalOperatorPtr> children;
  children.push_back(std::move(child));
  return children;
}

}  // namespace bundlebase::sql
