// SELECT blocks, set operations, VALUES, FROM items, GROUP BY, WINDOW and WITH parse into the
// expected query tree.
#include "parser_test_util.h"

namespace bundlebase::sql::testing {
namespace {

const SelectNode& Select(const SelectStatement& statement) {
  EXPECT_EQ(statement.query->kind, QueryKind::kSelect);
  return statement.query->As<SelectNode>();
}

TEST(QueryTest, SelectListDistinctWhereHavingOrderLimit) {
  auto statement = ParseSelect(
      "SELECT DISTINCT a, b + 1 AS total FROM t WHERE a > 0 GROUP BY a, b HAVING count(*) > 1 "
      "ORDER BY total DESC, a NULLS FIRST LIMIT 10 OFFSET 5");
  ASSERT_TRUE(statement);
  const SelectNode& select = Select(*statement);
  EXPECT_TRUE(select.distinct);
  EXPECT_TRUE(select.distinct_on.empty());
  ASSERT_EQ(select.select_list.size(), 2u);
  EXPECT_FALSE(select.select_list[0].alias.has_value());
  ASSERT_TRUE(select.select_list[1].alias.has_value());
  EXPECT_EQ(select.select_list[1].alias->name, "total");
  EXPECT_EQ(select.where->ToString(), "(a > 0)");
  ASSERT_EQ(select.group_by.size(), 2u);
  EXPECT_EQ(select.group_by[0].kind, GroupingKind::kExpression);
  EXPECT_EQ(select.having->ToString(), "(count(*) > 1)");
  ASSERT_EQ(select.order_by.size(), 2u);
  EXPECT_TRUE(select.order_by[0].descending);
  EXPECT_TRUE(select.order_by[0].nulls_first);  // PostgreSQL's default for DESC
  EXPECT_FALSE(select.order_by[1].descending);
  EXPECT_TRUE(select.order_by[1].nulls_first);
  EXPECT_EQ(select.limit->ToString(), "10");
  EXPECT_EQ(select.offset->ToString(), "5");
}

TEST(QueryTest, DistinctOnLimitAllAndFetchFirst) {
  auto on = ParseSelect("SELECT DISTINCT ON (a, b) a, c FROM t LIMIT ALL");
  const SelectNode& select = Select(*on);
  EXPECT_TRUE(select.distinct);
  EXPECT_EQ(ExprListToString(select.distinct_on), "a, b");
  ASSERT_NE(select.limit, nullptr);
  EXPECT_EQ(select.limit->As<ConstantExpr>().constant_kind, ConstantKind::kNull);

  auto fetch = ParseSelect("SELECT x FROM t FETCH FIRST 3 ROWS ONLY");
  EXPECT_EQ(fetch->query->limit->ToString(), "3");
  auto ties = ParseStatements("SELECT x FROM t ORDER BY x FETCH FIRST 3 ROWS WITH TIES");
  EXPECT_EQ(ties.status().code(), StatusCode::kNotImplemented);
}

TEST(QueryTest, FromItems) {
  auto statement = ParseSelect(
      "SELECT * FROM s.Events AS e(id, ts), read_parquet('data/*.parquet') p, "
      "LATERAL (SELECT 1 AS one) AS sub");
  const SelectNode& select = Select(*statement);
  ASSERT_EQ(select.from.size(), 3u);
  ASSERT_EQ(select.from[0]->kind, TableRefKind::kBaseTable);
  const auto& table = select.from[0]->As<BaseTableRef>();
  ASSERT_EQ(table.name.size(), 2u);
  EXPECT_EQ(table.name[1].name, "Events");
  EXPECT_EQ(table.alias->name, "e");
  ASSERT_EQ(table.column_aliases.size(), 2u);
  EXPECT_EQ(table.column_aliases[1].name, "ts");

  ASSERT_EQ(select.from[1]->kind, TableRefKind::kTableFunction);
  const auto& function = select.from[1]->As<TableFunctionRef>();
  EXPECT_EQ(function.call->name[0].name, "read_parquet");
  EXPECT_EQ(function.call->args[0]->As<ConstantExpr>().text, "data/*.parquet");
  EXPECT_EQ(function.alias->name, "p");

  ASSERT_EQ(select.from[2]->kind, TableRefKind::kSubquery);
  const auto& sub = select.from[2]->As<SubqueryRef>();
  EXPECT_TRUE(sub.lateral);
  EXPECT_EQ(sub.alias->name, "sub");
  EXPECT_EQ(sub.query->ToString(), "SELECT 1 AS one");
}

TEST(QueryTest, Joins) {
  auto statement = ParseSelect(
      "SELECT * FROM a LEFT JOIN b ON a.id = b.id RIGHT JOIN c USING (id, k) FULL JOIN d ON "
      "true CROSS JOIN e NATURAL JOIN f JOIN g ON g.x = a.x");
  const SelectNode& select = Select(*statement);
  ASSERT_EQ(select.from.size(), 1u);
  // Joins nest to the left: ((((((a LEFT b) RIGHT c) FULL d) CROSS e) NATURAL f) JOIN g).
  const JoinRef* join = &select.from[0]->As<JoinRef>();
  EXPECT_EQ(join->join_type, JoinType::kInner);
  EXPECT_EQ(join->on->ToString(), "(g.x = a.x)");
  join = &join->left->As<JoinRef>();
  EXPECT_TRUE(join->natural);
  EXPECT_EQ(join->on, nullptr);
  join = &join->left->As<JoinRef>();
  EXPECT_EQ(join->join_type, JoinType::kCross);
  join = &join->left->As<JoinRef>();
  EXPECT_EQ(join->join_type, JoinType::kFull);
  join = &join->left->As<JoinRef>();
  EXPECT_EQ(join->join_type, JoinType::kRight);
  ASSERT_EQ(join->using_columns.size(), 2u);
  EXPECT_EQ(join->using_columns[1].name, "k");
  join = &join->left->As<JoinRef>();
  EXPECT_EQ(join->join_type, JoinType::kLeft);
  EXPECT_EQ(join->left->As<BaseTableRef>().name[0].name, "a");
  EXPECT_EQ(join->right->As<BaseTableRef>().name[0].name, "b");
}

TEST(QueryTest, GroupingSets) {
  auto statement = ParseSelect(
      "SELECT 1 FROM t GROUP BY ROLLUP(a, (b, c)), CUBE(d), GROUPING SETS((a, b), c, ()), ()");
  const SelectNode& select = Select(*statement);
  ASSERT_EQ(select.group_by.size(), 4u);
  EXPECT_EQ(select.group_by[0].kind, GroupingKind::kRollup);
  EXPECT_EQ(select.group_by[0].exprs.size(), 2u);
  EXPECT_EQ(select.group_by[0].exprs[1]->kind, ExprKind::kRow);
  EXPECT_EQ(select.group_by[1].kind, GroupingKind::kCube);
  EXPECT_EQ(select.group_by[2].kind, GroupingKind::kGroupingSets);
  ASSERT_EQ(select.group_by[2].sets.size(), 3u);
  EXPECT_EQ(select.group_by[2].sets[2].kind, GroupingKind::kEmpty);
  EXPECT_EQ(select.group_by[3].kind, GroupingKind::kEmpty);
  EXPECT_EQ(statement->query->ToString(),
            "SELECT 1 FROM t GROUP BY ROLLUP(a, (b, c)), CUBE(d), GROUPING SETS((a, b), c, ()), "
            "()");
}

TEST(QueryTest, WindowClause) {
  auto statement = ParseSelect(
      "SELECT sum(x) OVER w, rank() OVER (w2 ORDER BY y) FROM t WINDOW w AS (PARTITION BY g "
      "ORDER BY d ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING), w2 AS (PARTITION BY h)");
  const SelectNode& select = Select(*statement);
  ASSERT_EQ(select.windows.size(), 2u);
  EXPECT_EQ(select.windows[0].name.name, "w");
  EXPECT_EQ(select.windows[0].frame->start.kind, FrameBoundKind::kPreceding);
  EXPECT_EQ(select.windows[1].name.name, "w2");
  const auto& second = select.select_list[1].expr->As<FunctionCallExpr>();
  EXPECT_EQ(second.over->base_name.name, "w2");
  EXPECT_FALSE(second.over->reference_only);
}

TEST(QueryTest, WithClause) {
  auto statement = ParseSelect(
      "WITH RECURSIVE Nums(N) AS (SELECT 1 UNION ALL SELECT N + 1 FROM Nums WHERE N < 5), "
      "other AS (SELECT 2) SELECT * FROM Nums");
  const QueryNode& query = *statement->query;
  ASSERT_TRUE(query.with.has_value());
  EXPECT_TRUE(query.with->recursive);
  ASSERT_EQ(query.with->ctes.size(), 2u);
  EXPECT_EQ(query.with->ctes[0].name.name, "Nums");
  EXPECT_EQ(query.with->ctes[0].name.location, 15);
  ASSERT_EQ(query.with->ctes[0].column_aliases.size(), 1u);
  EXPECT_EQ(query.with->ctes[0].column_aliases[0].name, "N");
  EXPECT_EQ(query.with->ctes[0].query->kind, QueryKind::kSetOperation);
  EXPECT_EQ(query.with->ctes[1].name.name, "other");
}

TEST(QueryTest, SetOperationsAreATree) {
  auto statement =
      ParseSelect("SELECT 1 UNION ALL SELECT 2 EXCEPT SELECT 3 INTERSECT SELECT 4 ORDER BY 1 "
                  "LIMIT 2");
  const QueryNode& root = *statement->query;
  ASSERT_EQ(root.kind, QueryKind::kSetOperation);
  const auto& except = root.As<SetOperationNode>();
  EXPECT_EQ(except.op, SetOperation::kExcept);
  EXPECT_FALSE(except.all);
  EXPECT_EQ(root.order_by.size(), 1u);
  EXPECT_EQ(root.limit->ToString(), "2");
  const auto& union_node = except.left->As<SetOperationNode>();
  EXPECT_EQ(union_node.op, SetOperation::kUnion);
  EXPECT_TRUE(union_node.all);
  EXPECT_EQ(except.right->As<SetOperationNode>().op, SetOperation::kIntersect);
  EXPECT_EQ(root.ToString(),
            "((SELECT 1) UNION ALL (SELECT 2)) EXCEPT ((SELECT 3) INTERSECT (SELECT 4)) ORDER BY "
            "1 LIMIT 2");
}

TEST(QueryTest, ValuesIsAQueryBody) {
  auto statement = ParseSelect("VALUES (1, 'a'), (2, NULL) ORDER BY 1");
  ASSERT_EQ(statement->query->kind, QueryKind::kValues);
  const auto& values = statement->query->As<ValuesNode>();
  ASSERT_EQ(values.rows.size(), 2u);
  EXPECT_EQ(values.rows[1][1]->ToString(), "NULL");
  EXPECT_EQ(statement->query->order_by.size(), 1u);
  auto in_from = ParseSelect("SELECT * FROM (VALUES (1), (2)) AS v(x)");
  const auto& sub = Select(*in_from).from[0]->As<SubqueryRef>();
  EXPECT_EQ(sub.query->kind, QueryKind::kValues);
  EXPECT_EQ(sub.column_aliases[0].name, "x");
}

TEST(QueryTest, QueryTextReadsBack) {
  for (std::string_view sql :
       {"SELECT a AS \"A b\", b AS Bee FROM s.t AS x(a, b) LEFT JOIN read_parquet('f') AS r ON "
        "(x.a = r.a) WHERE (x.a > 1) ORDER BY 1 DESC LIMIT 3",
        "WITH c AS (SELECT 1) SELECT DISTINCT ON (a) a FROM c, LATERAL (SELECT 2) AS q"}) {
    auto first = ParseSelect(sql);
    std::string text = first->query->ToString();
    auto second = ParseSelect(text);
    EXPECT_EQ(second->query->ToString(), text);
  }
}

TEST(QueryTest, UnsupportedQueryParts) {
  for (std::string_view sql : {"SELECT 1 INTO x", "SELECT * FROM t FOR UPDATE",
                               "SELECT * FROM t TABLESAMPLE SYSTEM (10)"}) {
    auto result = ParseStatements(sql);
    ASSERT_FALSE(result.ok()) << sql;
    EXPECT_EQ(result.status().code(), StatusCode::kNotImplemented) << sql;
  }
}

}  // namespace
}  // namespace bundlebase::sql::testing
