// SetOperationOperator: UNION (distinct), INTERSECT [ALL] and EXCEPT [ALL] by hashing whole rows
// (UNION ALL is the plain union operator).
//
// Both children are sinks. Rows compare null-safe across all columns (NULL equals NULL, as
// PostgreSQL's set operations do). Every thread groups the rows it sees and counts, per distinct
// row, how often it came from the left (m) and the right (n) child; Finalize merges the threads'
// groups (hash_group_merge.h) and emits each distinct row
//   UNION: once · INTERSECT: once if m > 0 and n > 0 · INTERSECT ALL: min(m, n) times ·
//   EXCEPT: once if m > 0 and n = 0 · EXCEPT ALL: max(m - n, 0) times.
// The right child's columns must have the left child's types (the planner casts).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "sql/execution/physical_operator.h"
#include "sql/planner/logical_plan.h"

namespace bundlebase::sql {

class KeyEncoder;

class SetOperationOperator : public PhysicalOperator {
 public:
  SetOperationOperator(SchemaPtr schema, PhysicalOperatorPtr left, PhysicalOperatorPtr right,
                       SetOperationKind kind, bool all);
  ~SetOperationOperator() override;

  std::string name() const override { return "HASH_SET_OPERATION"; }
  std::string details() const override;

  std::vector<int> sink_children() const override { return {0, 1}; }
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

 private:
  // How many copies of a row seen m times on the left and n times on the right to emit.
  int64_t Copies(int64_t m, int64_t n) const;

  SetOperationKind kind_;
  bool all_;
  std::vector<int> columns_;
  std::unique_ptr<KeyEncoder> encoder_;
};

}  // namespace bundlebase::sql
