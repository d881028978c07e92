// LogicalOperator: output schema and the EXPLAIN text of logical plans.
#include "sql/planner/logical_plan.h"

#include <fmt/format.h>

namespace bundlebase::sql {
namespace {

const char* KindName(LogicalKind kind) {
  switch (kind) {
    case LogicalKind::kGet: return "GET";
    case LogicalKind::kFilter: return "FILTER";
    case LogicalKind::kProjection: return "PROJECTION";
    case LogicalKind::kAggregate: return "AGGREGATE";
    case LogicalKind::kJoin: return "JOIN";
    case LogicalKind::kSort: return "SORT";
    case LogicalKind::kLimit: return "LIMIT";
    case LogicalKind::kWindow: return "WINDOW";
    case LogicalKind::kUnionAll: return "UNION_ALL";
    case LogicalKind::kSetOperation: return "SET_OPERATION";
    case LogicalKind::kSingleRow: return "SINGLE_ROW";
  }
  return "?";
}

}  // namespace

SchemaPtr LogicalOperator::OutputSchema() const { return MakeSchema(output_fields); }

std::string LogicalOperator::ToString(int depth) const {
  std::string out(static_cast<size_t>(depth) * 2, ' ');
  out += KindName(kind);
  switch (kind) {
    case LogicalKind::kGet: out += " " + table_label; break;
    case LogicalKind::kFilter: out += " " + predicate->ToString(); break;
    case LogicalKind::kJoin:
      if (predicate) out += " " + predicate->ToString();
      break;
    case LogicalKind::kLimit: out += fmt::format(" {} OFFSET {}", limit, offset); break;
    default: break;
  }
  out += "\n";
  for (const auto& c : children) out += c->ToString(depth + 1);
  return out;
}

LogicalPtr MakeLogicalJoin(LogicalJoinType type, LogicalPtr left, LogicalPtr right,
                           ExprPtr condition) {
  auto join = std::make_unique<LogicalOperator>(LogicalKind::kJoin);
  join->join_type = type;
  join->predicate = std::move(condition);
  join->output_ids = left->output_ids;
  join->output_fields = left->output_fields;
  const bool left_only = type == LogicalJoinType::kSemi || type == LogicalJoinType::kAnti ||
                         type == LogicalJoinType::kNullAwareAnti;
  if (!left_only) {
    join->output_ids.insert(join->output_ids.end(), right->output_ids.begin(),
                            right->output_ids.end());
    join->output_fields.insert(join->output_fields.end(), right->output_fields.begin(),
                               right->output_fields.end());
  }
  join->children.push_back(std::move(left));
  join->children.push_back(std::move(right));
  return join;
}

LogicalPtr MakeLogicalFilter(LogicalPtr child, ExprPtr predicate) {
  auto filter = std::make_unique<LogicalOperator>(LogicalKind::kFilter);
  filter->predicate = std::move(predicate);
  filter->output_ids = child->output_ids;
  filter->output_fields = child->output_fields;
  filter->children.push_back(std::move(child));
  return filter;
}

LogicalPtr MakeLogicalProjection(LogicalPtr child, std::vector<ExprPtr> expressions,
                                 std::vector<std::string> names, std::vector<ColumnId> ids) {
  auto projection = std::make_unique<LogicalOperator>(LogicalKind::kProjection);
  for (size_t i = 0; i < expressions.size(); ++i) {
    projection->output_fields.emplace_back(names[i], expressions[i]->type);
  }
  projection->output_ids = std::move(ids);
  projection->expressions = std::move(expressions);
  projection->children.push_back(std::move(child));
  return projection;
}

LogicalPtr MakeLogicalLimit(LogicalPtr child, int64_t limit, int64_t offset) {
  auto node = std::make_unique<LogicalOperator>(LogicalKind::kLimit);
  node->limit = limit;
  node->offset = offset;
  node->output_ids = child->output_ids;
  node->output_fields = child->output_fields;
  node->children.push_back(std::move(child));
  return node;
}

LogicalPtr MakeLogicalSort(LogicalPtr child, std::vector<BoundOrderKey> keys) {
  auto node = std::make_unique<LogicalOperator>(LogicalKind::kSort);
  node->order_by = std::move(keys);
  node->output_ids = child->output_ids;
  node->output_fields = child->output_fields;
  node->children.push_back(std::move(child));
  return node;
}

}  // namespace bundlebase::sql
