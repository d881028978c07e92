// UNION [ALL], INTERSECT [ALL], EXCEPT [ALL]: both sides bound on their own, their columns
// brought to common types (PostgreSQL's UNION type resolution), names taken from the left.
#include "sql/binder/binder.h"
#include "sql/binder/expression_binder.h"

namespace bundlebase::sql {
namespace {

const char* OperationName(SetOperation op) {
  switch (op) {
    case SetOperation::kUnion: return "UNION";
    case SetOperation::kIntersect: return "INTERSECT";
    case SetOperation::kExcept: return "EXCEPT";
  }
  return "?";
}

}  // namespace

Result<LogicalPtr> Binder::BindSetOperation(const SetOperationNode& node, const BindScope* outer) {
  BB_ASSIGN_OR_RAISE(LogicalPtr left, BindQueryNode(*node.left, outer));
  BB_ASSIGN_OR_RAISE(LogicalPtr right, BindQueryNode(*node.right, outer));
  const char* name = OperationName(node.op);
  if (left->output_ids.size() != right->output_ids.size()) {
    return Status::Invalid("each {} query must have the same number of columns{}", name,
                           Position(node.right->location));
  }
  BindScope empty;
  ExpressionBinder binder(*this, empty);
  std::vector<ExprPtr> left_exprs, right_exprs;
  std::vector<std::string> names;
  for (size_t i = 0; i < left->output_ids.size(); ++i) {
    ExprPtr l = MakeColumnRef(left->output_ids[i], left->output_fields[i].type,
                              left->output_fields[i].name);
    ExprPtr r = MakeColumnRef(right->output_ids[i], right->output_fields[i].type,
                              right->output_fields[i].name);
    BB_ASSIGN_OR_RAISE(auto both, binder.CastToCommonType({l, r}, name, node.location));
    if (both[0]->type->id() == TypeId::kNull) {
      both[0] = MakeCast(both[0], Utf8());
      both[1] = MakeCast(both[1], Utf8());
    }
    left_exprs.push_back(both[0]);
    right_exprs.push_back(both[1]);
    names.push_back(left->output_fields[i].name);
  }
  auto project = [&](LogicalPtr side, std::vector<ExprPtr> exprs) {
    std::vector<ColumnId> ids;
    for (size_t i = 0; i < exprs.size(); ++i) ids.push_back(NewColumnId());
    return MakeLogicalProjection(std::move(side), std::move(exprs), names, std::move(ids));
  };
  left = project(std::move(left), std::move(left_exprs));
  right = project(std::move(right), std::move(right_exprs));

  const bool union_all = node.op == SetOperation::kUnion && node.all;
  auto set = std::make_unique<LogicalOperator>(union_all ? LogicalKind::kUnionAll
                                                         : LogicalKind::kSetOperation);
  set->set_kind = node.op == SetOperation::kUnion       ? SetOperationKind::kUnion
                  : node.op == SetOperation::kIntersect ? SetOperationKind::kIntersect
                                                        : SetOperationKind::kExcept;
  set->set_all = node.all;
  for (size_t i = 0; i < names.size(); ++i) {
    set->output_ids.push_back(NewColumnId());
    set->output_fields.emplace_back(names[i], left->output_fields[i].type);
  }
  set->children.push_back(std::move(left));
  set->children.push_back(std::move(right));
  return set;
}

}  // namespace bundlebase::sql
