// Syntax errors carry line, column and a caret; DescribePosition renders positions for the
// binder; hostile input (deep nesting) fails cleanly.
#include <string>

#include "parser_test_util.h"
#include "sql/parser/error_position.h"

namespace bundlebase::sql::testing {
namespace {

TEST(ErrorTest, SyntaxErrorAtStart) {
  auto result = ParseStatements("SELEC 1");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), StatusCode::kInvalid);
  EXPECT_EQ(result.status().message(),
            "syntax error at or near \"SELEC\" (line 1, column 1)\n  SELEC 1\n  ^");
}

TEST(ErrorTest, SyntaxErrorOnALaterLine) {
  auto result = ParseStatements("SELECT a,\n       b\n  FROM t WHERE WHERE x");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().message(),
            "syntax error at or near \"WHERE\" (line 3, column 16)\n"
            "    FROM t WHERE WHERE x\n"
            "                 ^");
}

TEST(ErrorTest, SyntaxErrorAtEndOfInput) {
  auto result = ParseStatements("SELECT 1 +");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().message(),
            "syntax error at end of input (line 1, column 11)\n  SELECT 1 +\n            ^");
  auto unterminated = ParseStatements("SELECT 'abc");
  EXPECT_NE(unterminated.status().message().find("unterminated quoted string"), std::string::npos);
}

TEST(ErrorTest, DescribePosition) {
  std::string sql = "SELECT a\nFROM t\nWHERE custmer = 1";
  EXPECT_EQ(DescribePosition(sql, static_cast<int>(sql.find("custmer"))),
            "line 3, column 7\n  WHERE custmer = 1\n        ^");
  EXPECT_EQ(DescribePosition(sql, 0), "line 1, column 1\n  SELECT a\n  ^");
  EXPECT_EQ(DescribePosition(sql, -1), "");
  EXPECT_EQ(PositionSuffix("x", 0), " (line 1, column 1)\n  x\n  ^");
  // Columns count characters, so the caret lines up under UTF-8 text; tabs are kept.
  EXPECT_EQ(DescribePosition("SELECT 'é', zz", 13), "line 1, column 13\n  SELECT 'é', zz\n              ^");
  EXPECT_EQ(DescribePosition("\tSELECT x", 8), "line 1, column 9\n  \tSELECT x\n  \t       ^");
  EXPECT_EQ(DescribePosition("ab", 99), "line 1, column 3\n  ab\n    ^");
}

TEST(ErrorTest, LongLinesShowAWindowAroundThePosition) {
  std::string sql = "SELECT " + std::string(200, 'a') + " + + FROM t " + std::string(100, 'b');
  int location = static_cast<int>(sql.find("FROM"));
  std::string description = DescribePosition(sql, location);
  std::string expected_line =
      "..." + std::string(sql.substr(location - 60, 100)) + "...";
  EXPECT_EQ(description, "line 1, column " + std::to_string(location + 1) + "\n  " +
                             expected_line + "\n  " + std::string(63, ' ') + "^");
}

TEST(ErrorTest, DeepNestingFailsCleanlyOrSucceeds) {
  std::string parens = "SELECT " + std::string(1000, '(') + "1" + std::string(1000, ')');
  ASSERT_OK_AND_ASSIGN(auto statements, ParseStatements(parens));
  EXPECT_EQ(statements[0]->As<SelectStatement>().query->ToString(), "SELECT 1");

  std::string sums = "SELECT ";
  for (int i = 0; i < 1000; ++i) sums += "(1 + ";
  sums += "1" + std::string(1000, ')');
  auto nested = ParseStatements(sums);
  if (!nested.ok()) {
    EXPECT_EQ(nested.status().code(), StatusCode::kInvalid);
  }

  std::string deeper = "SELECT ";
  for (int i = 0; i < 5000; ++i) deeper += "f(";
  deeper += "1" + std::string(5000, ')');
  auto too_deep = ParseStatements(deeper);
  ASSERT_FALSE(too_deep.ok());
  EXPECT_EQ(too_deep.status().code(), StatusCode::kInvalid);

  std::string huge = "SELECT ";
  for (int i = 0; i < 20000; ++i) huge += "(1 + ";
  huge += "1" + std::string(20000, ')');
  auto refused = ParseStatements(huge);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalid);
  EXPECT_TRUE(refused.status().message().starts_with("the SQL statement is nested too deeply"))
      << refused.status().message().substr(0, 200);
}

}  // namespace
}  // namespace bundlebase::sql::testing
