// BindScope: the names visible while binding one SELECT — the tables (and aliases) of its FROM
// clause with their columns — and the lookup rules for column references.
//
// `a` finds the one column called a across all tables (ambiguity is an error), `t.a` the
// column a of table t. Unquoted names match case-insensitively, quoted ones exactly (DESIGN §2).
// A scope may have an outer scope (the query around a subquery): a name not found here is
// looked up there, which makes the subquery correlated.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sql/parser/ast.h"
#include "sql/planner/expression.h"

namespace bundlebase::sql {

struct BoundColumn {
  ColumnId id;
  std::string name;
  DataTypePtr type;
};

struct TableBinding {
  std::string alias;  // the table's name or alias, as it must be written to qualify
  std::vector<BoundColumn> columns;
};

// A column merged by JOIN ... USING: visible once, unqualified.
struct UsingColumn {
  std::string name;
  ExprPtr expr;  // the left column, or COALESCE(left, right) for FULL joins
  std::vector<ColumnId> hides;  // the side columns it stands for in `SELECT *`
};

class BindScope {
 public:
  explicit BindScope(const BindScope* outer = nullptr) : outer_(outer) {}

  void AddTable(TableBinding table) { tables_.push_back(std::move(table)); }
  void AddUsing(UsingColumn column) { using_.push_back(std::move(column)); }
  void Append(const BindScope& other);
  const std::vector<TableBinding>& tables() const { return tables_; }
  const std::vector<UsingColumn>& using_columns() const { return using_; }
  const BindScope* outer() const { return outer_; }

  // The column `parts` names in this scope only; nullopt when it is not here. Errors for
  // ambiguity. `sql` is the statement text for positions in messages.
  Result<std::optional<ExprPtr>> Find(const QualifiedName& parts, std::string_view sql) const;
  // Every column name visible, for "did you mean" hints.
  std::vector<std::string> ColumnNames() const;
  // The table binding `qualifier` names, or null.
  const TableBinding* FindTable(const Identifier& qualifier) const;

 private:
  const BindScope* outer_;
  std::vector<TableBinding> tables_;
  std::vector<UsingColumn> using_;
};

}  // namespace bundlebase::sql
