// Canonical SQL text of expressions (ParsedExpr::ToString and friends).
//
// The text is what a user would recognise as their expression, fully parenthesised so that it
// reads back to the same tree: it names output columns ("(a + 1)", "count(*)") and shows up in
// EXPLAIN. Identifiers are re-quoted only when needed, string literals are re-escaped.
#include <fmt/format.h>

#include "base/strings.h"
#include "sql/parser/parsed_expression.h"
#include "sql/parser/query_node.h"

namespace bundlebase::sql {
namespace {

std::string QuoteString(std::string_view value) {
  return "'" + ReplaceAll(value, "'", "''") + "'";
}

std::string OrderByListToString(const std::vector<OrderByItem>& items) {
  std::string out;
  for (const OrderByItem& item : items) {
    if (!out.empty()) out += ", ";
    out += item.ToString();
  }
  return out;
}

}  // namespace

std::string ExprListToString(const std::vector<ParsedExprPtr>& exprs) {
  std::string out;
  for (const ParsedExprPtr& expr : exprs) {
    if (!out.empty()) out += ", ";
    out += expr->ToString();
  }
  return out;
}

std::string ColumnRefExpr::ToString() const { return QualifiedNameToString(parts); }

std::string StarExpr::ToString() const {
  return qualifier.empty() ? "*" : QualifiedNameToString(qualifier) + ".*";
}

std::string ConstantExpr::ToString() const {
  switch (constant_kind) {
    case ConstantKind::kInteger:
      return std::to_string(integer);
    case ConstantKind::kNumeric:
      return text;
    case ConstantKind::kString:
      return QuoteString(text);
    case ConstantKind::kBoolean:
      return boolean ? "TRUE" : "FALSE";
    case ConstantKind::kNull:
      return "NULL";
    case ConstantKind::kBitString:
      // PostgreSQL keeps the radix letter in front of the digits: "b0101", "x1F".
      return text.empty() ? "B''" : fmt::format("{}'{}'", AsciiToUpper(text[0]), text.substr(1));
  }
  return text;
}

std::string ParameterExpr::ToString() const { return fmt::format("${}", index); }

std::string OperatorExpr::ToString() const {
  if (!left) return fmt::format("({}{})", op, right->ToString());
  return fmt::format("({} {} {})", left->ToString(), op, right->ToString());
}

std::string BooleanExpr::ToString() const {
  if (op == BooleanOp::kNot) return fmt::format("(NOT {})", args[0]->ToString());
  std::string out = "(";
  for (size_t i = 0; i < args.size(); ++i) {
    if (i > 0) out += op == BooleanOp::kAnd ? " AND " : " OR ";
    out += args[i]->ToString();
  }
  return out + ")";
}

std::string NullTestExpr::ToString() const {
  return fmt::format("({} IS {}NULL)", arg->ToString(), negated ? "NOT " : "");
}

std::string BooleanTestExpr::ToString() const {
  std::string_view value_text = value == TruthValue::kTrue    ? "TRUE"
                                : value == TruthValue::kFalse ? "FALSE"
                                                              : "UNKNOWN";
  return fmt::format("({} IS {}{})", arg->ToString(), negated ? "NOT " : "", value_text);
}

std::string DistinctFromExpr::ToString() const {
  return fmt::format("({} IS {}DISTINCT FROM {})", left->ToString(), negated ? "NOT " : "",
                     right->ToString());
}

std::string LikeExpr::ToString() const {
  std::string_view keyword = like_kind == LikeKind::kLike    ? "LIKE"
                             : like_kind == LikeKind::kILike ? "ILIKE"
                                                             : "SIMILAR TO";
  std::string out = fmt::format("({} {}{} {}", arg->ToString(), negated ? "NOT " : "", keyword,
                                pattern->ToString());
  if (escape) out += " ESCAPE " + escape->ToString();
  return out + ")";
}

std::string BetweenExpr::ToString() const {
  return fmt::format("({} {}BETWEEN {}{} AND {})", arg->ToString(), negated ? "NOT " : "",
                     symmetric ? "SYMMETRIC " : "", low->ToString(), high->ToString());
}

std::string InListExpr::ToString() const {
  return fmt::format("({} {}IN ({}))", arg->ToString(), negated ? "NOT " : "",
                     ExprListToString(values));
}

std::string OrderByItem::ToString() const {
  std::string out = expr->ToString();
  if (descending) out += " DESC";
  // Only a NULLS placement that differs from the direction's default is worth printing.
  if (nulls_first != descending) out += nulls_first ? " NULLS FIRST" : " NULLS LAST";
  return out;
}

std::string FrameBound::ToString() const {
  switch (kind) {
    case FrameBoundKind::kUnboundedPreceding:
      return "UNBOUNDED PRECEDING";
    case FrameBoundKind::kPreceding:
      return offset->ToString() + " PRECEDING";
    case FrameBoundKind::kCurrentRow:
      return "CURRENT ROW";
    case FrameBoundKind::kFollowing:
      return offset->ToString() + " FOLLOWING";
    case FrameBoundKind::kUnboundedFollowing:
      return "UNBOUNDED FOLLOWING";
  }
  return "";
}

std::string WindowFrame::ToString() const {
  std::string_view unit_text = unit == FrameUnit::kRows    ? "ROWS"
                               : unit == FrameUnit::kRange ? "RANGE"
                                                           : "GROUPS";
  std::string out = fmt::format("{} BETWEEN {} AND {}", unit_text, start.ToString(),
                                end.ToString());
  switch (exclusion) {
    case FrameExclusion::kNoOthers:
      break;
    case FrameExclusion::kCurrentRow:
      out += " EXCLUDE CURRENT ROW";
      break;
    case FrameExclusion::kGroup:
      out += " EXCLUDE GROUP";
      break;
    case FrameExclusion::kTies:
      out += " EXCLUDE TIES";
      break;
  }
  return out;
}

std::string WindowSpec::ToString() const {
  if (reference_only) return base_name.ToString();
  std::vector<std::string> parts;
  if (!base_name.name.empty()) parts.push_back(base_name.ToString());
  if (!partition_by.empty()) parts.push_back("PARTITION BY " + ExprListToString(partition_by));
  if (!order_by.empty()) parts.push_back("ORDER BY " + OrderByListToString(order_by));
  if (frame) parts.push_back(frame->ToString());
  return "(" + Join(parts, " ") + ")";
}

std::string FunctionCallExpr::ToString() const {
  std::string out = QualifiedNameToString(name) + "(";
  if (distinct) out += "DISTINCT ";
  out += star ? "*" : ExprListToString(args);
  if (!order_by.empty()) out += " ORDER BY " + OrderByListToString(order_by);
  out += ")";
  if (filter) out += " FILTER (WHERE " + filter->ToString() + ")";
  if (over) out += " OVER " + over->ToString();
  return out;
}

std::string CastExpr::ToString() const {
  return fmt::format("CAST({} AS {})", arg->ToString(), type.ToString());
}

std::string CaseExpr::ToString() const {
  std::string out = "CASE";
  if (operand) out += " " + operand->ToString();
  for (const CaseWhen& when : whens) {
    out += fmt::format(" WHEN {} THEN {}", when.condition->ToString(), when.result->ToString());
  }
  if (else_result) out += " ELSE " + else_result->ToString();
  return out + " END";
}

std::string ConditionalExpr::ToString() const {
  std::string_view name = op == ConditionalOp::kCoalesce ? "COALESCE"
                          : op == ConditionalOp::kNullIf ? "NULLIF"
                          : op == ConditionalOp::kGreatest ? "GREATEST"
                                                           : "LEAST";
  return fmt::format("{}({})", name, ExprListToString(args));
}

SubqueryExpr::SubqueryExpr(SubqueryKind subquery_kind, int location)
    : ParsedExpr(kKind, location), subquery_kind(subquery_kind) {}
SubqueryExpr::~SubqueryExpr() = default;

std::string SubqueryExpr::ToString() const {
  std::string query_text = query->ToString();
  switch (subquery_kind) {
    case SubqueryKind::kScalar:
      return "(" + query_text + ")";
    case SubqueryKind::kExists:
      return "EXISTS (" + query_text + ")";
    case SubqueryKind::kArray:
      return "ARRAY(" + query_text + ")";
    case SubqueryKind::kAny:
      if (in_syntax) return fmt::format("({} IN ({}))", test_expr->ToString(), query_text);
      return fmt::format("({} {} ANY ({}))", test_expr->ToString(), op, query_text);
    case SubqueryKind::kAll:
      return fmt::format("({} {} ALL ({}))", test_expr->ToString(), op, query_text);
  }
  return query_text;
}

std::string ArrayExpr::ToString() const { return "ARRAY[" + ExprListToString(elements) + "]"; }

std::string RowExpr::ToString() const { return "ROW(" + ExprListToString(args) + ")"; }

std::string NamedArgumentExpr::ToString() const { return name + " => " + arg->ToString(); }

std::string_view ValueFunctionName(ValueFunction function) {
  switch (function) {
    case ValueFunction::kCurrentDate:
      return "CURRENT_DATE";
    case ValueFunction::kCurrentTime:
      return "CURRENT_TIME";
    case ValueFunction::kCurrentTimestamp:
      return "CURRENT_TIMESTAMP";
    case ValueFunction::kLocalTime:
      return "LOCALTIME";
    case ValueFunction::kLocalTimestamp:
      return "LOCALTIMESTAMP";
    case ValueFunction::kCurrentRole:
      return "CURRENT_ROLE";
    case ValueFunction::kCurrentUser:
      return "CURRENT_USER";
    case ValueFunction::kSessionUser:
      return "SESSION_USER";
    case ValueFunction::kUser:
      return "USER";
    case ValueFunction::kCurrentCatalog:
      return "CURRENT_CATALOG";
    case ValueFunction::kCurrentSchema:
      return "CURRENT_SCHEMA";
  }
  return "";
}

std::string ValueFunctionExpr::ToString() const {
  std::string out(ValueFunctionName(function));
  if (precision >= 0) out += fmt::format("({})", precision);
  return out;
}

std::string SubscriptExpr::ToString() const {
  std::string out = arg->ToString() + "[";
  if (index) out += index->ToString();
  if (slice) {
    out += ":";
    if (upper) out += upper->ToString();
  }
  return out + "]";
}

}  // namespace bundlebase::sql
