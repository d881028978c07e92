// The statements of our SQL AST: SELECT, INSERT, CREATE TABLE / VIEW, DROP, EXPLAIN, COPY,
// DELETE and UPDATE. Anything else PostgreSQL can parse is rejected by the parser as
// NotImplemented, naming the statement.
//
// Each statement keeps its own text (`text`) and where that text starts in the input that held
// it (`offset`). Every location inside the statement is relative to `text`, so
// DescribePosition(statement.text, node.location) points at the right place.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sql/parser/identifier.h"
#include "sql/parser/parsed_expression.h"
#include "sql/parser/query_node.h"

namespace bundlebase::sql {

enum class StatementKind {
  kSelect,
  kInsert,
  kCreateTable,
  kCreateView,
  kDrop,
  kExplain,
  kCopy,
  kDelete,
  kUpdate
};

struct Statement {
  Statement(StatementKind kind, int location) : kind(kind), location(location) {}
  virtual ~Statement() = default;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  template <typename T>
  T& As() {
    return static_cast<T&>(*this);
  }
  template <typename T>
  const T& As() const {
    return static_cast<const T&>(*this);
  }

  const StatementKind kind;
  int location;
  std::string text;  // this statement's SQL, without the separating ';'
  int offset = 0;    // where `text` starts in the string given to ParseStatements
};
using StatementPtr = std::unique_ptr<Statement>;

struct SelectStatement final : Statement {
  static constexpr StatementKind kKind = StatementKind::kSelect;
  explicit SelectStatement(int location) : Statement(kKind, location) {}
  QueryNodePtr query;
};

struct InsertStatement final : Statement {
  static constexpr StatementKind kKind = StatementKind::kInsert;
  explicit InsertStatement(int location) : Statement(kKind, location) {}
  QualifiedName table;
  std::vector<Identifier> columns;  // empty: all columns in table order
  QueryNodePtr source;              // a ValuesNode for INSERT ... VALUES
};

struct ColumnDefinition {
  Identifier name;
  TypeName type;
  bool not_null = false;
  int location = -1;
};

struct CreateTableStatement final : Statement {
  static constexpr StatementKind kKind = StatementKind::kCreateTable;
  explicit CreateTableStatement(int location) : Statement(kKind, location) {}
  QualifiedName name;
  bool if_not_exists = false;
  std::vector<ColumnDefinition> columns;  // CREATE TABLE t (...)
  std::vector<Identifier> column_names;   // CREATE TABLE t (a, b) AS ...
  QueryNodePtr as_query;                  // CREATE TABLE t AS ...; null otherwise
};

struct CreateViewStatement final : Statement {
  static constexpr StatementKind kKind = StatementKind::kCreateView;
  explicit CreateViewStatement(int location) : Statement(kKind, location) {}
  QualifiedName name;
  std::vector<Identifier> column_names;
  QueryNodePtr query;
  bool or_replace = false;
};

enum class DropObjectType { kTable, kView };

struct DropStatement final : Statement {
  static constexpr StatementKind kKind = StatementKind::kDrop;
  explicit DropStatement(int location) : Statement(kKind, location) {}
  DropObjectType object_type = DropObjectType::kTable;
  std::vector<QualifiedName> names;
  bool if_exists = false;
  bool cascade = false;
};

struct ExplainStatement final : Statement {
  static constexpr StatementKind kKind = StatementKind::kExplain;
  explicit ExplainStatement(int location) : Statement(kKind, location) {}
  bool analyze = false;
  bool verbose = false;
  std::unique_ptr<Statement> statement;
};

// One option of COPY ... (FORMAT parquet, COMPRESSION zstd, HEADER true, ...): the lower-case
// name and its values. `HEADER` alone has no values; words arrive as kString constants
// ("parquet", "true"), numbers as kInteger / kNumeric.
struct CopyOption {
  std::string name;
  std::vector<std::unique_ptr<ConstantExpr>> values;
  int location = -1;
};

struct CopyStatement final : Statement {
  static constexpr StatementKind kKind = StatementKind::kCopy;
  explicit CopyStatement(int location) : Statement(kKind, location) {}
  QualifiedName table;              // COPY t [(columns)] TO/FROM ...
  std::vector<Identifier> columns;
  QueryNodePtr query;               // COPY (query) TO ...
  bool is_from = false;             // COPY ... FROM 'path'
  std::string path;
  std::vector<CopyOption> options;
};

struct DeleteStatement final : Statement {
  static constexpr StatementKind kKind = StatementKind::kDelete;
  explicit DeleteStatement(int location) : Statement(kKind, location) {}
  QualifiedName table;
  std::optional<Identifier> alias;
  ParsedExprPtr where;  // null: delete every row
};

struct Assignment {
  Identifier column;
  ParsedExprPtr value;
  int location = -1;
};

struct UpdateStatement final : Statement {
  static constexpr StatementKind kKind = StatementKind::kUpdate;
  explicit UpdateStatement(int location) : Statement(kKind, location) {}
  QualifiedName table;
  std::optional<Identifier> alias;
  std::vector<Assignment> assignments;
  ParsedExprPtr where;  // null: update every row
};

// The SET list and optional WHERE of an always_update rule (see ParseUpdateClause).
struct UpdateClause {
  std::vector<Assignment> assignments;
  ParsedExprPtr where;
};

}  // namespace bundlebase::sql
