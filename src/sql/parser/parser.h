// Entry points of the SQL parser: whole statements, and the SQL fragments bundlebase rules and
// joins are written in (an expression, a WHERE condition, an UPDATE SET list).
//
// Parsing uses libpg_query (PostgreSQL 15's grammar) and converts its parse tree into our AST
// (ast.h). All functions are safe to call from several threads at once. Syntax errors are
// Status::Invalid with the position: `syntax error at or near "SELEC" (line 1, column 1)`
// followed by the source line and a caret. Valid SQL we cannot run is NotImplemented, naming
// what is not supported.
#pragma once

#include <string_view>
#include <vector>

#include "bundlebase/result.h"
#include "sql/parser/ast.h"

namespace bundlebase::sql {

// One or more statements separated by ';'. Each keeps its own text and offset; locations
// inside a statement are relative to its text. Empty input gives no statements.
Result<std::vector<StatementPtr>> ParseStatements(std::string_view sql);

// Exactly one SQL expression, e.g. a join condition "a.id = b.id". Locations are relative to
// `text`.
Result<ParsedExprPtr> ParseExpression(std::string_view text);

// A row condition with or without its keyword: "WHERE x IS NULL" or "x IS NULL". Locations are
// relative to `text`.
Result<ParsedExprPtr> ParseWhereCondition(std::string_view text);

// An update rule: "SET a = 1, b = 'x' WHERE c > 2", with or without the leading SET; the
// WHERE part is optional. Locations are relative to `text`.
Result<UpdateClause> ParseUpdateClause(std::string_view text);

}  // namespace bundlebase::sql
