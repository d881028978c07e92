// ORDER BY over output columns, LIMIT and OFFSET.
#include "sql/binder/query_modifiers.h"

#include "columnar/cast.h"
#include "sql/binder/expression_binder.h"
#include "sql/planner/constant_folding.h"

namespace bundlebase::sql {
namespace {

Result<int64_t> ConstantCount(Binder& binder, const ParsedExpr& expr, const char* clause) {
  BindScope empty;
  ExpressionBinder::Hooks hooks;
  hooks.context = clause;
  ExpressionBinder eb(binder, empty, hooks);
  BB_ASSIGN_OR_RAISE(ExprPtr bound, eb.Bind(expr));
  BB_ASSIGN_OR_RAISE(Scalar value, EvaluateConstant(*bound, binder.options().statement_time_us));
  if (value.is_null()) return int64_t{-1};
  auto as_int = CastScalar(value, Int64());
  if (!as_int.ok()) {
    return Status::TypeError("argument of {} must be an integer{}", clause,
                             binder.Position(expr.location));
  }
  int64_t n = as_int->get<int64_t>();
  if (n < 0) {
    return Status::Invalid("{} must not be negative{}", clause, binder.Position(expr.location));
  }
  return n;
}

}  // namespace

Result<LogicalPtr> ApplyLimit(Binder& binder, const QueryNode& query, LogicalPtr plan) {
  if (!query.limit && !query.offset) return plan;
  int64_t limit = -1, offset = 0;
  if (query.limit) {
    BB_ASSIGN_OR_RAISE(limit, ConstantCount(binder, *query.limit, "LIMIT"));
  }
  if (query.offset) {
    BB_ASSIGN_OR_RAISE(offset, ConstantCount(binder, *query.offset, "OFFSET"));
    offset = std::max<int64_t>(offset, 0);
  }
  if (limit < 0 && offset == 0) return plan;
  return MakeLogicalLimit(std::move(plan), limit, offset);
}

Result<LogicalPtr> ApplyOutputModifiers(Binder& binder, const QueryNode& query, LogicalPtr plan) {
  std::vector<BoundOrderKey> keys;
  for (const auto& item : query.order_by) {
    SortKeySpec spec{!item.descending, item.nulls_first};
    const ParsedExpr& e = *item.expr;
    int index = -1;
    if (e.kind == ExprKind::kConstant &&
        e.As<ConstantExpr>().constant_kind == ConstantKind::kInteger) {
      int64_t k = e.As<ConstantExpr>().integer;
      if (k < 1 || k > static_cast<int64_t>(plan->output_ids.size())) {
        return Status::Invalid("ORDER BY position {} is not in select list{}", k,
                               binder.Position(e.location));
      }
      index = static_cast<int>(k - 1);
    } else if (e.kind == ExprKind::kColumnRef && e.As<ColumnRefExpr>().parts.size() == 1) {
      const Identifier& name = e.As<ColumnRefExpr>().parts[0];
      for (size_t i = 0; i < plan->output_fields.size() && index < 0; ++i) {
        if (name.Matches(plan->output_fields[i].name)) index = static_cast<int>(i);
      }
      if (index < 0) {
        return Status::NotFound("column \"{}\" does not exist{}", name.name,
                                binder.Position(e.location));
      }
    } else {
      return Status::NotImplemented(
          "ORDER BY on a UNION/INTERSECT/EXCEPT/VALUES result must name an output column or its "
          "position{}",
          binder.Position(e.location));
    }
    keys.push_back({MakeColumnRef(plan->output_ids[index], plan->output_fields[index].type,
                                  plan->output_fields[index].name),
                    spec});
  }
  if (!keys.empty()) plan = MakeLogicalSort(std::move(plan), std::move(keys));
  return ApplyLimit(binder, query, std::move(plan));
}

}  // namespace bundlebase::sql
