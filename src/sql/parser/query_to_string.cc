// Canonical SQL text of queries, table references and type names.
//
// Subquery expressions print their query, so the text of `x IN (SELECT ...)` or a scalar
// subquery column name needs the whole query rendered. The output reads back to the same tree.
#include <fmt/format.h>

#include "base/strings.h"
#include "sql/parser/query_node.h"

namespace bundlebase::sql {
namespace {

std::string AliasToString(const std::optional<Identifier>& alias,
                          const std::vector<Identifier>& column_aliases) {
  if (!alias) return "";
  std::string out = " AS " + alias->ToString();
  if (!column_aliases.empty()) {
    std::vector<std::string> names;
    for (const Identifier& column : column_aliases) names.push_back(column.ToString());
    out += "(" + Join(names, ", ") + ")";
  }
  return out;
}

std::string OrderByListToString(const std::vector<OrderByItem>& items) {
  std::vector<std::string> parts;
  for (const OrderByItem& item : items) parts.push_back(item.ToString());
  return Join(parts, ", ");
}

// Spellings of PostgreSQL's internal names for SQL-standard types, so CAST(x AS INTEGER)
// prints as written rather than as CAST(x AS int4).
std::string_view StandardTypeSpelling(std::string_view internal_name) {
  static constexpr std::pair<std::string_view, std::string_view> kSpellings[] = {
      {"int2", "SMALLINT"},       {"int4", "INTEGER"},
      {"int8", "BIGINT"},         {"float4", "REAL"},
      {"float8", "DOUBLE PRECISION"}, {"bool", "BOOLEAN"},
      {"numeric", "NUMERIC"},     {"varchar", "VARCHAR"},
      {"bpchar", "CHAR"},         {"timestamp", "TIMESTAMP"},
      {"timestamptz", "TIMESTAMP WITH TIME ZONE"}, {"time", "TIME"},
      {"timetz", "TIME WITH TIME ZONE"}, {"interval", "INTERVAL"},
      {"date", "DATE"},           {"text", "TEXT"},
      {"bit", "BIT"},             {"varbit", "BIT VARYING"},
  };
  for (const auto& [internal, spelling] : kSpellings) {
    if (internal == internal_name) return spelling;
  }
  return {};
}

}  // namespace

std::string TypeName::ToString() const {
  std::string out;
  std::string_view standard =
      names.size() == 1 && !names[0].quoted ? StandardTypeSpelling(names[0].name) : "";
  out = standard.empty() ? QualifiedNameToString(names) : std::string(standard);
  if (!modifiers.empty()) {
    // TIMESTAMP(3) WITH TIME ZONE: the precision goes after the first word.
    std::string mods = "(" + ExprListToString(modifiers) + ")";
    size_t space = out.find(" WITH");
    out = space == std::string::npos ? out + mods : out.insert(space, mods);
  }
  for (int bound : array_bounds) out += bound < 0 ? "[]" : fmt::format("[{}]", bound);
  return out;
}

namespace {

// Inside GROUP BY, (a, b) is a set of columns, parsed as a RowExpr: print it back as written.
std::string GroupingMemberToString(const ParsedExpr& expr) {
  if (expr.kind == ExprKind::kRow) return "(" + ExprListToString(expr.As<RowExpr>().args) + ")";
  return expr.ToString();
}

std::string GroupingMembersToString(const std::vector<ParsedExprPtr>& exprs) {
  std::vector<std::string> parts;
  for (const ParsedExprPtr& expr : exprs) parts.push_back(GroupingMemberToString(*expr));
  return Join(parts, ", ");
}

}  // namespace

std::string GroupingElement::ToString() const {
  switch (kind) {
    case GroupingKind::kExpression:
      return GroupingMemberToString(*expr);
    case GroupingKind::kRollup:
      return "ROLLUP(" + GroupingMembersToString(exprs) + ")";
    case GroupingKind::kCube:
      return "CUBE(" + GroupingMembersToString(exprs) + ")";
    case GroupingKind::kEmpty:
      return "()";
    case GroupingKind::kGroupingSets: {
      std::vector<std::string> parts;
      for (const GroupingElement& set : sets) parts.push_back(set.ToString());
      return "GROUPING SETS(" + Join(parts, ", ") + ")";
    }
  }
  return "";
}

std::string QueryNode::ToString() const {
  std::string out;
  if (with) {
    out += with->recursive ? "WITH RECURSIVE " : "WITH ";
    std::vector<std::string> ctes;
    for (const CommonTableExpr& cte : with->ctes) {
      std::string text = cte.name.ToString();
      if (!cte.column_aliases.empty()) {
        std::vector<std::string> names;
        for (const Identifier& column : cte.column_aliases) names.push_back(column.ToString());
        text += "(" + Join(names, ", ") + ")";
      }
      ctes.push_back(text + " AS (" + cte.query->ToString() + ")");
    }
    out += Join(ctes, ", ") + " ";
  }
  out += BodyToString();
  if (!order_by.empty()) out += " ORDER BY " + OrderByListToString(order_by);
  if (limit) out += " LIMIT " + limit->ToString();
  if (offset) out += " OFFSET " + offset->ToString();
  return out;
}

std::string SelectNode::BodyToString() const {
  std::string out = "SELECT ";
  if (!distinct_on.empty()) {
    out += "DISTINCT ON (" + ExprListToString(distinct_on) + ") ";
  } else if (distinct) {
    out += "DISTINCT ";
  }
  std::vector<std::string> items;
  for (const SelectItem& item : select_list) {
    items.push_back(item.expr->ToString() + (item.alias ? " AS " + item.alias->ToString() : ""));
  }
  out += Join(items, ", ");
  if (!from.empty()) {
    std::vector<std::string> tables;
    for (const TableRefPtr& table : from) tables.push_back(table->ToString());
    out += " FROM " + Join(tables, ", ");
  }
  if (where) out += " WHERE " + where->ToString();
  if (!group_by.empty()) {
    std::vector<std::string> groups;
    for (const GroupingElement& group : group_by) groups.push_back(group.ToString());
    out += " GROUP BY " + Join(groups, ", ");
  }
  if (having) out += " HAVING " + having->ToString();
  if (!windows.empty()) {
    std::vector<std::string> defs;
    for (const WindowSpec& window : windows) {
      defs.push_back(window.name.ToString() + " AS " + window.ToString());
    }
    out += " WINDOW " + Join(defs, ", ");
  }
  return out;
}

std::string SetOperationNode::BodyToString() const {
  std::string_view keyword = op == SetOperation::kUnion       ? "UNION"
                             : op == SetOperation::kIntersect ? "INTERSECT"
                                                              : "EXCEPT";
  // Both sides in parentheses: the tree shape and each side's own ORDER BY / LIMIT survive.
  return fmt::format("({}) {}{} ({})", left->ToString(), keyword, all ? " ALL" : "",
                     right->ToString());
}

std::string ValuesNode::BodyToString() const {
  std::vector<std::string> row_texts;
  for (const auto& row : rows) row_texts.push_back("(" + ExprListToString(row) + ")");
  return "VALUES " + Join(row_texts, ", ");
}

std::string TableRef::ToString() const { return BodyToString() + AliasToString(alias, column_aliases); }

std::string BaseTableRef::BodyToString() const { return QualifiedNameToString(name); }

std::string TableFunctionRef::BodyToString() const {
  return (lateral ? "LATERAL " : "") + call->ToString();
}

std::string SubqueryRef::BodyToString() const {
  return (lateral ? "LATERAL (" : "(") + query->ToString() + ")";
}

std::string JoinRef::BodyToString() const {
  std::string_view keyword;
  switch (join_type) {
    case JoinType::kInner:
      keyword = "JOIN";
      break;
    case JoinType::kLeft:
      keyword = "LEFT JOIN";
      break;
    case JoinType::kRight:
      keyword = "RIGHT JOIN";
      break;
    case JoinType::kFull:
      keyword = "FULL JOIN";
      break;
    case JoinType::kCross:
      keyword = "CROSS JOIN";
      break;
  }
  std::string out = "(" + left->ToString() + (natural ? " NATURAL " : " ") + std::string(keyword) +
                    " " + right->ToString();
  if (on) out += " ON " + on->ToString();
  if (!using_columns.empty()) {
    std::vector<std::string> names;
    for (const Identifier& column : using_columns) names.push_back(column.ToString());
    out += " USING (" + Join(names, ", ") + ")";
  }
  return out + ")";
}

}  // namespace bundlebase::sql
