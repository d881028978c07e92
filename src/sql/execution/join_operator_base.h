// JoinOperatorBase: what the hash join and the nested loop join share.
//
// Child 0 (probe) streams through the operator; child 1 (build) is a sink whose batches are
// kept and concatenated in Finalize. Probing a batch is a loop of chunks: the subclass lists
// up to batch_rows candidate pairs (probe row, build row); the base applies the residual
// condition to them (a candidate that fails it is no match), records which probe and build rows
// matched, and gathers the output: probe columns then build columns, NULL-padded for outer
// sides; SEMI/ANTI emit probe rows once their whole batch is decided. A probe batch whose
// matches do not fit one chunk is handed out in parts (OperatorState::has_more_output). RIGHT
// and FULL joins emit the build rows nobody matched from FinishStream on the last probe thread.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "sql/execution/join_hash_table.h"
#include "sql/execution/physical_operator.h"
#include "sql/planner/expression.h"
#include "sql/planner/logical_plan.h"

namespace bundlebase::sql {

// The build side after Finalize, shared by every probe thread.
struct JoinBuildState : GlobalSinkState {
  std::mutex mu;
  std::vector<RecordBatchPtr> batches;  // while consuming
  RecordBatchPtr build;                 // all build rows, after Finalize
  // RIGHT / FULL: which build rows matched (set by any probe thread).
  std::unique_ptr<std::atomic<uint8_t>[]> matched;
  std::atomic<int> finished_threads{0};
  // Hash join only.
  EncodedKeys keys;
  JoinHashTable table;
  bool has_null_key = false;  // NOT IN: some build key is NULL
};

// One probe thread's progress through its current batch.
struct JoinProbeState : OperatorState {
  RecordBatchPtr input;
  int64_t row = 0;          // next probe row to list candidates for
  int64_t build_row = -1;   // where that row's listing stopped (chain position / build index)
  std::vector<uint8_t> probe_matched;
  std::vector<int32_t> probe_idx, build_idx;  // the current chunk's candidate pairs
  int64_t leftover_next = -1;  // RIGHT/FULL: next build row to check once probing is over
  EncodedKeys keys;            // hash join: the batch's keys and their chain heads
  std::vector<int32_t> heads;
};

const char* JoinTypeName(LogicalJoinType type);

class JoinOperatorBase : public PhysicalOperator {
 public:
  // `residual` is resolved against [probe columns..., build columns...]; null for none.
  JoinOperatorBase(SchemaPtr schema, PhysicalOperatorPtr probe, PhysicalOperatorPtr build,
                   LogicalJoinType type, ExprPtr residual);

  LogicalJoinType join_type() const { return type_; }

  std::vector<int> sink_children() const override { return {1}; }
  int streaming_child() const override { return 0; }
  Result<std::unique_ptr<GlobalSinkState>> MakeGlobalSinkState(ExecutionContext&) const override;
  Result<std::unique_ptr<LocalSinkState>> MakeLocalSinkState(ThreadContext&,
                                                              GlobalSinkState&) const override;
  Status Consume(ThreadContext& ctx, const RecordBatchPtr& input, GlobalSinkState& global,
                 LocalSinkState& local) const override;
  Status Combine(ThreadContext& ctx, GlobalSinkState& global, LocalSinkState& local) const override;
  Status Finalize(ExecutionContext& ctx, GlobalSinkState& global) const override;

  Result<std::unique_ptr<OperatorState>> MakeOperatorState(ThreadContext&) const override;
  Result<RecordBatchPtr> Execute(ThreadContext& ctx, const RecordBatchPtr& input,
                                 OperatorState& state) const override;
  Result<RecordBatchPtr> FinishStream(ThreadContext& ctx, OperatorState& state) const override;

 protected:
  // Subclass hooks. PrepareBuild runs at the end of Finalize; StartProbe once per probe batch;
  // ListCandidates fills state.probe_idx / build_idx with at most `limit` pairs and returns
  // true when the batch has no more candidates.
  virtual Status PrepareBuild(ExecutionContext& ctx, JoinBuildState& build) const = 0;
  virtual Status StartProbe(ThreadContext& ctx, JoinProbeState& state,
                            const JoinBuildState& build) const = 0;
  virtual bool ListCandidates(JoinProbeState& state, const JoinBuildState& build,
                              int64_t limit) const = 0;

  bool emits_probe_only() const;
  bool tracks_build_matches() const {
    return type_ == LogicalJoinType::kRight || type_ == LogicalJoinType::kFull;
  }
  const ExprPtr& residual() const { return residual_; }

 private:
  JoinBuildState& build_state() const;
  Status KeepPassingPairs(ThreadContext& ctx, JoinProbeState& state,
                          const JoinBuildState& build) const;
  Result<RecordBatchPtr> DecideChunk(ThreadContext& ctx, JoinProbeState& state,
                                     JoinBuildState& build, bool batch_done) const;
  Result<RecordBatchPtr> Gather(const RecordBatch* probe, const std::vector<int32_t>& probe_idx,
                                const RecordBatch& build,
                                const std::vector<int32_t>* build_idx, int64_t rows) const;
  Result<RecordBatchPtr> EmitLeftovers(ThreadContext& ctx, JoinProbeState& state) const;

  LogicalJoinType type_;
  ExprPtr residual_;
  SchemaPtr pair_schema_;
};

}  // namespace bundlebase::sql
