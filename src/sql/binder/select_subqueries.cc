// SelectBinder, WHERE and subqueries. IN / EXISTS conditions at the top of WHERE become semi
// and anti joins (NOT IN a NULL-aware anti join, as its NULL semantics require); a scalar
// subquery becomes a join with its single row. Correlated subqueries are decorrelated in the
// common forms: conditions of the inner WHERE that refer to the outer query become join
// conditions, and an aggregate subquery is grouped by the inner side of its correlated
// equalities and joined back on them.
#include "base/strings.h"
#include "sql/binder/select_binder.h"
#include "sql/planner/constant_folding.h"

namespace bundlebase::sql {
namespace {

void FlattenAnd(const ParsedExpr& e, std::vector<const ParsedExpr*>* out) {
  if (e.kind == ExprKind::kBoolean && e.As<BooleanExpr>().op == BooleanOp::kAnd) {
    for (const auto& a : e.As<BooleanExpr>().args) FlattenAnd(*a, out);
    return;
  }
  out->push_back(&e);
}

bool IsSemiJoinable(const ParsedExpr& e) {
  if (e.kind != ExprKind::kSubquery) return false;
  auto kind = e.As<SubqueryExpr>().subquery_kind;
  return kind == SubqueryKind::kExists || kind == SubqueryKind::kAny;
}

// SELECT count(...) FROM ...: the select list is one bare count call.
bool IsCountCall(const QueryNode& query) {
  if (query.kind != QueryKind::kSelect) return false;
  const auto& items = query.As<SelectNode>().select_list;
  if (items.size() != 1 || items[0].expr->kind != ExprKind::kFunctionCall) return false;
  const auto& call = items[0].expr->As<FunctionCallExpr>();
  return !call.over && EqualsIgnoreCase(call.name.back().name, "count");
}

bool References(const ExprPtr& e, const BindScope& scope) {
  std::vector<ColumnId> used;
  e->CollectColumns(&used);
  for (const auto& t : scope.tables()) {
    for (const auto& c : t.columns) {
      for (ColumnId id : used) {
        if (id == c.id) return true;
      }
    }
  }
  return false;
}

bool OnlyReferences(const ExprPtr& e, const BindScope& scope) {
  std::vector<ColumnId> used;
  e->CollectColumns(&used);
  for (ColumnId id : used) {
    bool found = false;
    for (const auto& t : scope.tables()) {
      for (const auto& c : t.columns) found |= c.id == id;
    }
    if (!found) return false;
  }
  return true;
}

}  // namespace

Status SelectBinder::BindWhere() {
  if (!select_.where) return Status::OK();
  std::vector<const ParsedExpr*> conjuncts;
  FlattenAnd(*select_.where, &conjuncts);
  std::vector<ExprPtr> filters;
  for (const ParsedExpr* c : conjuncts) {
    const ParsedExpr* sub = c;
    bool negated = false;
    if (c->kind == ExprKind::kBoolean && c->As<BooleanExpr>().op == BooleanOp::kNot &&
        IsSemiJoinable(*c->As<BooleanExpr>().args[0])) {
      sub = c->As<BooleanExpr>().args[0].get();
      negated = true;
    }
    if (IsSemiJoinable(*sub)) {
      BB_RETURN_NOT_OK(PlanSemiJoin(sub->As<SubqueryExpr>(), negated));
      continue;
    }
    ExpressionBinder::Hooks hooks;
    hooks.context = "WHERE";
    hooks.subquery = [this](const SubqueryExpr& s) { return PlanSubquery(s); };
    ExpressionBinder binder(binder_, scope_, hooks);
    BB_ASSIGN_OR_RAISE(ExprPtr bound, binder.BindCondition(*c, "WHERE"));
    bound = FoldConstants(bound, binder_.options().statement_time_us);
    if (!binder.correlated().empty()) {
      correlated_predicates_.push_back(std::move(bound));
    } else {
      filters.push_back(std::move(bound));
    }
  }
  if (!filters.empty()) plan_ = MakeLogicalFilter(std::move(plan_), JoinConjuncts(std::move(filters)));
  if (group_by_correlated_) {
    // Decorrelating an aggregate: group by the inner side of each correlated equality and join
    // on the group column instead.
    std::vector<ExprPtr> rewritten;
    for (const auto& p : correlated_predicates_) {
      const bool equality = p->kind == BoundExprKind::kCall && p->call.function &&
                            p->call.function->name == "=";
      int inner_side = -1;
      if (equality) {
        if (OnlyReferences(p->children[0], scope_) && !References(p->children[1], scope_)) inner_side = 0;
        if (OnlyReferences(p->children[1], scope_) && !References(p->children[0], scope_)) inner_side = 1;
      }
      if (inner_side < 0) {
        return Status::NotImplemented(
            "a correlated subquery with aggregates may only compare its columns to the outer "
            "query's with =: {}",
            p->ToString());
      }
      BB_ASSIGN_OR_RAISE(int key, AddBoundGroupExpression(p->children[inner_side]));
      auto copy = std::make_shared<Expression>(*p);
      copy->children[inner_side] =
          MakeColumnRef(group_ids_[key], group_exprs_[key]->type, group_exprs_[key]->display);
      rewritten.push_back(copy);
      correlated_group_keys_.push_back(key);
    }
    correlated_predicates_ = std::move(rewritten);
  }
  return Status::OK();
}

Result<int> SelectBinder::AddBoundGroupExpression(const ExprPtr& expr) {
  const std::string key = expr->Key();
  for (size_t i = 0; i < group_keys_.size(); ++i) {
    if (group_keys_[i] == key) return static_cast<int>(i);
  }
  group_exprs_.push_back(expr);
  group_keys_.push_back(key);
  group_ids_.push_back(binder_.NewColumnId());
  return static_cast<int>(group_exprs_.size() - 1);
}

Result<LogicalPtr> SelectBinder::BindCorrelatedSubquery(const QueryNode& query,
                                                        bool group_by_correlated,
                                                        std::vector<ExprPtr>* predicates) {
  if (query.kind != QueryKind::kSelect) return binder_.BindQueryNode(query, &scope_);
  SelectBinder inner(binder_, query.As<SelectNode>(), &scope_);
  inner.set_expose_correlated_columns(!group_by_correlated);
  inner.set_group_by_correlated(group_by_correlated);
  BB_ASSIGN_OR_RAISE(LogicalPtr plan, inner.Bind());
  *predicates = inner.TakeCorrelatedPredicates();
  return plan;
}

Status SelectBinder::PlanSemiJoin(const SubqueryExpr& sub, bool negated) {
  std::vector<ExprPtr> conditions;
  BB_ASSIGN_OR_RAISE(LogicalPtr subplan, BindCorrelatedSubquery(*sub.query, false, &conditions));
  LogicalJoinType type = negated ? LogicalJoinType::kAnti : LogicalJoinType::kSemi;
  if (sub.subquery_kind == SubqueryKind::kAny) {
    ExpressionBinder::Hooks hooks;
    hooks.context = "IN";
    ExpressionBinder outer(binder_, scope_, hooks);
    BB_ASSIGN_OR_RAISE(ExprPtr left, outer.Bind(*sub.test_expr));
    ExprPtr right = MakeColumnRef(subplan->output_ids[0], subplan->output_fields[0].type,
                                  subplan->output_fields[0].name);
    BB_ASSIGN_OR_RAISE(auto both, outer.CastToCommonType({left, right}, "IN", sub.location));
    BB_ASSIGN_OR_RAISE(ExprPtr cmp, outer.CallFunction(sub.op, both, sub.location));
    conditions.insert(conditions.begin(), cmp);
    if (negated && sub.op == "=") type = LogicalJoinType::kNullAwareAnti;
  }
  plan_ = MakeLogicalJoin(type, std::move(plan_), std::move(subplan), JoinConjuncts(conditions));
  return Status::OK();
}

Result<ExprPtr> SelectBinder::PlanSubquery(const SubqueryExpr& sub) {
  if (sub.subquery_kind != SubqueryKind::kScalar) {
    return Status::NotImplemented(
        "{} subqueries are supported only as conditions of WHERE (combined with AND){}",
        sub.subquery_kind == SubqueryKind::kExists ? "EXISTS" : "IN/ANY/ALL",
        binder_.Position(sub.location));
  }
  std::vector<ExprPtr> conditions;
  BB_ASSIGN_OR_RAISE(LogicalPtr subplan, BindCorrelatedSubquery(*sub.query, false, &conditions));
  bool aggregated = false;
  if (sub.query->kind == QueryKind::kSelect) {
    for (const auto& item : sub.query->As<SelectNode>().select_list) {
      aggregated |= ContainsAggregate(*item.expr, binder_.registry());
    }
  }
  if (!conditions.empty() && aggregated) {
    BB_ASSIGN_OR_RAISE(subplan, BindCorrelatedSubquery(*sub.query, true, &conditions));
  }
  // The visible select list is the first columns; a scalar subquery must have one.
  ExprPtr result = MakeColumnRef(subplan->output_ids[0], subplan->output_fields[0].type,
                                 subplan->output_fields[0].name);
  if (!conditions.empty() && aggregated && IsCountCall(*sub.query)) {
    // An outer row without matches finds no group after decorrelation, but count() over no
    // rows is 0, not NULL.
    result = MakeExpr(BoundExprKind::kCoalesce, result->type,
                      {result, MakeLiteral(Scalar(result->type, int64_t{0}))});
  }
  LogicalJoinType type = LogicalJoinType::kLeft;
  if (conditions.empty()) {
    auto single = std::make_unique<LogicalOperator>(LogicalKind::kSingleRow);
    single->output_ids = subplan->output_ids;
    single->output_fields = subplan->output_fields;
    single->children.push_back(std::move(subplan));
    subplan = std::move(single);
    type = LogicalJoinType::kInner;
  }
  if (binding_grouped_value_) {
    if (!conditions.empty()) {
      return Status::NotImplemented(
          "a correlated subquery in the select list or HAVING of a grouped query is not "
          "supported{}",
          binder_.Position(sub.location));
    }
    after_aggregate_.push_back({type, std::move(subplan), nullptr});
  } else {
    plan_ = MakeLogicalJoin(type, std::move(plan_), std::move(subplan), JoinConjuncts(conditions));
  }
  return result;
}

}  // namespace bundlebase::sql
