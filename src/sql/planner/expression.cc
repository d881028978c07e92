// Bound expressions: construction helpers, text form, and the tree walks the planner uses.
#include "sql/planner/expression.h"

#include <cctype>

#include <fmt/format.h>

#include "columnar/value_formatting.h"

namespace bundlebase::sql {
namespace {

std::string JoinChildren(const Expression& e, std::string_view sep, bool keys, size_t from = 0) {
  std::string out;
  for (size_t i = from; i < e.children.size(); ++i) {
    if (i > from) out += sep;
    out += e.children[i]->Render(keys);
  }
  return out;
}

bool IsOperatorName(const std::string& name) {
  return !name.empty() && !std::isalpha(static_cast<unsigned char>(name[0]));
}

std::string LiteralText(const Scalar& value) {
  if (value.is_null()) return "NULL";
  std::string s = FormatScalar(value);
  if (value.type()->is_binary_like() || value.type()->is_temporal()) {
    return "'" + s + "'";
  }
  return s;
}

}  // namespace

std::string Expression::ToString() const { return Render(false); }

std::string Expression::Key() const { return Render(true); }

std::string Expression::Render(bool keys) const {
  if (!keys && !display.empty() && kind == BoundExprKind::kColumn) return display;
  switch (kind) {
    case BoundExprKind::kColumn:
      return position >= 0 ? fmt::format("#{}", position) : fmt::format("@{}", column_id);
    case BoundExprKind::kLiteral:
      return LiteralText(literal);
    case BoundExprKind::kCall: {
      const std::string& name = call.function ? call.function->name : std::string("?");
      if (name == "neg" && children.size() == 1) return "(-" + children[0]->Render(keys) + ")";
      if (IsOperatorName(name) && children.size() == 2) {
        return "(" + children[0]->Render(keys) + " " + name + " " + children[1]->Render(keys) + ")";
      }
      if ((name == "like" || name == "ilike") && children.size() >= 2) {
        std::string op = name == "like" ? " LIKE " : " ILIKE ";
        return "(" + children[0]->Render(keys) + op + children[1]->Render(keys) + ")";
      }
      return name + "(" + JoinChildren(*this, ", ", keys) + ")";
    }
    case BoundExprKind::kCast:
      return fmt::format("{}({} AS {})", try_cast ? "TRY_CAST" : "CAST", children[0]->Render(keys),
                         type->ToString());
    case BoundExprKind::kAnd:
      return "(" + JoinChildren(*this, " AND ", keys) + ")";
    case BoundExprKind::kOr:
      return "(" + JoinChildren(*this, " OR ", keys) + ")";
    case BoundExprKind::kNot:
      return "(NOT " + children[0]->Render(keys) + ")";
    case BoundExprKind::kIsNull:
      return "(" + children[0]->Render(keys) + " IS NULL)";
    case BoundExprKind::kIsNotNull:
      return "(" + children[0]->Render(keys) + " IS NOT NULL)";
    case BoundExprKind::kIsDistinct:
      return fmt::format("({} IS {}DISTINCT FROM {})", children[0]->Render(keys),
                         negated ? "NOT " : "", children[1]->Render(keys));
    case BoundExprKind::kCase: {
      std::string out = "CASE";
      size_t pairs = (children.size() - (has_else ? 1 : 0)) / 2;
      for (size_t i = 0; i < pairs; ++i) {
        out += " WHEN " + children[2 * i]->Render(keys) + " THEN " + children[2 * i + 1]->Render(keys);
      }
      if (has_else) out += " ELSE " + children.back()->Render(keys);
      return out + " END";
    }
    case BoundExprKind::kCoalesce:
      return "COALESCE(" + JoinChildren(*this, ", ", keys) + ")";
    case BoundExprKind::kInList:
      return fmt::format("({} {}IN ({}))", children[0]->Render(keys), negated ? "NOT " : "",
                         JoinChildren(*this, ", ", keys, 1));
  }
  return "?";
}

bool Expression::IsConstant() const {
  if (kind == BoundExprKind::kColumn) return false;
  if (kind == BoundExprKind::kCall && call.function &&
      call.function->volatility != Volatility::kImmutable) {
    return false;
  }
  for (const auto& c : children) {
    if (!c->IsConstant()) return false;
  }
  return true;
}

bool Expression::IsDeterministic() const {
  if (kind == BoundExprKind::kCall && call.function &&
      call.function->volatility == Volatility::kVolatile) {
    return false;
  }
  for (const auto& c : children) {
    if (!c->IsDeterministic()) return false;
  }
  return true;
}

void Expression::CollectColumns(std::vector<ColumnId>* out) const {
  if (kind == BoundExprKind::kColumn) out->push_back(column_id);
  for (const auto& c : children) c->CollectColumns(out);
}

ExprPtr MakeExpr(BoundExprKind kind, DataTypePtr type, std::vector<ExprPtr> children) {
  auto e = std::make_shared<Expression>();
  e->kind = kind;
  e->type = std::move(type);
  e->children = std::move(children);
  return e;
}

ExprPtr MakeColumnRef(ColumnId id, DataTypePtr type, std::string name) {
  auto e = std::make_shared<Expression>();
  e->kind = BoundExprKind::kColumn;
  e->type = std::move(type);
  e->column_id = id;
  e->display = std::move(name);
  return e;
}

ExprPtr MakeLiteral(Scalar value) {
  auto e = std::make_shared<Expression>();
  e->kind = BoundExprKind::kLiteral;
  e->type = value.type();
  e->literal = std::move(value);
  return e;
}

ExprPtr MakeCall(ResolvedScalarCall call, std::vector<ExprPtr> args, std::string display) {
  auto e = std::make_shared<Expression>();
  e->kind = BoundExprKind::kCall;
  e->type = call.output_type;
  e->call = std::move(call);
  e->children = std::move(args);
  e->display = std::move(display);
  return e;
}

ExprPtr MakeCast(ExprPtr child, DataTypePtr to, bool try_cast) {
  if (child->type->Equals(*to)) return child;
  auto e = std::make_shared<Expression>();
  e->kind = BoundExprKind::kCast;
  e->type = std::move(to);
  e->try_cast = try_cast;
  e->children = {std::move(child)};
  return e;
}

ExprPtr MakeLogical(BoundExprKind kind, std::vector<ExprPtr> children) {
  return MakeExpr(kind, Bool(), std::move(children));
}

ExprPtr MakeNot(ExprPtr child) { return MakeExpr(BoundExprKind::kNot, Bool(), {std::move(child)}); }

ExprPtr MakeIsNull(ExprPtr child, bool negated) {
  return MakeExpr(negated ? BoundExprKind::kIsNotNull : BoundExprKind::kIsNull, Bool(), {std::move(child)});
}

void SplitConjuncts(const ExprPtr& expr, std::vector<ExprPtr>* out) {
  if (!expr) return;
  if (expr->kind == BoundExprKind::kAnd) {
    for (const auto& c : expr->children) SplitConjuncts(c, out);
    return;
  }
  out->push_back(expr);
}

ExprPtr JoinConjuncts(std::vector<ExprPtr> conjuncts) {
  if (conjuncts.empty()) return nullptr;
  if (conjuncts.size() == 1) return conjuncts[0];
  return MakeLogical(BoundExprKind::kAnd, std::move(conjuncts));
}

ExprPtr ReplaceColumns(const ExprPtr& expr,
                       const std::function<ExprPtr(const Expression& column)>& replace) {
  if (expr->kind == BoundExprKind::kColumn) {
    ExprPtr r = replace(*expr);
    return r ? r : expr;
  }
  if (expr->children.empty()) return expr;
  auto copy = std::make_shared<Expression>(*expr);
  for (auto& c : copy->children) c = ReplaceColumns(c, replace);
  return copy;
}

Result<ExprPtr> ResolveColumns(const ExprPtr& expr, const std::vector<ColumnId>& input_ids) {
  Status error;
  ExprPtr resolved = ReplaceColumns(expr, [&](const Expression& column) -> ExprPtr {
    for (size_t i = 0; i < input_ids.size(); ++i) {
      if (input_ids[i] == column.column_id) {
        auto r = std::make_shared<Expression>(column);
        r->position = static_cast<int>(i);
        return r;
      }
    }
    if (error.ok()) {
      error = Status::Internal("column {} ({}) is not in the operator's input",
                               column.column_id, column.display);
    }
    return nullptr;
  });
  BB_RETURN_NOT_OK(error);
  return resolved;
}

}  // namespace bundlebase::sql
