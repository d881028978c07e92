// The fragment parsers used by rules and joins accept both spellings, keep locations relative
// to the caller's text, and refuse anything that is more than the fragment.
#include "parser_test_util.h"

namespace bundlebase::sql::testing {
namespace {

TEST(FragmentTest, ExpressionLocationsAreRelativeToTheText) {
  ASSERT_OK_AND_ASSIGN(auto expr, ParseExpression("a.id = B.Id"));
  EXPECT_EQ(expr->location, 5);
  const auto& right = expr->As<OperatorExpr>().right->As<ColumnRefExpr>();
  EXPECT_EQ(right.parts[0].name, "B");
  EXPECT_EQ(right.parts[1].name, "Id");
  EXPECT_EQ(right.parts[1].location, 9);
}

TEST(FragmentTest, ExpressionRefusesMoreThanOneExpression) {
  for (std::string_view text : {"a, b", "1 AS x", "1 FROM t", "1; DROP TABLE t", "x ORDER BY 1", ""}) {
    auto result = ParseExpression(text);
    EXPECT_FALSE(result.ok()) << text;
  }
  auto error = ParseExpression("a = = b");
  ASSERT_FALSE(error.ok());
  EXPECT_EQ(error.status().message(),
            "syntax error at or near \"=\" (line 1, column 5)\n  a = = b\n      ^");
}

TEST(FragmentTest, WhereConditionWithOrWithoutKeyword) {
  ASSERT_OK_AND_ASSIGN(auto bare, ParseWhereCondition("x IS NULL"));
  ASSERT_OK_AND_ASSIGN(auto keyword, ParseWhereCondition("WHERE x IS NULL"));
  ASSERT_OK_AND_ASSIGN(auto lower, ParseWhereCondition("  where x IS NULL"));
  EXPECT_EQ(bare->ToString(), "(x IS NULL)");
  EXPECT_EQ(keyword->ToString(), "(x IS NULL)");
  EXPECT_EQ(bare->location, 2);
  EXPECT_EQ(keyword->location, 8);
  EXPECT_EQ(lower->location, 10);
  EXPECT_EQ(keyword->As<NullTestExpr>().arg->location, 6);
  // A column that happens to be called "where" is not the keyword... but it must be quoted.
  ASSERT_OK_AND_ASSIGN(auto quoted, ParseWhereCondition("\"where\" > 1"));
  EXPECT_EQ(quoted->ToString(), "(\"where\" > 1)");
}

TEST(FragmentTest, WhereConditionErrors) {
  for (std::string_view text : {"", "WHERE", "x > 1 ORDER BY x", "x > 1 GROUP BY x", "1; SELECT 2"}) {
    EXPECT_FALSE(ParseWhereCondition(text).ok()) << text;
  }
  auto error = ParseWhereCondition("WHERE x >");
  ASSERT_FALSE(error.ok());
  EXPECT_EQ(error.status().message(),
            "syntax error at end of input (line 1, column 10)\n  WHERE x >\n           ^");
}

TEST(FragmentTest, UpdateClauseWithOrWithoutSet) {
  ASSERT_OK_AND_ASSIGN(auto with_set, ParseUpdateClause("SET a = 1, B = 'x' WHERE c > 2"));
  ASSERT_EQ(with_set.assignments.size(), 2u);
  EXPECT_EQ(with_set.assignments[0].column.name, "a");
  EXPECT_EQ(with_set.assignments[0].column.location, 4);
  EXPECT_EQ(with_set.assignments[1].column.name, "B");
  EXPECT_EQ(with_set.assignments[1].value->ToString(), "'x'");
  ASSERT_NE(with_set.where, nullptr);
  EXPECT_EQ(with_set.where->ToString(), "(c > 2)");
  EXPECT_EQ(with_set.where->location, 27);

  ASSERT_OK_AND_ASSIGN(auto bare, ParseUpdateClause("price = price * 1.1"));
  ASSERT_EQ(bare.assignments.size(), 1u);
  EXPECT_EQ(bare.assignments[0].column.location, 0);
  EXPECT_EQ(bare.assignments[0].value->ToString(), "(price * 1.1)");
  EXPECT_EQ(bare.where, nullptr);

  // A column named "set" is still a column when followed by '='.
  ASSERT_OK_AND_ASSIGN(auto column_set, ParseUpdateClause("set = 1"));
  EXPECT_EQ(column_set.assignments[0].column.name, "set");
}

TEST(FragmentTest, UpdateClauseErrors) {
  for (std::string_view text :
       {"", "SET", "a = 1 RETURNING *", "a = 1 FROM u", "a = 1; DROP TABLE t", "(a, b) = (1, 2)"}) {
    EXPECT_FALSE(ParseUpdateClause(text).ok()) << text;
  }
}

}  // namespace
}  // namespace bundlebase::sql::testing
