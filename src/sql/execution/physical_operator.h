// PhysicalOperator: one node of an executable plan, and the push-based pipeline contract.
//
// A plan is cut into pipelines at the operators that must see all their input before producing
// output (pipeline breakers: hash aggregate, sort, a hash join's build side). A pipeline is a
// source, a chain of streaming operators, and a sink. The executor (executor.h) runs a pipeline
// on every thread at once: each thread claims morsels (partitions, row groups) from the
// source's shared state, pushes each batch through the operators with its own operator states,
// and into the sink with its own local sink state; at the end every thread Combines its local
// state into the global one and one Finalize follows. An operator that breaks a pipeline is the
// sink of the pipeline below it and the source of the one above.
//
// Operators are const during execution; anything that changes lives in the state objects,
// except the sink's global state, which the operator keeps (a plan executes once) so that it
// can read it back when it acts as a source.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "columnar/record_batch.h"
#include "sql/execution/execution_context.h"

namespace bundlebase::sql {

struct GlobalSourceState { virtual ~GlobalSourceState() = default; };
struct LocalSourceState { virtual ~LocalSourceState() = default; };
struct OperatorState {
  virtual ~OperatorState() = default;
  // Set by an operator that will never produce more output (LIMIT reached): the executor
  // stops feeding the pipeline, on every thread.
  bool finished = false;
  // Set by an operator whose last Execute (or FinishStream) returned only part of its output
  // (a join key matching many rows): the executor passes that part on, then calls Execute
  // again with a null input for the next part, until the flag is clear.
  bool has_more_output = false;
};
struct GlobalSinkState {
  virtual ~GlobalSinkState() = default;
  // Set by a sink that needs no more input (LIMIT has its rows): the executor stops the
  // pipeline on every thread.
  std::atomic<bool> finished{false};
};
struct LocalSinkState { virtual ~LocalSinkState() = default; };

class PhysicalOperator;
using PhysicalOperatorPtr = std::unique_ptr<PhysicalOperator>;

class PhysicalOperator {
 public:
  PhysicalOperator(SchemaPtr schema, std::vector<PhysicalOperatorPtr> children)
      : schema_(std::move(schema)), children_(std::move(children)) {}
  virtual ~PhysicalOperator() = default;

  const SchemaPtr& schema() const { return schema_; }
  const std::vector<PhysicalOperatorPtr>& children() const { return children_; }
  PhysicalOperator* child(int i) const { return children_[i].get(); }

  // For EXPLAIN: "HASH_JOIN", and the details line ("INNER on l.a = r.b").
  virtual std::string name() const = 0;
  virtual std::string details() const { return ""; }
  // Estimated output rows, when the planner knows (EXPLAIN shows it).
  int64_t estimated_rows = -1;

  // ---- Source: produces batches. Produce returns null when this thread should stop.
  virtual bool is_source() const { return false; }
  virtual Result<std::unique_ptr<GlobalSourceState>> MakeGlobalSourceState(ExecutionContext&) const;
  virtual Result<std::unique_ptr<LocalSourceState>> MakeLocalSourceState(ThreadContext&,
                                                                          GlobalSourceState&) const;
  virtual Result<RecordBatchPtr> Produce(ThreadContext& ctx, GlobalSourceState& global,
                                         LocalSourceState& local) const;
  // True when the output order matters (after ORDER BY): the executor then runs the pipeline
  // this operator feeds on a single thread.
  virtual bool source_is_ordered() const { return false; }

  // ---- Streaming operator: transforms one batch (it may return an empty or null batch).
  virtual Result<std::unique_ptr<OperatorState>> MakeOperatorState(ThreadContext&) const;
  virtual Result<RecordBatchPtr> Execute(ThreadContext& ctx, const RecordBatchPtr& input,
                                         OperatorState& state) const;
  // Which child feeds this operator when it streams (a hash join streams its probe side,
  // child 0, and sinks child 1). -1: not a streaming operator.
  virtual int streaming_child() const { return -1; }
  // Called once per thread after its source is exhausted; what it returns flows through the
  // rest of the chain (has_more_output applies). RIGHT/FULL joins emit the unmatched build rows
  // here, from the last thread to finish.
  virtual Result<RecordBatchPtr> FinishStream(ThreadContext&, OperatorState&) const {
    return RecordBatchPtr();
  }

  // ---- Sink: consumes every batch of the pipelines below it.
  // sink_children(): which children's pipelines end here ({0} for aggregate and sort, {1} for
  // a hash join's build side, every child for UNION). Empty: not a sink. Finalize runs once
  // after all of them.
  virtual std::vector<int> sink_children() const { return {}; }
  virtual Result<std::unique_ptr<GlobalSinkState>> MakeGlobalSinkState(ExecutionContext&) const;
  virtual Result<std::unique_ptr<LocalSinkState>> MakeLocalSinkState(ThreadContext&,
                                                                      GlobalSinkState&) const;
  virtual Status Consume(ThreadContext& ctx, const RecordBatchPtr& input,
                         GlobalSinkState& global, LocalSinkState& local) const;
  // Called once per thread after its last Consume (thread-safe against other Combines is the
  // operator's job).
  virtual Status Combine(ThreadContext& ctx, GlobalSinkState& global,
                         LocalSinkState& local) const;
  // Called once, after every Combine.
  virtual Status Finalize(ExecutionContext& ctx, GlobalSinkState& global) const;

  // The sink state after Finalize, kept for the operator's source side.
  GlobalSinkState* sink_state() const { return sink_state_.get(); }
  void set_sink_state(std::unique_ptr<GlobalSinkState> state) const {
    sink_state_ = std::move(state);
  }

  // Per-operator counters for EXPLAIN ANALYZE, updated by the executor.
  mutable std::atomic<int64_t> rows_out{0};
  mutable std::atomic<int64_t> nanos{0};

 private:
  SchemaPtr schema_;
  std::vector<PhysicalOperatorPtr> children_;
  mutable std::unique_ptr<GlobalSinkState> sink_state_;
};

// The single-child vector every one-input operator passes to its base class.
std::vector<PhysicalOperatorPtr> SingleChild(PhysicalOperatorPtr child);

}  // namespace bundlebase::sql
