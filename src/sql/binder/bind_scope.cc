// Column lookup in a scope: qualified and unqualified names, USING columns, ambiguity errors.
#include "sql/binder/bind_scope.h"

#include "sql/parser/error_position.h"

namespace bundlebase::sql {

void BindScope::Append(const BindScope& other) {
  for (const auto& t : other.tables_) tables_.push_back(t);
  for (const auto& u : other.using_) using_.push_back(u);
}

const TableBinding* BindScope::FindTable(const Identifier& qualifier) const {
  const TableBinding* found = nullptr;
  for (const auto& t : tables_) {
    if (qualifier.Matches(t.alias)) {
      if (found == nullptr || t.alias == qualifier.name) found = &t;
    }
  }
  return found;
}

namespace {

struct Match {
  const BoundColumn* column;
  const TableBinding* table;
};

// Keeps only exact-spelling matches when there are any: "Id" and "id" may both exist, and
// `"Id"` or `Id` written that way picks the one spelled alike.
std::vector<Match> PreferExact(std::vector<Match> matches, const std::string& spelled) {
  std::vector<Match> exact;
  for (const auto& m : matches) {
    if (m.column->name == spelled) exact.push_back(m);
  }
  return exact.empty() ? matches : exact;
}

}  // namespace

Result<std::optional<ExprPtr>> BindScope::Find(const QualifiedName& parts,
                                               std::string_view sql) const {
  const Identifier& column = parts.back();
  std::vector<Match> matches;
  if (parts.size() >= 2) {
    const TableBinding* table = FindTable(parts[parts.size() - 2]);
    if (!table) return std::optional<ExprPtr>{};
    for (const auto& c : table->columns) {
      if (column.Matches(c.name)) matches.push_back({&c, table});
    }
  } else {
    for (const auto& u : using_) {
      if (column.Matches(u.name)) return std::optional<ExprPtr>(u.expr);
    }
    for (const auto& t : tables_) {
      for (const auto& c : t.columns) {
        if (column.Matches(c.name)) matches.push_back({&c, &t});
      }
    }
  }
  matches = PreferExact(std::move(matches), column.name);
  if (matches.empty()) return std::optional<ExprPtr>{};
  if (matches.size() > 1) {
    return Status::Invalid(
        "column reference \"{}\" is ambiguous (it is in \"{}\" and \"{}\"); qualify it with the "
        "table name{}",
        QualifiedNameToString(parts), matches[0].table->alias, matches[1].table->alias,
        PositionSuffix(sql, column.location));
  }
  const BoundColumn& c = *matches[0].column;
  return std::optional<ExprPtr>(MakeColumnRef(c.id, c.type, c.name));
}

std::vector<std::string> BindScope::ColumnNames() const {
  std::vector<std::string> names;
  for (const auto& t : tables_) {
    for (const auto& c : t.columns) names.push_back(c.name);
  }
  return names;
}

}  // namespace bundlebase::sql
