// PhysicalPlanner: one function per logical operator kind; joins are in physical_join_planner.cc
// and windows in physical_window_planner.cc.
#include "sql/planner/physical_planner.h"

#include <optional>

#include "sql/execution/aggregate_operator.h"
#include "sql/execution/filter_operator.h"
#include "sql/execution/limit_operator.h"
#include "sql/execution/projection_operator.h"
#include "sql/execution/single_row_operator.h"
#include "sql/execution/sort_operator.h"
#include "sql/execution/table_scan_operator.h"
#include "sql/execution/top_n_operator.h"
#include "sql/execution/union_all_operator.h"
#include "sql/planner/physical_planner_internal.h"

namespace bundlebase::sql {
namespace internal {

Result<std::vector<ExprPtr>> ResolveAll(const std::vector<ExprPtr>& exprs,
                                        const std::vector<ColumnId>& ids) {
  std::vector<ExprPtr> out;
  for (const auto& e : exprs) {
    BB_ASSIGN_OR_RAISE(ExprPtr r, ResolveColumns(e, ids));
    out.push_back(std::move(r));
  }
  return out;
}

Result<int> AppendComputed(ComputedColumns* cols, const ExprPtr& expr) {
  if (expr->kind == BoundExprKind::kColumn) {
    for (size_t i = 0; i < cols->input_ids.size(); ++i) {
      if (cols->input_ids[i] == expr->column_id) return static_cast<int>(i);
    }
  }
  BB_ASSIGN_OR_RAISE(ExprPtr resolved, ResolveColumns(expr, cols->input_ids));
  const std::string key = resolved->Key();
  for (size_t i = 0; i < cols->extra.size(); ++i) {
    if (cols->extra[i]->Key() == key) return static_cast<int>(cols->input_ids.size() + i);
  }
  cols->extra.push_back(std::move(resolved));
  return static_cast<int>(cols->input_ids.size() + cols->extra.size() - 1);
}

PhysicalOperatorPtr WithComputed(PhysicalOperatorPtr child, const ComputedColumns& cols) {
  if (cols.extra.empty()) return child;
  std::vector<ExprPtr> exprs;
  std::vector<Field> fields = child->schema()->fields();
  for (int i = 0; i < child->schema()->num_fields(); ++i) {
    auto ref = std::make_shared<Expression>(
        *MakeColumnRef(-1, child->schema()->field(i).type, child->schema()->field(i).name));
    ref->position = i;
    exprs.push_back(ref);
  }
  for (size_t i = 0; i < cols.extra.size(); ++i) {
    exprs.push_back(cols.extra[i]);
    fields.emplace_back("#computed" + std::to_string(i), cols.extra[i]->type);
  }
  return std::make_unique<ProjectionOperator>(MakeSchema(std::move(fields)), std::move(child),
                                              std::move(exprs));
}

PhysicalOperatorPtr SelectPositions(PhysicalOperatorPtr child, const std::vector<int>& positions,
                                    SchemaPtr schema) {
  bool identity = static_cast<int>(positions.size()) == child->schema()->num_fields();
  for (size_t i = 0; i < positions.size() && identity; ++i) identity = positions[i] == static_cast<int>(i);
  if (identity) return child;
  std::vector<ExprPtr> exprs;
  for (int p : positions) {
    auto ref = std::make_shared<Expression>(
        *MakeColumnRef(-1, child->schema()->field(p).type, child->schema()->field(p).name));
    ref->position = p;
    exprs.push_back(ref);
  }
  return std::make_unique<ProjectionOperator>(std::move(schema), std::move(child), std::move(exprs));
}

}  // namespace internal

namespace {

using internal::AppendComputed;
using internal::ComputedColumns;

// `column op constant` conjuncts a scan can prune with; `column` must be one of the scan's.
std::optional<ScanPredicate> ToScanPredicate(const LogicalOperator& get, const Expression& e) {
  auto table_column = [&](const Expression& c) -> int {
    if (c.kind != BoundExprKind::kColumn) return -1;
    for (size_t i = 0; i < get.output_ids.size(); ++i) {
      if (get.output_ids[i] == c.column_id) return get.table_columns[i];
    }
    return -1;
  };
  if (e.kind == BoundExprKind::kIsNull || e.kind == BoundExprKind::kIsNotNull) {
    int column = table_column(*e.children[0]);
    if (column < 0) return std::nullopt;
    return ScanPredicate{column, e.kind == BoundExprKind::kIsNull ? ScanPredicate::Op::kIsNull
                                                                  : ScanPredicate::Op::kIsNotNull,
                         Scalar()};
  }
  if (e.kind != BoundExprKind::kCall || e.children.size() != 2 || !e.call.function) {
    return std::nullopt;
  }
  static const std::pair<const char*, ScanPredicate::Op> kOps[] = {
      {"=", ScanPredicate::Op::kEq},  {"<>", ScanPredicate::Op::kNotEq},
      {"<", ScanPredicate::Op::kLt},  {"<=", ScanPredicate::Op::kLtEq},
      {">", ScanPredicate::Op::kGt},  {">=", ScanPredicate::Op::kGtEq}};
  static const std::pair<ScanPredicate::Op, ScanPredicate::Op> kFlipped[] = {
      {ScanPredicate::Op::kLt, ScanPredicate::Op::kGt}, {ScanPredicate::Op::kLtEq, ScanPredicate::Op::kGtEq},
      {ScanPredicate::Op::kGt, ScanPredicate::Op::kLt}, {ScanPredicate::Op::kGtEq, ScanPredicate::Op::kLtEq}};
  std::optional<ScanPredicate::Op> op;
  for (const auto& [name, o] : kOps) {
    if (e.call.function->name == name) op = o;
  }
  if (!op) return std::nullopt;
  const Expression* column = e.children[0].get();
  const Expression* value = e.children[1].get();
  if (column->kind == BoundExprKind::kLiteral) {
    std::swap(column, value);
    for (const auto& [from, to] : kFlipped) {
      if (*op == from) {
        op = to;
        break;
      }
    }
  }
  int index = table_column(*column);
  if (index < 0 || value->kind != BoundExprKind::kLiteral || value->literal.is_null() ||
      !value->literal.type()->Equals(*column->type)) {
    return std::nullopt;
  }
  return ScanPredicate{index, *op, value->literal};
}

Result<PhysicalOperatorPtr> PlanGet(const LogicalOperator& op) {
  ScanRequest request;
  request.columns = op.table_columns;
  std::string predicates;
  for (const auto& f : op.pushed_filters) {
    std::vector<ExprPtr> conjuncts;
    SplitConjuncts(f, &conjuncts);
    for (const auto& c : conjuncts) {
      if (auto p = ToScanPredicate(op, *c)) {
        predicates += (predicates.empty() ? "" : " AND ") + c->ToString();
        request.predicates.push_back(std::move(*p));
      }
    }
  }
  BB_ASSIGN_OR_RAISE(auto scan, op.table->Scan(request));
  PhysicalOperatorPtr out = std::make_unique<TableScanOperator>(op.OutputSchema(), std::move(scan),
                                                                op.table_label, predicates);
  out->estimated_rows = op.estimated_rows;
  return out;
}

Result<PhysicalOperatorPtr> PlanAggregate(const LogicalOperator& op, PhysicalOperatorPtr child,
                                          const std::vector<ColumnId>& child_ids) {
  ComputedColumns cols{child_ids, {}};
  std::vector<int> group_columns;
  for (const auto& g : op.groups) {
    BB_ASSIGN_OR_RAISE(int p, AppendComputed(&cols, g));
    group_columns.push_back(p);
  }
  std::vector<HashAggregateCall> calls;
  for (const auto& a : op.aggregates) {
    HashAggregateCall call;
    call.call = a.call;
    call.distinct = a.distinct;
    for (const auto& arg : a.args) {
      BB_ASSIGN_OR_RAISE(int p, AppendComputed(&cols, arg));
      call.arg_columns.push_back(p);
    }
    for (const auto& key : a.order_by) {
      BB_ASSIGN_OR_RAISE(int p, AppendComputed(&cols, key.expr));
      call.arg_columns.push_back(p);
      call.order_by.push_back(key.spec);
    }
    if (a.filter) {
      BB_ASSIGN_OR_RAISE(call.filter_column, AppendComputed(&cols, a.filter));
    }
    calls.push_back(std::move(call));
  }
  child = internal::WithComputed(std::move(child), cols);
  return std::make_unique<HashAggregateOperator>(op.OutputSchema(), std::move(child),
                                                 std::move(group_columns), op.grouping_sets,
                                                 std::move(calls));
}

Result<std::vector<SortKey>> SortKeys(const std::vector<BoundOrderKey>& keys,
                                      ComputedColumns* cols) {
  std::vector<SortKey> out;
  for (const auto& k : keys) {
    BB_ASSIGN_OR_RAISE(int p, AppendComputed(cols, k.expr));
    out.push_back(SortKey{p, k.spec.ascending, k.spec.nulls_first});
  }
  return out;
}

// Sorts (or top-N) `child`; helper key columns are dropped again above.
Result<PhysicalOperatorPtr> PlanOrdered(const LogicalOperator& sort, PhysicalOperatorPtr child,
                                        const std::vector<ColumnId>& child_ids, int64_t limit,
                                        int64_t offset) {
  ComputedColumns cols{child_ids, {}};
  BB_ASSIGN_OR_RAISE(auto keys, SortKeys(sort.order_by, &cols));
  const int width = child->schema()->num_fields();
  SchemaPtr out_schema = child->schema();
  child = internal::WithComputed(std::move(child), cols);
  SchemaPtr wide = child->schema();
  PhysicalOperatorPtr sorted;
  if (limit >= 0) {
    sorted = std::make_unique<TopNOperator>(wide, std::move(child), std::move(keys), limit, offset);
  } else {
    sorted = std::make_unique<SortOperator>(wide, std::move(child), std::move(keys));
    if (offset > 0) {
      sorted = std::make_unique<LimitOperator>(wide, std::move(sorted), LimitOperator::kNoLimit,
                                               offset);
    }
  }
  std::vector<int> keep;
  for (int i = 0; i < width; ++i) keep.push_back(i);
  return internal::SelectPositions(std::move(sorted), keep, out_schema);
}

}  // namespace

Result<PhysicalOperatorPtr> internal::PlanNode(const LogicalOperator& op) {
  std::vector<PhysicalOperatorPtr> children;
  // A LIMIT over a SORT is one top-N step.
  if (op.kind == LogicalKind::kLimit && op.children[0]->kind == LogicalKind::kSort &&
      op.limit >= 0) {
    const LogicalOperator& sort = *op.children[0];
    BB_ASSIGN_OR_RAISE(auto input, PlanNode(*sort.children[0]));
    return PlanOrdered(sort, std::move(input), sort.children[0]->output_ids, op.limit, op.offset);
  }
  for (const auto& c : op.children) {
    BB_ASSIGN_OR_RAISE(auto child, PlanNode(*c));
    children.push_back(std::move(child));
  }
  const std::vector<ColumnId> no_ids;
  const std::vector<ColumnId>& child_ids = op.children.empty() ? no_ids : op.children[0]->output_ids;
  PhysicalOperatorPtr out;
  switch (op.kind) {
    case LogicalKind::kGet: {
      BB_ASSIGN_OR_RAISE(out, PlanGet(op));
      break;
    }
    case LogicalKind::kFilter: {
      BB_ASSIGN_OR_RAISE(ExprPtr predicate, ResolveColumns(op.predicate, child_ids));
      SchemaPtr schema = children[0]->schema();
      out = std::make_unique<FilterOperator>(std::move(schema), std::move(children[0]),
                                             std::move(predicate));
      break;
    }
    case LogicalKind::kProjection: {
      BB_ASSIGN_OR_RAISE(auto exprs, internal::ResolveAll(op.expressions, child_ids));
      out = std::make_unique<ProjectionOperator>(op.OutputSchema(), std::move(children[0]),
                                                 std::move(exprs));
      break;
    }
    case LogicalKind::kAggregate: {
      BB_ASSIGN_OR_RAISE(out, PlanAggregate(op, std::move(children[0]), child_ids));
      break;
    }
    case LogicalKind::kSort: {
      BB_ASSIGN_OR_RAISE(out, PlanOrdered(op, std::move(children[0]), child_ids, -1, 0));
      break;
    }
    case LogicalKind::kLimit:
      out = std::make_unique<LimitOperator>(op.OutputSchema(), std::move(children[0]), op.limit,
                                            op.offset);
      break;
    case LogicalKind::kUnionAll:
      out = std::make_unique<UnionAllOperator>(op.OutputSchema(), std::move(children));
      break;
    case LogicalKind::kSingleRow:
      out = std::make_unique<SingleRowOperator>(op.OutputSchema(), std::move(children[0]));
      break;
    case LogicalKind::kSetOperation: {
      BB_ASSIGN_OR_RAISE(out, PlanSetOperation(op, std::move(children)));
      break;
    }
    case LogicalKind::kJoin: {
      BB_ASSIGN_OR_RAISE(out, PlanJoin(op, std::move(children)));
      break;
    }
    case LogicalKind::kWindow: {
      BB_ASSIGN_OR_RAISE(out, PlanWindow(op, std::move(children[0])));
      break;
    }
  }
  // Operators name their output columns themselves; the logical plan's names win.
  if (out->estimated_rows < 0) out->estimated_rows = op.estimated_rows;
  return out;
}

Result<PhysicalOperatorPtr> CreatePhysicalPlan(const LogicalOperator& plan) {
  return internal::PlanNode(plan);
}

}  // namespace bundlebase::sql
