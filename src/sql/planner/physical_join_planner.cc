// Planning joins: equalities between the two sides become hash join keys (computed by a
// projection below a side when they are expressions), the rest of the condition is the residual
// the join checks on matching pairs. Without any equality the join is a nested loop. For inner
// and outer joins the side with fewer estimated rows is built into the hash table.
#include <optional>

#include "sql/execution/hash_join_operator.h"
#include "sql/execution/nested_loop_join.h"
#include "sql/execution/set_operation.h"
#include "sql/functions/implicit_cast.h"
#include "sql/planner/cardinality.h"
#include "sql/planner/physical_planner_internal.h"

namespace bundlebase::sql::internal {
namespace {

bool UsesOnly(const ExprPtr& e, const std::vector<ColumnId>& ids) {
  std::vector<ColumnId> used;
  e->CollectColumns(&used);
  if (used.empty()) return false;
  for (ColumnId id : used) {
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) return false;
  }
  return true;
}

struct KeyPair {
  ExprPtr left, right;
  bool null_safe = false;
};

// Splits the condition into equi-join keys and the residual conjuncts.
void SplitCondition(const ExprPtr& condition, const std::vector<ColumnId>& left_ids,
                    const std::vector<ColumnId>& right_ids, std::vector<KeyPair>* keys,
                    std::vector<ExprPtr>* residual) {
  std::vector<ExprPtr> conjuncts;
  SplitConjuncts(condition, &conjuncts);
  for (const auto& c : conjuncts) {
    const bool equality = c->kind == BoundExprKind::kCall && c->call.function &&
                          c->call.function->name == "=";
    const bool not_distinct = c->kind == BoundExprKind::kIsDistinct && c->negated;
    if (equality || not_distinct) {
      const ExprPtr& a = c->children[0];
      const ExprPtr& b = c->children[1];
      // Hash keys are compared as encoded bytes, so both sides need one type (the `=` kernel
      // compares decimal(10, 0) with decimal(2, 1) by value; the hash table cannot).
      auto key = [&](const ExprPtr& l, const ExprPtr& r) -> std::optional<KeyPair> {
        if (l->type->Equals(*r->type)) return KeyPair{l, r, not_distinct};
        auto common = CommonSuperType({{l->type, false, {}}, {r->type, false, {}}}, "JOIN");
        if (!common.ok()) return std::nullopt;
        return KeyPair{MakeCast(l, *common), MakeCast(r, *common), not_distinct};
      };
      std::optional<KeyPair> pair;
      if (UsesOnly(a, left_ids) && UsesOnly(b, right_ids)) pair = key(a, b);
      if (!pair && UsesOnly(b, left_ids) && UsesOnly(a, right_ids)) pair = key(b, a);
      if (pair) {
        keys->push_back(std::move(*pair));
        continue;
      }
    }
    residual->push_back(c);
  }
}

LogicalJoinType Mirror(LogicalJoinType type) {
  switch (type) {
    case LogicalJoinType::kLeft: return LogicalJoinType::kRight;
    case LogicalJoinType::kRight: return LogicalJoinType::kLeft;
    default: return type;
  }
}

bool Swappable(LogicalJoinType type) {
  return type == LogicalJoinType::kInner || type == LogicalJoinType::kLeft ||
         type == LogicalJoinType::kRight || type == LogicalJoinType::kFull;
}

}  // namespace

Result<PhysicalOperatorPtr> PlanJoin(const LogicalOperator& op,
                                     std::vector<PhysicalOperatorPtr> children) {
  const LogicalOperator& left_plan = *op.children[0];
  const LogicalOperator& right_plan = *op.children[1];
  std::vector<KeyPair> keys;
  std::vector<ExprPtr> residual;
  if (op.predicate) {
    SplitCondition(op.predicate, left_plan.output_ids, right_plan.output_ids, &keys, &residual);
  }
  // Probe the bigger side, build the smaller one.
  bool swap = Swappable(op.join_type) &&
              EstimateRows(left_plan) < EstimateRows(right_plan) && !keys.empty();
  PhysicalOperatorPtr probe = std::move(children[swap ? 1 : 0]);
  PhysicalOperatorPtr build = std::move(children[swap ? 0 : 1]);
  const std::vector<ColumnId>& probe_ids = swap ? right_plan.output_ids : left_plan.output_ids;
  const std::vector<ColumnId>& build_ids = swap ? left_plan.output_ids : right_plan.output_ids;
  const LogicalJoinType type = swap ? Mirror(op.join_type) : op.join_type;

  ComputedColumns probe_cols{probe_ids, {}}, build_cols{build_ids, {}};
  std::vector<JoinKey> join_keys;
  for (const auto& k : keys) {
    BB_ASSIGN_OR_RAISE(int p, AppendComputed(&probe_cols, swap ? k.right : k.left));
    BB_ASSIGN_OR_RAISE(int b, AppendComputed(&build_cols, swap ? k.left : k.right));
    join_keys.push_back({p, b, k.null_safe});
  }
  probe = WithComputed(std::move(probe), probe_cols);
  build = WithComputed(std::move(build), build_cols);
  const int probe_width = probe->schema()->num_fields();

  // The residual sees [probe columns (with computed keys)..., build columns...].
  std::vector<ColumnId> joined_ids = probe_ids;
  joined_ids.resize(static_cast<size_t>(probe_width), -1);
  joined_ids.insert(joined_ids.end(), build_ids.begin(), build_ids.end());
  ExprPtr condition;
  if (!residual.empty()) {
    BB_ASSIGN_OR_RAISE(condition, ResolveColumns(JoinConjuncts(residual), joined_ids));
  }
  const bool left_only = type == LogicalJoinType::kSemi || type == LogicalJoinType::kAnti ||
                         type == LogicalJoinType::kNullAwareAnti;
  std::vector<Field> fields = probe->schema()->fields();
  if (!left_only) {
    for (const auto& f : build->schema()->fields()) fields.push_back(f);
  }
  auto schema = MakeSchema(fields);
  PhysicalOperatorPtr join;
  if (join_keys.empty()) {
    join = std::make_unique<NestedLoopJoinOperator>(schema, std::move(probe), std::move(build),
                                                    type, std::move(condition));
  } else {
    join = std::make_unique<HashJoinOperator>(schema, std::move(probe), std::move(build), type,
                                              std::move(join_keys), std::move(condition));
  }
  // Back to the logical order: left columns, then right columns, without computed keys.
  const int probe_count = static_cast<int>(probe_ids.size());
  const int build_count = static_cast<int>(build_ids.size());
  std::vector<int> keep;
  auto add_probe = [&] { for (int i = 0; i < probe_count; ++i) keep.push_back(i); };
  auto add_build = [&] { for (int i = 0; i < build_count; ++i) keep.push_back(probe_width + i); };
  if (left_only) {
    add_probe();
  } else if (swap) {
    add_build();
    add_probe();
  } else {
    add_probe();
    add_build();
  }
  return SelectPositions(std::move(join), keep, op.OutputSchema());
}

Result<PhysicalOperatorPtr> PlanIntersectExcept(const LogicalOperator& op,
                                                std::vector<PhysicalOperatorPtr> children) {
  return std::make_unique<SetOperationOperator>(op.OutputSchema(), std::move(children[0]),
                                                std::move(children[1]), op.set_kind, op.set_all);
}

}  // namespace bundlebase::sql::internal
