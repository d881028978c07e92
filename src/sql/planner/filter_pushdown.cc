// Filter pushdown, one recursive walk carrying the conjuncts waiting to be placed.
#include "sql/planner/filter_pushdown.h"

#include <algorithm>

namespace bundlebase::sql {
namespace {

bool Covers(const std::vector<ColumnId>& ids, const ExprPtr& e) {
  std::vector<ColumnId> used;
  e->CollectColumns(&used);
  for (ColumnId id : used) {
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) return false;
  }
  return true;
}

// (a AND b) OR (a AND c) -> a AND (b OR c): a condition every branch of an OR shares can be
// pushed (TPC-H Q19's join key sits inside an OR of three branches).
void FactorOrs(std::vector<ExprPtr>* conjuncts) {
  std::vector<ExprPtr> out;
  for (auto& c : *conjuncts) {
    if (c->kind != BoundExprKind::kOr) {
      out.push_back(c);
      continue;
    }
    std::vector<std::vector<ExprPtr>> branches;
    for (const auto& b : c->children) {
      branches.emplace_back();
      SplitConjuncts(b, &branches.back());
    }
    std::vector<ExprPtr> common;
    for (const auto& candidate : branches[0]) {
      const std::string key = candidate->Key();
      bool everywhere = candidate->IsDeterministic();
      for (size_t i = 1; i < branches.size() && everywhere; ++i) {
        bool found = false;
        for (const auto& e : branches[i]) found |= e->Key() == key;
        everywhere = found;
      }
      if (everywhere) common.push_back(candidate);
    }
    if (common.empty()) {
      out.push_back(c);
      continue;
    }
    std::vector<ExprPtr> rest_branches;
    bool some_branch_empty = false;
    for (auto& branch : branches) {
      std::vector<ExprPtr> rest;
      for (auto& e : branch) {
        bool shared = false;
        for (const auto& k : common) shared |= k->Key() == e->Key();
        if (!shared) rest.push_back(e);
      }
      some_branch_empty |= rest.empty();
      rest_branches.push_back(JoinConjuncts(std::move(rest)));
    }
    out.insert(out.end(), common.begin(), common.end());
    // A branch left with nothing is always true, and so is the OR.
    if (!some_branch_empty) out.push_back(MakeLogical(BoundExprKind::kOr, std::move(rest_branches)));
  }
  *conjuncts = std::move(out);
}

LogicalPtr WithFilters(LogicalPtr plan, std::vector<ExprPtr> conjuncts) {
  if (conjuncts.empty()) return plan;
  return MakeLogicalFilter(std::move(plan), JoinConjuncts(std::move(conjuncts)));
}

LogicalPtr Push(LogicalPtr plan, std::vector<ExprPtr> pending);

LogicalPtr PushIntoJoin(LogicalPtr join, std::vector<ExprPtr> pending) {
  const LogicalJoinType type = join->join_type;
  // An inner join's own condition is placed like a filter above it.
  if (type == LogicalJoinType::kInner && join->predicate) {
    SplitConjuncts(join->predicate, &pending);
    join->predicate = nullptr;
  }
  const auto& left_ids = join->children[0]->output_ids;
  const auto& right_ids = join->children[1]->output_ids;
  std::vector<ExprPtr> to_left, to_right, to_join, above;
  FactorOrs(&pending);
  for (auto& c : pending) {
    if (!c->IsDeterministic()) {
      above.push_back(c);
      continue;
    }
    const bool left_ok = Covers(left_ids, c);
    const bool right_ok = Covers(right_ids, c);
    const bool left_preserved_only = type == LogicalJoinType::kLeft ||
                                     type == LogicalJoinType::kSemi ||
                                     type == LogicalJoinType::kAnti ||
                                     type == LogicalJoinType::kNullAwareAnti;
    if (left_ok && (type == LogicalJoinType::kInner || left_preserved_only)) {
      to_left.push_back(c);
    } else if (right_ok && (type == LogicalJoinType::kInner || type == LogicalJoinType::kRight)) {
      to_right.push_back(c);
    } else if (type == LogicalJoinType::kInner && Covers(join->output_ids, c)) {
      to_join.push_back(c);
    } else {
      above.push_back(c);
    }
  }
  // The conditions of outer, semi and anti joins stay, but their one-sided parts that only
  // restrict the non-preserved side can move into it.
  if (type != LogicalJoinType::kInner && join->predicate) {
    std::vector<ExprPtr> kept, own;
    SplitConjuncts(join->predicate, &own);
    for (auto& c : own) {
      const bool right_only = Covers(right_ids, c) && c->IsDeterministic();
      if (right_only && type != LogicalJoinType::kRight && type != LogicalJoinType::kFull) {
        to_right.push_back(c);
      } else {
        kept.push_back(c);
      }
    }
    join->predicate = JoinConjuncts(std::move(kept));
  }
  join->children[0] = Push(std::move(join->children[0]), std::move(to_left));
  join->children[1] = Push(std::move(join->children[1]), std::move(to_right));
  if (!to_join.empty()) {
    if (join->predicate) to_join.insert(to_join.begin(), join->predicate);
    join->predicate = JoinConjuncts(std::move(to_join));
  }
  return WithFilters(std::move(join), std::move(above));
}

LogicalPtr PushIntoProjection(LogicalPtr projection, std::vector<ExprPtr> pending) {
  std::vector<ExprPtr> below, above;
  for (auto& c : pending) {
    bool ok = c->IsDeterministic();
    ExprPtr rewritten = ReplaceColumns(c, [&](const Expression& column) -> ExprPtr {
      for (size_t i = 0; i < projection->output_ids.size(); ++i) {
        if (projection->output_ids[i] == column.column_id) {
          if (!projection->expressions[i]->IsDeterministic()) ok = false;
          return projection->expressions[i];
        }
      }
      ok = false;
      return nullptr;
    });
    (ok ? below : above).push_back(ok ? rewritten : c);
  }
  projection->children[0] = Push(std::move(projection->children[0]), std::move(below));
  return WithFilters(std::move(projection), std::move(above));
}

LogicalPtr Push(LogicalPtr plan, std::vector<ExprPtr> pending) {
  switch (plan->kind) {
    case LogicalKind::kFilter: {
      SplitConjuncts(plan->predicate, &pending);
      return Push(std::move(plan->children[0]), std::move(pending));
    }
    case LogicalKind::kJoin:
      return PushIntoJoin(std::move(plan), std::move(pending));
    case LogicalKind::kProjection:
      return PushIntoProjection(std::move(plan), std::move(pending));
    case LogicalKind::kGet: {
      for (const auto& c : pending) plan->pushed_filters.push_back(c);
      return WithFilters(std::move(plan), std::move(pending));
    }
    default:
      // Other operators (aggregates, sorts, limits, windows, set operations) are barriers:
      // their inputs are optimized on their own.
      for (auto& child : plan->children) child = Push(std::move(child), {});
      return WithFilters(std::move(plan), std::move(pending));
  }
}

}  // namespace

LogicalPtr PushDownFilters(LogicalPtr plan) { return Push(std::move(plan), {}); }

}  // namespace bundlebase::sql
