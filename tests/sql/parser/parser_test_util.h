// Shortcuts shared by the SQL parser tests: parse one statement or one expression and reach
// the node under test.
#pragma once

#include <memory>
#include <string_view>

#include <gtest/gtest.h>

#include "sql/parser/parser.h"
#include "test_util.h"

namespace bundlebase::sql::testing {

// The only statement of `sql`; fails the test (and returns null) otherwise.
inline StatementPtr ParseOne(std::string_view sql) {
  auto result = ParseStatements(sql);
  EXPECT_TRUE(result.ok()) << result.status().ToString() << "\n  in: " << sql;
  if (!result.ok() || result->size() != 1) {
    ADD_FAILURE() << "expected one statement in: " << sql;
    return nullptr;
  }
  return std::move((*result)[0]);
}

// The query of `SELECT ...` text.
inline std::unique_ptr<SelectStatement> ParseSelect(std::string_view sql) {
  StatementPtr statement = ParseOne(sql);
  if (!statement || statement->kind != StatementKind::kSelect) {
    ADD_FAILURE() << "not a SELECT: " << sql;
    return nullptr;
  }
  return std::unique_ptr<SelectStatement>(static_cast<SelectStatement*>(statement.release()));
}

// The canonical text of one expression, or the error message.
inline std::string ExprText(std::string_view text) {
  auto result = ParseExpression(text);
  if (!result.ok()) return "error: " + result.status().message();
  return (*result)->ToString();
}

}  // namespace bundlebase::sql::testing
