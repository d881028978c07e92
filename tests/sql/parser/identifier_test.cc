// Identifiers keep the spelling the user wrote and whether it was quoted; locations point at
// the right bytes; ToString re-quotes only when needed.
#include "parser_test_util.h"

namespace bundlebase::sql::testing {
namespace {

TEST(IdentifierTest, UnquotedKeepsSpellingQuotedKeepsExactName) {
  ASSERT_OK_AND_ASSIGN(auto expr, ParseExpression("Foo + \"Customer Id\""));
  const auto& op = expr->As<OperatorExpr>();
  const Identifier& foo = op.left->As<ColumnRefExpr>().parts[0];
  EXPECT_EQ(foo.name, "Foo");
  EXPECT_FALSE(foo.quoted);
  EXPECT_EQ(foo.location, 0);
  const Identifier& id = op.right->As<ColumnRefExpr>().parts[0];
  EXPECT_EQ(id.name, "Customer Id");
  EXPECT_TRUE(id.quoted);
  EXPECT_EQ(id.location, 6);
  EXPECT_EQ(expr->ToString(), "(Foo + \"Customer Id\")");
}

TEST(IdentifierTest, QualifiedPartsWalkTheSourceText) {
  ASSERT_OK_AND_ASSIGN(auto expr, ParseExpression("  Sch . \"B\".\"c\"\"d\""));
  const QualifiedName& parts = expr->As<ColumnRefExpr>().parts;
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(parts[0].name, "Sch");
  EXPECT_EQ(parts[0].location, 2);
  EXPECT_EQ(parts[1].name, "B");
  EXPECT_TRUE(parts[1].quoted);
  EXPECT_EQ(parts[1].location, 8);
  EXPECT_EQ(parts[2].name, "c\"d");
  EXPECT_EQ(expr->ToString(), "Sch.\"B\".\"c\"\"d\"");
  ASSERT_OK_AND_ASSIGN(auto star, ParseExpression("T.*"));
  EXPECT_EQ(star->As<StarExpr>().qualifier[0].name, "T");
}

TEST(IdentifierTest, QuotesOnlyWhenNeeded) {
  EXPECT_EQ((Identifier{"foo", true, -1}.ToString()), "foo");
  EXPECT_EQ((Identifier{"Foo", true, -1}.ToString()), "\"Foo\"");
  EXPECT_EQ((Identifier{"Foo", false, -1}.ToString()), "Foo");
  EXPECT_EQ((Identifier{"select", true, -1}.ToString()), "\"select\"");
  EXPECT_EQ((Identifier{"1st", true, -1}.ToString()), "\"1st\"");
  EXPECT_EQ((Identifier{"a\"b", true, -1}.ToString()), "\"a\"\"b\"");
  EXPECT_EQ((Identifier{"", true, -1}.ToString()), "\"\"");
}

TEST(IdentifierTest, Matching) {
  Identifier unquoted{"CustomerId", false, -1};
  EXPECT_TRUE(unquoted.Matches("customerid"));
  EXPECT_TRUE(unquoted.Matches("CUSTOMERID"));
  Identifier quoted{"CustomerId", true, -1};
  EXPECT_TRUE(quoted.Matches("CustomerId"));
  EXPECT_FALSE(quoted.Matches("customerid"));
}

TEST(IdentifierTest, AliasesKeepSpellingAndQuotes) {
  auto statement = ParseSelect(
      "SELECT x.Foo FOO, count(*) AS \"Total Count\", a::text AS Text, (b) Bee "
      "FROM (SELECT a FROM foo.T) AS Sub(\"A\") JOIN Other O USING (Key) ");
  ASSERT_TRUE(statement);
  const auto& select = statement->query->As<SelectNode>();
  ASSERT_EQ(select.select_list.size(), 4u);
  EXPECT_EQ(select.select_list[0].alias->name, "FOO");
  EXPECT_EQ(select.select_list[0].alias->location, 13);
  EXPECT_EQ(select.select_list[1].alias->name, "Total Count");
  EXPECT_TRUE(select.select_list[1].alias->quoted);
  EXPECT_EQ(select.select_list[2].alias->name, "Text");
  EXPECT_EQ(select.select_list[3].alias->name, "Bee");
  const auto& join = select.from[0]->As<JoinRef>();
  const auto& sub = join.left->As<SubqueryRef>();
  EXPECT_EQ(sub.alias->name, "Sub");
  EXPECT_FALSE(sub.alias->quoted);
  EXPECT_EQ(sub.column_aliases[0].name, "A");
  EXPECT_TRUE(sub.column_aliases[0].quoted);
  EXPECT_EQ(join.right->alias->name, "O");
  EXPECT_EQ(join.using_columns[0].name, "Key");
}

TEST(IdentifierTest, LocationsPointIntoTheStatement) {
  std::string sql = "SELECT a,\n       custmer + 1 FROM t WHERE b IS NULL";
  auto statement = ParseSelect(sql);
  const auto& select = statement->query->As<SelectNode>();
  const ParsedExpr& plus = *select.select_list[1].expr;
  EXPECT_EQ(sql.substr(plus.As<OperatorExpr>().left->location, 7), "custmer");
  EXPECT_EQ(sql.substr(plus.location, 1), "+");
  EXPECT_EQ(sql.substr(select.from[0]->location, 1), "t");
  EXPECT_EQ(sql.substr(select.where->location, 2), "IS");
}

}  // namespace
}  // namespace bundlebase::sql::testing
