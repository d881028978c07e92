// NestedLoopJoinOperator: joins without an equality to hash on — CROSS JOIN and conditions such
// as `a.x < b.y` — over the materialised build side (child 1). Every probe row is paired with
// every build row, a chunk of batch_rows pairs at a time, and the condition is evaluated on the
// chunk (join_operator_base.h). Types: INNER, LEFT, RIGHT, FULL, SEMI, ANTI.
#pragma once

#include <string>

#include "sql/execution/join_operator_base.h"

namespace bundlebase::sql {

class NestedLoopJoinOperator : public JoinOperatorBase {
 public:
  // `condition` over [probe columns..., build columns...]; null for a cross join.
  NestedLoopJoinOperator(SchemaPtr schema, PhysicalOperatorPtr probe, PhysicalOperatorPtr build,
                         LogicalJoinType type, ExprPtr condition);

  std::string name() const override { return "NESTED_LOOP_JOIN"; }
  std::string details() const override;

 protected:
  Status PrepareBuild(ExecutionContext& ctx, JoinBuildState& build) const override;
  Status StartProbe(ThreadContext& ctx, JoinProbeState& state,
                    const JoinBuildState& build) const override;
  bool ListCandidates(JoinProbeState& state, const JoinBuildState& build,
                      int64_t limit) const override;
};

}  // namespace bundlebase::sql
