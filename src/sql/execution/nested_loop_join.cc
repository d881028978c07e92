// NestedLoopJoinOperator: candidate pairs are simply every (probe row, build row), listed in
// chunks; the shared base filters them by the condition.
#include "sql/execution/nested_loop_join.h"

namespace bundlebase::sql {

NestedLoopJoinOperator::NestedLoopJoinOperator(SchemaPtr schema, PhysicalOperatorPtr probe,
                                               PhysicalOperatorPtr build, LogicalJoinType type,
                                               ExprPtr condition)
    : JoinOperatorBase(std::move(schema), std::move(probe), std::move(build), type,
                       std::move(condition)) {}

std::string NestedLoopJoinOperator::details() const {
  if (!residual()) {
    return join_type() == LogicalJoinType::kInner ? "CROSS" : JoinTypeName(join_type());
  }
  return std::string(JoinTypeName(join_type())) + " on " + residual()->ToString();
}

Status NestedLoopJoinOperator::PrepareBuild(ExecutionContext&, JoinBuildState&) const {
  return Status::OK();
}

Status NestedLoopJoinOperator::StartProbe(ThreadContext&, JoinProbeState&,
                                          const JoinBuildState&) const {
  return Status::OK();
}

bool NestedLoopJoinOperator::ListCandidates(JoinProbeState& state, const JoinBuildState& build,
                                            int64_t limit) const {
  const int64_t n = state.input->num_rows();
  const int64_t build_rows = build.build->num_rows();
  if (!residual() && emits_probe_only()) {
    // Without a condition a probe row matches exactly when there is any build row.
    std::fill(state.probe_matched.begin(), state.probe_matched.end(), build_rows > 0 ? 1 : 0);
    state.row = n;
    return true;
  }
  int64_t listed = 0;
  while (state.row < n) {
    int64_t b = std::max<int64_t>(state.build_row, 0);
    for (; b < build_rows; ++b) {
      if (listed == limit) {
        state.build_row = b;
        return false;
      }
      state.probe_idx.push_back(static_cast<int32_t>(state.row));
      state.build_idx.push_back(static_cast<int32_t>(b));
      ++listed;
    }
    state.build_row = -1;
    ++state.row;
  }
  return true;
}

}  // namespace bundlebase::sql
