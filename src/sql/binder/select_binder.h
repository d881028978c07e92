// SelectBinder: one SELECT block — FROM, WHERE, GROUP BY (with grouping sets), aggregates,
// HAVING, window functions, the select list, DISTINCT, ORDER BY and LIMIT — into a plan.
//
// Aggregates and window calls are collected while the select list, HAVING and ORDER BY are
// bound (through ExpressionBinder hooks) and replaced by references to the columns the
// aggregate and window steps will produce. In a grouped query every other column reference
// must match a GROUP BY expression, as PostgreSQL requires.
#pragma once

#include "sql/binder/binder.h"
#include "sql/binder/expression_binder.h"

namespace bundlebase::sql {

class SelectBinder {
 public:
  SelectBinder(Binder& binder, const SelectNode& select, const BindScope* outer);
  Result<LogicalPtr> Bind();

  // Conjuncts of WHERE that refer to the enclosing query (a correlated subquery), bound over
  // this block's FROM columns plus the outer ones; the caller turns them into join conditions.
  std::vector<ExprPtr> TakeCorrelatedPredicates() { return std::move(correlated_predicates_); }
  // Keep the FROM columns the correlated predicates use as extra output columns (so the caller
  // can join on them). Set by the subquery planner before Bind().
  void set_expose_correlated_columns(bool v) { expose_correlated_ = v; }
  // Group by the inner side of correlated equalities (decorrelating an aggregate subquery).
  void set_group_by_correlated(bool v) { group_by_correlated_ = v; }
  const BindScope& from_scope() const { return scope_; }

 private:
  struct OutputColumn {
    ExprPtr expr;
    std::string name;
    ColumnId id;
  };

  Status BindWhere();
  Status BindGroupBy();
  Result<std::vector<std::vector<int>>> GroupingSetsOf(const GroupingElement& element);
  Result<int> AddGroupExpression(const ParsedExpr& expr);
  Status BindSelectList();
  Status BindOrderBy();
  // An ORDER BY or DISTINCT ON item: a select-list position, an output name, or an expression
  // (added as a hidden column when the select list does not have it).
  Result<ExprPtr> BindOutputKey(const ParsedExpr& expr, const char* clause);
  Result<ExprPtr> BindValue(const ParsedExpr& expr);  // select-list mode
  ExpressionBinder::Hooks ValueHooks();
  Result<std::optional<ExprPtr>> MatchGroup(const ParsedExpr& expr);
  Result<ExprPtr> BindAggregateCall(const FunctionCallExpr& call);
  Result<ExprPtr> BindWindowCall(const FunctionCallExpr& call);
  Result<ExprPtr> BindGroupingCall(const FunctionCallExpr& call);
  Result<ExprPtr> PlanSubquery(const SubqueryExpr& subquery);
  Status PlanSemiJoin(const SubqueryExpr& subquery, bool negated);
  Result<LogicalPtr> BindCorrelatedSubquery(const QueryNode& query, bool group_by_correlated,
                                            std::vector<ExprPtr>* predicates);
  Result<int> AddBoundGroupExpression(const ExprPtr& expr);
  Result<LogicalPtr> Assemble();
  std::string OutputName(const ParsedExpr& expr, const ExprPtr& bound) const;

  Binder& binder_;
  const SelectNode& select_;
  BindScope scope_;
  LogicalPtr plan_;
  bool grouped_ = false;
  bool expose_correlated_ = false;
  bool group_by_correlated_ = false;

  std::vector<ExprPtr> group_exprs_;
  std::vector<std::string> group_keys_;
  std::vector<ColumnId> group_ids_;
  std::vector<std::vector<int>> grouping_sets_;
  ColumnId grouping_id_ = -1;
  std::vector<BoundAggregate> aggregates_;
  std::vector<std::string> aggregate_keys_;
  std::vector<ColumnId> aggregate_ids_;
  std::vector<BoundWindowFunction> windows_;
  std::vector<ColumnId> window_ids_;
  std::vector<ExprPtr> correlated_predicates_;
  // Scalar subqueries in the select list, HAVING or ORDER BY of a grouped query join the
  // aggregate's output, not the FROM clause: they wait here until the aggregate exists.
  struct PendingJoin {
    LogicalJoinType type;
    LogicalPtr right;
    ExprPtr condition;
  };
  std::vector<PendingJoin> after_aggregate_;
  bool binding_grouped_value_ = false;
  std::vector<int> correlated_group_keys_;  // group keys added for decorrelation (outputs)

  std::vector<OutputColumn> outputs_;  // visible select list
  std::vector<OutputColumn> hidden_;   // ORDER BY expressions not in the select list
  std::vector<BoundOrderKey> order_keys_;
  std::vector<ExprPtr> distinct_on_keys_;
  ExprPtr having_;
};

}  // namespace bundlebase::sql
