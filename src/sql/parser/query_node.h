// The query part of our SQL AST: SELECT blocks, set operations, VALUES lists and the FROM
// clause's table references.
//
// A query is a tree whose leaves are SelectNode / ValuesNode and whose inner nodes are
// SetOperationNode. WITH, ORDER BY, LIMIT and OFFSET sit on whichever node they were written
// on: on the root of `SELECT 1 UNION SELECT 2 ORDER BY 1` they apply to the whole union.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sql/parser/identifier.h"
#include "sql/parser/parsed_expression.h"

namespace bundlebase::sql {

struct CommonTableExpr {
  Identifier name;
  std::vector<Identifier> column_aliases;
  QueryNodePtr query;
  int location = -1;
};

struct WithClause {
  bool recursive = false;
  std::vector<CommonTableExpr> ctes;
};

enum class QueryKind { kSelect, kSetOperation, kValues };

struct QueryNode {
  QueryNode(QueryKind kind, int location) : kind(kind), location(location) {}
  virtual ~QueryNode() = default;
  QueryNode(const QueryNode&) = delete;
  QueryNode& operator=(const QueryNode&) = delete;

  // Canonical SQL text of the whole query, modifiers included.
  std::string ToString() const;

  template <typename T>
  T& As() {
    return static_cast<T&>(*this);
  }
  template <typename T>
  const T& As() const {
    return static_cast<const T&>(*this);
  }

  const QueryKind kind;
  int location;
  std::optional<WithClause> with;
  std::vector<OrderByItem> order_by;
  ParsedExprPtr limit;   // LIMIT n / FETCH FIRST n ROWS ONLY; LIMIT ALL arrives as NULL
  ParsedExprPtr offset;  // OFFSET n

 protected:
  virtual std::string BodyToString() const = 0;
};

enum class TableRefKind { kBaseTable, kTableFunction, kSubquery, kJoin };

struct TableRef {
  TableRef(TableRefKind kind, int location) : kind(kind), location(location) {}
  virtual ~TableRef() = default;
  TableRef(const TableRef&) = delete;
  TableRef& operator=(const TableRef&) = delete;

  std::string ToString() const;

  template <typename T>
  T& As() {
    return static_cast<T&>(*this);
  }
  template <typename T>
  const T& As() const {
    return static_cast<const T&>(*this);
  }

  const TableRefKind kind;
  int location;
  std::optional<Identifier> alias;
  std::vector<Identifier> column_aliases;  // t AS x(a, b)

 protected:
  virtual std::string BodyToString() const = 0;
};
using TableRefPtr = std::unique_ptr<TableRef>;

struct BaseTableRef final : TableRef {
  static constexpr TableRefKind kKind = TableRefKind::kBaseTable;
  explicit BaseTableRef(int location) : TableRef(kKind, location) {}
  QualifiedName name;

 protected:
  std::string BodyToString() const override;
};

// FROM read_parquet('x') AS t
struct TableFunctionRef final : TableRef {
  static constexpr TableRefKind kKind = TableRefKind::kTableFunction;
  explicit TableFunctionRef(int location) : TableRef(kKind, location) {}
  std::unique_ptr<FunctionCallExpr> call;
  bool lateral = false;

 protected:
  std::string BodyToString() const override;
};

struct SubqueryRef final : TableRef {
  static constexpr TableRefKind kKind = TableRefKind::kSubquery;
  explicit SubqueryRef(int location) : TableRef(kKind, location) {}
  QueryNodePtr query;
  bool lateral = false;

 protected:
  std::string BodyToString() const override;
};

enum class JoinType { kInner, kLeft, kRight, kFull, kCross };

struct JoinRef final : TableRef {
  static constexpr TableRefKind kKind = TableRefKind::kJoin;
  explicit JoinRef(int location) : TableRef(kKind, location) {}
  JoinType join_type = JoinType::kInner;
  bool natural = false;
  TableRefPtr left;
  TableRefPtr right;
  ParsedExprPtr on;                      // ON condition; null for CROSS, NATURAL and USING
  std::vector<Identifier> using_columns;  // USING (a, b)

 protected:
  std::string BodyToString() const override;
};

enum class GroupingKind { kExpression, kRollup, kCube, kGroupingSets, kEmpty };

// One element of GROUP BY: an expression, ROLLUP(...), CUBE(...), GROUPING SETS(...) or ().
// A parenthesised column list (a, b) inside ROLLUP, CUBE or GROUPING SETS means the set of those
// columns; it arrives as a RowExpr (in GROUPING SETS, as a kExpression member holding it).
struct GroupingElement {
  GroupingKind kind = GroupingKind::kExpression;
  ParsedExprPtr expr;                  // kExpression
  std::vector<ParsedExprPtr> exprs;    // kRollup / kCube; (a, b) inside them is a RowExpr
  std::vector<GroupingElement> sets;   // kGroupingSets
  int location = -1;
  std::string ToString() const;
};

struct SelectItem {
  ParsedExprPtr expr;
  std::optional<Identifier> alias;
};

struct SelectNode final : QueryNode {
  static constexpr QueryKind kKind = QueryKind::kSelect;
  explicit SelectNode(int location) : QueryNode(kKind, location) {}
  bool distinct = false;
  std::vector<ParsedExprPtr> distinct_on;  // DISTINCT ON (...); `distinct` is set too
  std::vector<SelectItem> select_list;
  std::vector<TableRefPtr> from;  // FROM a, b: several entries, an implicit cross join
  ParsedExprPtr where;
  std::vector<GroupingElement> group_by;
  ParsedExprPtr having;
  std::vector<WindowSpec> windows;  // WINDOW w AS (...), each with its name set

 protected:
  std::string BodyToString() const override;
};

enum class SetOperation { kUnion, kIntersect, kExcept };

struct SetOperationNode final : QueryNode {
  static constexpr QueryKind kKind = QueryKind::kSetOperation;
  explicit SetOperationNode(int location) : QueryNode(kKind, location) {}
  SetOperation op = SetOperation::kUnion;
  bool all = false;
  QueryNodePtr left;
  QueryNodePtr right;

 protected:
  std::string BodyToString() const override;
};

struct ValuesNode final : QueryNode {
  static constexpr QueryKind kKind = QueryKind::kValues;
  explicit ValuesNode(int location) : QueryNode(kKind, location) {}
  std::vector<std::vector<ParsedExprPtr>> rows;

 protected:
  std::string BodyToString() const override;
};

}  // namespace bundlebase::sql
