// HashJoinOperator: key encoding on both sides, the table built in Finalize, chain walking in
// chunks of at most batch_rows candidate pairs.
#include "sql/execution/hash_join_operator.h"

namespace bundlebase::sql {

HashJoinOperator::HashJoinOperator(SchemaPtr schema, PhysicalOperatorPtr probe,
                                   PhysicalOperatorPtr build, LogicalJoinType type,
                                   std::vector<JoinKey> keys, ExprPtr residual)
    : JoinOperatorBase(std::move(schema), std::move(probe), std::move(build), type,
                       std::move(residual)),
      keys_(std::move(keys)) {
  // Both sides are encoded with the probe side's key types; the planner casts the build keys
  // to match.
  std::vector<DataTypePtr> types;
  for (const JoinKey& key : keys_) {
    probe_columns_.push_back(key.probe_column);
    build_columns_.push_back(key.build_column);
    // NOT IN compares with `=`: no key is null-safe, NULLs are handled by the join type.
    null_safe_.push_back(key.null_safe && type != LogicalJoinType::kNullAwareAnti);
    types.push_back(child(0)->schema()->field(key.probe_column).type);
  }
  encoder_ = std::make_unique<KeyEncoder>(std::move(types));
}

std::string HashJoinOperator::details() const {
  std::string out = JoinTypeName(join_type());
  out += " on ";
  for (size_t k = 0; k < keys_.size(); ++k) {
    if (k > 0) out += " AND ";
    out += "#" + std::to_string(keys_[k].probe_column) +
           (keys_[k].null_safe ? " IS NOT DISTINCT FROM " : " = ") + "build#" +
           std::to_string(keys_[k].build_column);
  }
  if (residual()) out += "; residual: " + residual()->ToString();
  return out;
}

Status HashJoinOperator::PrepareBuild(ExecutionContext& ctx, JoinBuildState& build) const {
  BB_RETURN_NOT_OK(encoder_->Encode(*build.build, build_columns_, &build.keys, null_safe_));
  BB_RETURN_NOT_OK(ctx.memory().Reserve(build.keys.memory_bytes(), "hash join"));
  for (uint8_t flag : build.keys.unmatchable) {
    if (flag) {
      build.has_null_key = true;
      break;
    }
  }
  return build.table.Build(build.keys, &ctx.memory());
}

Status HashJoinOperator::StartProbe(ThreadContext&, JoinProbeState& state,
                                    const JoinBuildState& build) const {
  BB_RETURN_NOT_OK(encoder_->Encode(*state.input, probe_columns_, &state.keys, null_safe_));
  build.table.FindAll(state.keys, &state.heads);
  return Status::OK();
}

bool HashJoinOperator::ListCandidates(JoinProbeState& state, const JoinBuildState& build,
                                      int64_t limit) const {
  const int64_t n = state.input->num_rows();
  const LogicalJoinType type = join_type();
  const bool probe_only = type == LogicalJoinType::kSemi || type == LogicalJoinType::kAnti ||
                          type == LogicalJoinType::kNullAwareAnti;
  if (probe_only && !residual()) {
    for (int64_t i = 0; i < n; ++i) state.probe_matched[i] = state.heads[i] >= 0 ? 1 : 0;
    state.row = n;
    return true;
  }
  int64_t listed = 0;
  while (state.row < n) {
    // SEMI/ANTI: a row decided by an earlier chunk needs no more candidates.
    if (probe_only && state.probe_matched[state.row]) {
      state.build_row = -1;
      ++state.row;
      continue;
    }
    int64_t b = state.build_row >= 0 ? state.build_row : state.heads[state.row];
    while (b >= 0) {
      if (listed == limit) {
        state.build_row = b;
        return false;
      }
      state.probe_idx.push_back(static_cast<int32_t>(state.row));
      state.build_idx.push_back(static_cast<int32_t>(b));
      ++listed;
      b = build.table.next(static_cast<int32_t>(b));
    }
    state.build_row = -1;
    ++state.row;
  }
  return true;
}

}  // namespace bundlebase::sql
