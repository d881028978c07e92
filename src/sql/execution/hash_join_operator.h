// HashJoinOperator: equi-joins. Child 0 is the probe side (streams), child 1 the build side
// (sink); the build rows are indexed by their keys in a JoinHashTable once all have arrived.
//
// Types: INNER, LEFT, RIGHT, FULL, SEMI, ANTI, and NULL-aware ANTI for `x NOT IN (subquery)`:
// a NULL build key means no row qualifies, and a probe row with a NULL key is dropped unless the
// build side is empty. A NULL key never matches unless that key is null-safe
// (IS NOT DISTINCT FROM). The residual condition, over [probe columns..., build columns...],
// decides among the rows with equal keys (join_operator_base.h).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "sql/execution/join_operator_base.h"
#include "sql/execution/key_encoder.h"

namespace bundlebase::sql {

struct JoinKey {
  int probe_column;
  int build_column;
  bool null_safe = false;  // IS NOT DISTINCT FROM
};

class HashJoinOperator : public JoinOperatorBase {
 public:
  HashJoinOperator(SchemaPtr schema, PhysicalOperatorPtr probe, PhysicalOperatorPtr build,
                   LogicalJoinType type, std::vector<JoinKey> keys, ExprPtr residual = nullptr);

  std::string name() const override { return "HASH_JOIN"; }
  std::string details() const override;

 protected:
  Status PrepareBuild(ExecutionContext& ctx, JoinBuildState& build) const override;
  Status StartProbe(ThreadContext& ctx, JoinProbeState& state,
                    const JoinBuildState& build) const override;
  bool ListCandidates(JoinProbeState& state, const JoinBuildState& build,
                      int64_t limit) const override;

 private:
  std::vector<JoinKey> keys_;
  std::vector<int> probe_columns_, build_columns_;
  std::vector<bool> null_safe_;
  std::unique_ptr<KeyEncoder> encoder_;
};

}  // namespace bundlebase::sql
