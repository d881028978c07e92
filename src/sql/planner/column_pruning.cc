// Column pruning: collect used ids, trim scans, recompute pass-through outputs bottom-up.
#include "sql/planner/column_pruning.h"

#include <unordered_set>

namespace bundlebase::sql {
namespace {

void Use(const ExprPtr& e, std::unordered_set<ColumnId>* used) {
  if (!e) return;
  std::vector<ColumnId> ids;
  e->CollectColumns(&ids);
  used->insert(ids.begin(), ids.end());
}

void CollectUsed(const LogicalOperator& op, std::unordered_set<ColumnId>* used) {
  Use(op.predicate, used);
  for (const auto& e : op.expressions) Use(e, used);
  for (const auto& e : op.groups) Use(e, used);
  for (const auto& a : op.aggregates) {
    for (const auto& e : a.args) Use(e, used);
    Use(a.filter, used);
    for (const auto& k : a.order_by) Use(k.expr, used);
  }
  for (const auto& k : op.order_by) Use(k.expr, used);
  for (const auto& w : op.windows) {
    for (const auto& e : w.args) Use(e, used);
    for (const auto& e : w.partition_by) Use(e, used);
    for (const auto& k : w.order_by) Use(k.expr, used);
  }
  // Set operations compare whole rows: every input column matters.
  if (op.kind == LogicalKind::kUnionAll || op.kind == LogicalKind::kSetOperation ||
      (op.kind == LogicalKind::kAggregate && op.aggregates.empty())) {
    for (const auto& child : op.children) used->insert(child->output_ids.begin(), child->output_ids.end());
  }
  for (const auto& child : op.children) CollectUsed(*child, used);
}

void Trim(LogicalOperator* op, const std::unordered_set<ColumnId>& used) {
  for (auto& child : op->children) Trim(child.get(), used);
  switch (op->kind) {
    case LogicalKind::kGet: {
      std::vector<ColumnId> ids;
      std::vector<Field> fields;
      std::vector<int> columns;
      for (size_t i = 0; i < op->output_ids.size(); ++i) {
        if (!used.count(op->output_ids[i])) continue;
        ids.push_back(op->output_ids[i]);
        fields.push_back(op->output_fields[i]);
        columns.push_back(op->table_columns[i]);
      }
      op->output_ids = std::move(ids);
      op->output_fields = std::move(fields);
      op->table_columns = std::move(columns);
      break;
    }
    case LogicalKind::kFilter:
    case LogicalKind::kSort:
    case LogicalKind::kLimit:
    case LogicalKind::kSingleRow:
      op->output_ids = op->children[0]->output_ids;
      op->output_fields = op->children[0]->output_fields;
      break;
    case LogicalKind::kJoin: {
      const LogicalJoinType t = op->join_type;
      const bool left_only = t == LogicalJoinType::kSemi || t == LogicalJoinType::kAnti ||
                             t == LogicalJoinType::kNullAwareAnti;
      op->output_ids = op->children[0]->output_ids;
      op->output_fields = op->children[0]->output_fields;
      if (!left_only) {
        const auto& r = *op->children[1];
        op->output_ids.insert(op->output_ids.end(), r.output_ids.begin(), r.output_ids.end());
        op->output_fields.insert(op->output_fields.end(), r.output_fields.begin(), r.output_fields.end());
      }
      break;
    }
    case LogicalKind::kWindow: {
      const size_t own = op->windows.size();
      std::vector<ColumnId> ids(op->output_ids.end() - static_cast<long>(own), op->output_ids.end());
      std::vector<Field> fields(op->output_fields.end() - static_cast<long>(own), op->output_fields.end());
      op->output_ids = op->children[0]->output_ids;
      op->output_fields = op->children[0]->output_fields;
      op->output_ids.insert(op->output_ids.end(), ids.begin(), ids.end());
      op->output_fields.insert(op->output_fields.end(), fields.begin(), fields.end());
      break;
    }
    default:
      break;  // projections, aggregates and set operations define their own outputs
  }
}

}  // namespace

void PruneColumns(LogicalOperator* plan) {
  std::unordered_set<ColumnId> used(plan->output_ids.begin(), plan->output_ids.end());
  CollectUsed(*plan, &used);
  Trim(plan, used);
}

}  // namespace bundlebase::sql
