// Binder: turns the parser's AST into a logical plan — names resolved against the catalog and
// the FROM clause, calls resolved against the function registry, types checked and implicit
// casts inserted, subqueries turned into joins.
//
// Errors point into the statement text ("column "custmer" does not exist (line 1, column 8)"
// with the line and a caret) and suggest the closest name when there is one.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sql/binder/bind_scope.h"
#include "sql/catalog/catalog.h"
#include "sql/functions/function_registry.h"
#include "sql/planner/logical_plan.h"

namespace bundlebase::sql {

// Opens tables for table functions: read_parquet('glob'), read_csv(...), read_json(...).
// `args` are the constant arguments (positional), `named` the name => value ones.
using TableFunctionResolver = std::function<Result<TablePtr>(
    const std::string& name, const std::vector<Scalar>& args,
    const std::vector<std::pair<std::string, Scalar>>& named)>;

struct BindOptions {
  std::vector<Scalar> parameters;  // $1 .. $n
  TableFunctionResolver table_functions;
  int64_t statement_time_us = 0;   // for folding now() / current_date
};

class Binder {
 public:
  Binder(const Catalog& catalog, const FunctionRegistry& registry, std::string_view sql,
         BindOptions options);

  // A query (SELECT, VALUES, set operation) as a plan whose output fields are the result
  // columns.
  Result<LogicalPtr> BindQuery(const QueryNode& query);

  // An expression over the columns of `schema` (for rules and join conditions outside a
  // query); column i of the schema gets id i.
  Result<ExprPtr> BindStandaloneExpression(const ParsedExpr& expr, const Schema& schema);

  // Internal: the pieces other binder files call on each other.
  ColumnId NewColumnId() { return next_column_id_++; }
  std::string_view sql() const { return sql_; }
  const FunctionRegistry& registry() const { return registry_; }
  const BindOptions& options() const { return options_; }

  Result<LogicalPtr> BindQueryNode(const QueryNode& query, const BindScope* outer);
  Result<LogicalPtr> BindSelect(const SelectNode& select, const BindScope* outer);
  Result<LogicalPtr> BindValues(const ValuesNode& values);
  Result<LogicalPtr> BindSetOperation(const SetOperationNode& node, const BindScope* outer);
  Result<LogicalPtr> BindFrom(const std::vector<TableRefPtr>& from, BindScope* scope);
  Result<LogicalPtr> BindTableRef(const TableRef& ref, BindScope* scope);

  std::string Position(int location) const;
  // The CTE `name` refers to among those in scope, innermost first, or null.
  const CommonTableExpr* FindCte(const Identifier& name) const;
  const Catalog& catalog() const { return catalog_; }
  Result<LogicalPtr> ScanOf(TablePtr table, const std::string& label, const std::string& alias,
                            const std::vector<Identifier>& column_aliases, BindScope* scope);
  // Adds an output binding for `plan`'s columns under `alias` to `scope`.
  Status AddBinding(const LogicalOperator& plan, const std::string& alias,
                    const std::vector<Identifier>& column_aliases, BindScope* scope);

 private:
  Result<LogicalPtr> BindBaseTable(const BaseTableRef& ref, BindScope* scope);
  Result<LogicalPtr> BindTableFunction(const TableFunctionRef& ref, BindScope* scope);
  Result<LogicalPtr> BindSubqueryRef(const SubqueryRef& ref, BindScope* scope);
  Result<LogicalPtr> BindJoin(const JoinRef& ref, BindScope* scope);
  Result<LogicalPtr> BindCteReference(const CommonTableExpr& cte, const TableRef& ref,
                                      BindScope* scope);
  Result<LogicalPtr> BindView(const std::string& sql, const std::string& alias,
                              const TableRef& ref, BindScope* scope);

  const Catalog& catalog_;
  const FunctionRegistry& registry_;
  std::string sql_;
  BindOptions options_;
  ColumnId next_column_id_ = 0;
  // CTEs visible at this point, innermost last.
  std::vector<std::map<std::string, const CommonTableExpr*>> cte_frames_;
  int view_depth_ = 0;
};

}  // namespace bundlebase::sql
