// ExpressionBinder: binds one parsed expression against a scope — column references, literals,
// operators and function calls (with implicit casts), CASE, CAST, IN, BETWEEN, LIKE, ...
//
// Aggregates, window functions and subqueries depend on where the expression sits, so the
// binder asks its Hooks for them: the SELECT binder supplies hooks that collect aggregates into
// the GROUP BY step, map grouped expressions to the group columns, and plan subqueries as joins.
// A null hook means the construct is not allowed here ("aggregate functions are not allowed in
// WHERE").
#pragma once

#include <functional>

#include "sql/binder/binder.h"

namespace bundlebase::sql {

class ExpressionBinder {
 public:
  struct Hooks {
    // Called first for every node: may return a replacement (a grouped column, an error).
    std::function<Result<std::optional<ExprPtr>>(const ParsedExpr&)> before;
    // Aggregate calls (name is an aggregate, no OVER).
    std::function<Result<ExprPtr>(const FunctionCallExpr&)> aggregate;
    // Window calls (OVER ...).
    std::function<Result<ExprPtr>(const FunctionCallExpr&)> window;
    // Subqueries.
    std::function<Result<ExprPtr>(const SubqueryExpr&)> subquery;
    // What the expression is, for "aggregate functions are not allowed in <context>".
    std::string context = "this context";
  };

  ExpressionBinder(Binder& binder, const BindScope& scope)
      : binder_(binder), scope_(scope) {}
  ExpressionBinder(Binder& binder, const BindScope& scope, Hooks hooks)
      : binder_(binder), scope_(scope), hooks_(std::move(hooks)) {}

  Result<ExprPtr> Bind(const ParsedExpr& expr);
  // Binds and checks the result is boolean (an untyped literal becomes one).
  Result<ExprPtr> BindCondition(const ParsedExpr& expr, std::string_view clause);

  // Column ids from enclosing queries this expression used (a correlated subquery).
  const std::vector<ColumnId>& correlated() const { return correlated_; }

  // Shared helpers for the other binder files.
  Result<ExprPtr> CallFunction(const std::string& name, std::vector<ExprPtr> args, int location,
                               std::string display = "");
  Result<std::vector<ExprPtr>> CastToCommonType(std::vector<ExprPtr> exprs,
                                                std::string_view context, int location);

 private:
  Result<ExprPtr> BindNode(const ParsedExpr& expr);
  Result<ExprPtr> BindColumnRef(const ColumnRefExpr& ref);
  Result<ExprPtr> BindConstant(const ConstantExpr& constant);
  Result<ExprPtr> BindOperator(const OperatorExpr& op);
  Result<ExprPtr> BindBoolean(const BooleanExpr& expr);
  Result<ExprPtr> BindBooleanTest(const BooleanTestExpr& expr);
  Result<ExprPtr> BindDistinctFrom(const DistinctFromExpr& expr);
  Result<ExprPtr> BindLike(const LikeExpr& expr);
  Result<ExprPtr> BindBetween(const BetweenExpr& expr);
  Result<ExprPtr> BindInList(const InListExpr& expr);
  Result<ExprPtr> BindFunction(const FunctionCallExpr& call);
  Result<ExprPtr> BindCast(const CastExpr& cast);
  Result<ExprPtr> BindCase(const CaseExpr& expr);
  Result<ExprPtr> BindConditional(const ConditionalExpr& expr);
  Result<ExprPtr> BindValueFunction(const ValueFunctionExpr& expr);
  Result<ExprPtr> RequireBoolean(ExprPtr expr, std::string_view what, int location);
  Result<ResolvedScalarCall> ResolveEquality(const ExprPtr& a, const ExprPtr& b, int location);

  Binder& binder_;
  const BindScope& scope_;
  Hooks hooks_;
  std::vector<ColumnId> correlated_;
};

// What the function registry needs to know about bound arguments.
std::vector<ArgumentInfo> ArgInfos(const std::vector<ExprPtr>& args);

// True when `expr` (parsed) contains an aggregate call outside any subquery or window.
bool ContainsAggregate(const ParsedExpr& expr, const FunctionRegistry& registry);
bool ContainsWindow(const ParsedExpr& expr);

}  // namespace bundlebase::sql
