// JoinOperatorBase: build-side collection, the chunked probe loop, residual filtering, match
// bookkeeping and output gathering shared by the hash and nested loop joins.
#include "sql/execution/join_operator_base.h"

#include "sql/execution/sort_gather.h"

#include "sql/execution/expression_evaluator.h"
#include "sql/execution/hash_pipeline_threads.h"
#include "sql/execution/selection.h"

namespace bundlebase::sql {
namespace {

struct JoinBuildLocal : LocalSinkState {
  std::vector<RecordBatchPtr> batches;
};

SchemaPtr ConcatSchemas(const Schema& a, const Schema& b) {
  std::vector<Field> fields = a.fields();
  fields.insert(fields.end(), b.fields().begin(), b.fields().end());
  return MakeSchema(std::move(fields));
}

std::vector<PhysicalOperatorPtr> TwoChildren(PhysicalOperatorPtr a, PhysicalOperatorPtr b) {
  std::vector<PhysicalOperatorPtr> children;
  children.push_back(std::move(a));
  children.push_back(std::move(b));
  return children;
}

}  // namespace

const char* JoinTypeName(LogicalJoinType type) {
  switch (type) {
    case LogicalJoinType::kInner: return "INNER";
    case LogicalJoinType::kLeft: return "LEFT";
    case LogicalJoinType::kRight: return "RIGHT";
    case LogicalJoinType::kFull: return "FULL";
    case LogicalJoinType::kSemi: return "SEMI";
    case LogicalJoinType::kAnti: return "ANTI";
    case LogicalJoinType::kNullAwareAnti: return "NULL_AWARE_ANTI";
  }
  return "?";
}

JoinOperatorBase::JoinOperatorBase(SchemaPtr schema, PhysicalOperatorPtr probe,
                                   PhysicalOperatorPtr build, LogicalJoinType type,
                                   ExprPtr residual)
    : PhysicalOperator(std::move(schema), TwoChildren(std::move(probe), std::move(build))),
      type_(type),
      residual_(std::move(residual)),
      pair_schema_(ConcatSchemas(*child(0)->schema(), *child(1)->schema())) {}

bool JoinOperatorBase::emits_probe_only() const {
  return type_ == LogicalJoinType::kSemi || type_ == LogicalJoinType::kAnti ||
         type_ == LogicalJoinType::kNullAwareAnti;
}

JoinBuildState& JoinOperatorBase::build_state() const {
  return *static_cast<JoinBuildState*>(sink_state());
}

Result<std::unique_ptr<GlobalSinkState>> JoinOperatorBase::MakeGlobalSinkState(
    ExecutionContext&) const {
  return std::make_unique<JoinBuildState>();
}

Result<std::unique_ptr<LocalSinkState>> JoinOperatorBase::MakeLocalSinkState(
    ThreadContext&, GlobalSinkState&) const {
  return std::make_unique<JoinBuildLocal>();
}

Status JoinOperatorBase::Consume(ThreadContext& ctx, const RecordBatchPtr& input,
                                 GlobalSinkState&, LocalSinkState& local) const {
  BB_RETURN_NOT_OK(ctx.query().memory().Reserve(EstimateBatchBytes(*input), "hash join"));
  static_cast<JoinBuildLocal&>(local).batches.push_back(input);
  return Status::OK();
}

Status JoinOperatorBase::Combine(ThreadContext&, GlobalSinkState& global,
                                 LocalSinkState& local) const {
  auto& build = static_cast<JoinBuildState&>(global);
  auto& mine = static_cast<JoinBuildLocal&>(local).batches;
  std::lock_guard<std::mutex> lock(build.mu);
  build.batches.insert(build.batches.end(), mine.begin(), mine.end());
  return Status::OK();
}

Status JoinOperatorBase::Finalize(ExecutionContext& ctx, GlobalSinkState& global) const {
  auto& build = static_cast<JoinBuildState&>(global);
  const SchemaPtr& build_schema = child(1)->schema();
  if (build.batches.size() == 1) {
    build.build = build.batches[0];
  } else if (build.batches.empty()) {
    std::vector<ArrayPtr> empty;
    for (const Field& f : build_schema->fields()) {
      BB_ASSIGN_OR_RAISE(ArrayPtr column, MakeNullArray(f.type, 0));
      empty.push_back(std::move(column));
    }
    build.build = std::make_shared<RecordBatch>(build_schema, 0, std::move(empty));
  } else {
    BB_ASSIGN_OR_RAISE(build.build, ConcatenateBatchList(build_schema, build.batches));
  }
  build.batches.clear();
  const int64_t rows = build.build->num_rows();
  if (tracks_build_matches()) {
    build.matched = std::make_unique<std::atomic<uint8_t>[]>(static_cast<size_t>(rows));
    for (int64_t i = 0; i < rows; ++i) build.matched[i].store(0, std::memory_order_relaxed);
  }
  return PrepareBuild(ctx, build);
}

Result<std::unique_ptr<OperatorState>> JoinOperatorBase::MakeOperatorState(ThreadContext&) const {
  return std::make_unique<JoinProbeState>();
}

Status JoinOperatorBase::KeepPassingPairs(ThreadContext& ctx, JoinProbeState& state,
                                          const JoinBuildState& build) const {
  if (!residual_ || state.probe_idx.empty()) return Status::OK();
  const auto n = static_cast<int64_t>(state.probe_idx.size());
  std::vector<ArrayPtr> columns;
  for (const ArrayPtr& column : state.input->columns()) {
    BB_ASSIGN_OR_RAISE(ArrayPtr taken, Take(column, state.probe_idx.data(), n));
    columns.push_back(std::move(taken));
  }
  for (const ArrayPtr& column : build.build->columns()) {
    BB_ASSIGN_OR_RAISE(ArrayPtr taken, Take(column, state.build_idx.data(), n));
    columns.push_back(std::move(taken));
  }
  RecordBatch pairs(pair_schema_, n, std::move(columns));
  BB_ASSIGN_OR_RAISE(std::vector<int32_t> passing,
                     EvaluateSelection(*residual_, pairs, ctx.kernel()));
  for (size_t k = 0; k < passing.size(); ++k) {
    state.probe_idx[k] = state.probe_idx[passing[k]];
    state.build_idx[k] = state.build_idx[passing[k]];
  }
  state.probe_idx.resize(passing.size());
  state.build_idx.resize(passing.size());
  return Status::OK();
}

Result<RecordBatchPtr> JoinOperatorBase::Gather(const RecordBatch* probe,
                                                const std::vector<int32_t>& probe_idx,
                                                const RecordBatch& build,
                                                const std::vector<int32_t>* build_idx,
                                                int64_t rows) const {
  std::vector<ArrayPtr> columns;
  const Schema& out = *schema();
  const int probe_columns = child(0)->schema()->num_fields();
  for (int c = 0; c < probe_columns; ++c) {
    if (probe == nullptr) {
      BB_ASSIGN_OR_RAISE(ArrayPtr nulls, MakeNullArray(out.field(c).type, rows));
      columns.push_back(std::move(nulls));
    } else {
      BB_ASSIGN_OR_RAISE(ArrayPtr taken, Take(probe->column(c), probe_idx.data(), rows));
      columns.push_back(std::move(taken));
    }
  }
  if (build_idx != nullptr) {
    for (int c = 0; c < build.num_columns(); ++c) {
      if (build.num_rows() == 0) {
        BB_ASSIGN_OR_RAISE(ArrayPtr nulls, MakeNullArray(out.field(probe_columns + c).type, rows));
        columns.push_back(std::move(nulls));
      } else {
        BB_ASSIGN_OR_RAISE(ArrayPtr taken, Take(build.column(c), build_idx->data(), rows));
        columns.push_back(std::move(taken));
      }
    }
  }
  return std::make_shared<RecordBatch>(schema(), rows, std::move(columns));
}

Result<RecordBatchPtr> JoinOperatorBase::DecideChunk(ThreadContext& ctx, JoinProbeState& state,
                                                     JoinBuildState& build,
                                                     bool batch_done) const {
  BB_RETURN_NOT_OK(KeepPassingPairs(ctx, state, build));
  for (int32_t p : state.probe_idx) state.probe_matched[p] = 1;
  if (tracks_build_matches()) {
    for (int32_t b : state.build_idx) build.matched[b].store(1, std::memory_order_relaxed);
  }
  const int64_t n = state.input->num_rows();
  if (emits_probe_only()) {
    if (!batch_done) return RecordBatchPtr();
    std::vector<int32_t> rows;
    const bool want_match = type_ == LogicalJoinType::kSemi;
    const bool null_aware = type_ == LogicalJoinType::kNullAwareAnti;
    if (null_aware && build.has_null_key) return RecordBatchPtr();
    const bool drop_null_keys = null_aware && build.build->num_rows() > 0;
    for (int64_t i = 0; i < n; ++i) {
      if ((state.probe_matched[i] != 0) != want_match) continue;
      if (drop_null_keys && state.keys.is_unmatchable(i)) continue;
      rows.push_back(static_cast<int32_t>(i));
    }
    return Gather(state.input.get(), rows, *build.build, nullptr,
                  static_cast<int64_t>(rows.size()));
  }
  const bool pads_probe = type_ == LogicalJoinType::kLeft || type_ == LogicalJoinType::kFull;
  if (pads_probe && batch_done) {
    for (int64_t i = 0; i < n; ++i) {
      if (state.probe_matched[i]) continue;
      state.probe_idx.push_back(static_cast<int32_t>(i));
      state.build_idx.push_back(-1);
    }
  }
  if (state.probe_idx.empty()) return RecordBatchPtr();
  return Gather(state.input.get(), state.probe_idx, *build.build, &state.build_idx,
                static_cast<int64_t>(state.probe_idx.size()));
}

Result<RecordBatchPtr> JoinOperatorBase::Execute(ThreadContext& ctx, const RecordBatchPtr& input,
                                                 OperatorState& base_state) const {
  auto& state = static_cast<JoinProbeState&>(base_state);
  if (!input && state.leftover_next >= 0) return EmitLeftovers(ctx, state);
  JoinBuildState& build = build_state();
  if (input) {
    state.input = input;
    state.row = 0;
    state.build_row = -1;
    state.probe_matched.assign(static_cast<size_t>(input->num_rows()), 0);
    BB_RETURN_NOT_OK(StartProbe(ctx, state, build));
  }
  if (!state.input) return RecordBatchPtr();
  state.probe_idx.clear();
  state.build_idx.clear();
  const int64_t limit = std::max<int64_t>(1, ctx.query().options().batch_rows);
  const bool done = ListCandidates(state, build, limit);
  BB_ASSIGN_OR_RAISE(RecordBatchPtr out, DecideChunk(ctx, state, build, done));
  state.has_more_output = !done;
  if (done) state.input = nullptr;
  return out;
}

Result<RecordBatchPtr> JoinOperatorBase::FinishStream(ThreadContext& ctx,
                                                      OperatorState& base_state) const {
  if (!tracks_build_matches()) return RecordBatchPtr();
  auto& state = static_cast<JoinProbeState&>(base_state);
  JoinBuildState& build = build_state();
  const int finished = build.finished_threads.fetch_add(1, std::memory_order_acq_rel) + 1;
  if (finished != PipelineThreadCount(*child(0), ctx.query())) return RecordBatchPtr();
  state.leftover_next = 0;
  return EmitLeftovers(ctx, state);
}

Result<RecordBatchPtr> JoinOperatorBase::EmitLeftovers(ThreadContext& ctx,
                                                       JoinProbeState& state) const {
  JoinBuildState& build = build_state();
  const int64_t rows = build.build->num_rows();
  const int64_t limit = std::max<int64_t>(1, ctx.query().options().batch_rows);
  std::vector<int32_t> unmatched;
  int64_t i = state.leftover_next;
  for (; i < rows && static_cast<int64_t>(unmatched.size()) < limit; ++i) {
    if (build.matched[i].load(std::memory_order_relaxed) == 0) {
      unmatched.push_back(static_cast<int32_t>(i));
    }
  }
  state.leftover_next = i;
  state.has_more_output = i < rows;
  if (unmatched.empty()) return RecordBatchPtr();
  return Gather(nullptr, {}, *build.build, &unmatched, static_cast<int64_t>(unmatched.size()));
}

}  // namespace bundlebase::sql
