// Every expression form parses into the expected node, checked through its canonical text and
// the fields the binder reads.
#include <string>
#include <utility>
#include <vector>

#include "parser_test_util.h"

namespace bundlebase::sql::testing {
namespace {

ParsedExprPtr Expr(std::string_view text) {
  auto result = ParseExpression(text);
  EXPECT_TRUE(result.ok()) << result.status().ToString() << "\n  in: " << text;
  return result.ok() ? std::move(*result) : nullptr;
}

TEST(ExpressionTest, CanonicalTextOfEveryForm) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"a + 1", "(a + 1)"},
      {"a*b-c/d%e^f", "((a * b) - ((c / d) % (e ^ f)))"},
      {"a || 'x' != b", "((a || 'x') <> b)"},
      {"a ~ 'x' OR a ~* 'y' OR a !~ 'z' OR a !~* 'w'",
       "((a ~ 'x') OR (a ~* 'y') OR (a !~ 'z') OR (a !~* 'w'))"},
      {"-x", "(-x)"},
      {"count(*)", "count(*)"},
      {"CAST(x AS INTEGER)", "CAST(x AS INTEGER)"},
      {"x::bigint", "CAST(x AS BIGINT)"},
      {"sum(DISTINCT x)", "sum(DISTINCT x)"},
      {"1.5e3", "1.5e3"},
      {"99999999999", "99999999999"},
      {"'it''s'", "'it''s'"},
      {"TRUE AND false", "(TRUE AND FALSE)"},
      {"NULL", "NULL"},
      {"$2", "$2"},
      {"NOT a AND b OR c", "(((NOT a) AND b) OR c)"},
      {"x IS NULL", "(x IS NULL)"},
      {"x IS NOT NULL", "(x IS NOT NULL)"},
      {"x IS NOT TRUE", "(x IS NOT TRUE)"},
      {"x IS FALSE", "(x IS FALSE)"},
      {"x IS UNKNOWN", "(x IS UNKNOWN)"},
      {"a IS DISTINCT FROM b", "(a IS DISTINCT FROM b)"},
      {"a IS NOT DISTINCT FROM b", "(a IS NOT DISTINCT FROM b)"},
      {"a LIKE 'x%'", "(a LIKE 'x%')"},
      {"a NOT LIKE 'x!%' ESCAPE '!'", "(a NOT LIKE 'x!%' ESCAPE '!')"},
      {"a ILIKE 'y'", "(a ILIKE 'y')"},
      {"a NOT ILIKE 'y'", "(a NOT ILIKE 'y')"},
      {"a SIMILAR TO 'x|y'", "(a SIMILAR TO 'x|y')"},
      {"a NOT SIMILAR TO 'x' ESCAPE '#'", "(a NOT SIMILAR TO 'x' ESCAPE '#')"},
      {"a BETWEEN 1 AND 2", "(a BETWEEN 1 AND 2)"},
      {"a NOT BETWEEN SYMMETRIC 2 AND 1", "(a NOT BETWEEN SYMMETRIC 2 AND 1)"},
      {"a IN (1, 2)", "(a IN (1, 2))"},
      {"a NOT IN ('x')", "(a NOT IN ('x'))"},
      {"string_agg(a, ',' ORDER BY b DESC)", "string_agg(a, ',' ORDER BY b DESC)"},
      {"count(x) FILTER (WHERE x > 0)", "count(x) FILTER (WHERE (x > 0))"},
      {"rank() OVER w", "rank() OVER w"},
      {"sum(x) OVER (PARTITION BY a ORDER BY b NULLS FIRST)",
       "sum(x) OVER (PARTITION BY a ORDER BY b NULLS FIRST)"},
      {"sum(x) OVER (w ROWS 2 PRECEDING)",
       "sum(x) OVER (w ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)"},
      {"CAST(a AS numeric(10,2))", "CAST(a AS NUMERIC(10, 2))"},
      {"x::varchar(20)[]", "CAST(x AS VARCHAR(20)[])"},
      {"x::double precision", "CAST(x AS DOUBLE PRECISION)"},
      {"x::timestamp with time zone", "CAST(x AS TIMESTAMP WITH TIME ZONE)"},
      {"x::text", "CAST(x AS TEXT)"},
      {"x::\"MyType\"", "CAST(x AS \"MyType\")"},
      {"INTERVAL '1 day'", "CAST('1 day' AS INTERVAL)"},
      {"DATE '2024-01-01'", "CAST('2024-01-01' AS DATE)"},
      {"CASE a WHEN 1 THEN 'one' ELSE 'many' END", "CASE a WHEN 1 THEN 'one' ELSE 'many' END"},
      {"CASE WHEN a > 0 THEN 1 WHEN a < 0 THEN -1 END",
       "CASE WHEN (a > 0) THEN 1 WHEN (a < 0) THEN -1 END"},
      {"COALESCE(a, b, 0)", "COALESCE(a, b, 0)"},
      {"NULLIF(a, '')", "NULLIF(a, '')"},
      {"GREATEST(a, b)", "GREATEST(a, b)"},
      {"LEAST(a, b)", "LEAST(a, b)"},
      {"(SELECT max(x) FROM t)", "(SELECT max(x) FROM t)"},
      {"EXISTS (SELECT 1 FROM t WHERE t.a = b)", "EXISTS (SELECT 1 FROM t WHERE (t.a = b))"},
      {"a IN (SELECT x FROM t)", "(a IN (SELECT x FROM t))"},
      {"a NOT IN (SELECT x FROM t)", "(NOT (a IN (SELECT x FROM t)))"},
      {"a >= ANY (SELECT x FROM t)", "(a >= ANY (SELECT x FROM t))"},
      {"a <> ALL (SELECT x FROM t)", "(a <> ALL (SELECT x FROM t))"},
      {"ARRAY(SELECT x FROM t)", "ARRAY(SELECT x FROM t)"},
      {"ARRAY[1, 2]", "ARRAY[1, 2]"},
      {"ROW(1, 'a')", "ROW(1, 'a')"},
      {"(1, 'a')", "ROW(1, 'a')"},
      {"CURRENT_DATE", "CURRENT_DATE"},
      {"CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP"},
      {"CURRENT_TIMESTAMP(3)", "CURRENT_TIMESTAMP(3)"},
      {"LOCALTIMESTAMP", "LOCALTIMESTAMP"},
      {"now()", "now()"},
      {"EXTRACT(year FROM d)", "extract('year', d)"},
      {"x[1]", "x[1]"},
      {"x[1:2]", "x[1:2]"},
      {"x[2][3]", "x[2][3]"},
      {"t.*", "t.*"},
      {"*", "*"},
  };
  for (const auto& [input, expected] : cases) {
    EXPECT_EQ(ExprText(input), expected) << "input: " << input;
  }
}

TEST(ExpressionTest, CanonicalTextReadsBackToTheSameText) {
  for (std::string_view input :
       {"a + b * c", "x LIKE 'a' ESCAPE '!'", "sum(x) OVER (ORDER BY y ROWS UNBOUNDED PRECEDING)",
        "CASE WHEN a THEN b END", "a NOT IN (SELECT 1 UNION SELECT 2)", "CAST(x AS INTEGER[])",
        "\"Customer Id\" IS NOT NULL", "- -3", "x'1F' || B'01'"}) {
    std::string first = ExprText(input);
    EXPECT_EQ(ExprText(first), first) << "input: " << input;
  }
}

TEST(ExpressionTest, NamedArguments) {
  auto parsed = ParseExpression("read_csv('x.csv', delim => ';')");
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  const auto& call = (*parsed)->As<FunctionCallExpr>();
  ASSERT_EQ(call.args.size(), 2u);
  ASSERT_EQ(call.args[1]->kind, ExprKind::kNamedArgument);
  const auto& named = call.args[1]->As<NamedArgumentExpr>();
  EXPECT_EQ(named.name, "delim");
  EXPECT_EQ(named.arg->ToString(), "';'");
  EXPECT_EQ(call.ToString(), "read_csv('x.csv', delim => ';')");
}

TEST(ExpressionTest, IntegerConstants) {
  // libpg_query's JSON drops zero and negative integers; the parser reads them from the text.
  for (auto [text, value] : std::vector<std::pair<std::string, int64_t>>{
           {"0", 0}, {"42", 42}, {"-5", -5}, {"- 7", -7}, {"-(3)", -3}, {"-2147483647", -2147483647}}) {
    ParsedExprPtr expr = Expr(text);
    ASSERT_TRUE(expr);
    ASSERT_EQ(expr->kind, ExprKind::kConstant) << text;
    const auto& constant = expr->As<ConstantExpr>();
    EXPECT_EQ(constant.constant_kind, ConstantKind::kInteger) << text;
    EXPECT_EQ(constant.integer, value) << text;
  }
  ParsedExprPtr big = Expr("-2147483648");
  EXPECT_EQ(big->As<ConstantExpr>().constant_kind, ConstantKind::kNumeric);
  EXPECT_EQ(big->As<ConstantExpr>().text, "-2147483648");
}

TEST(ExpressionTest, OtherConstants) {
  auto numeric = Expr("1.50");
  EXPECT_EQ(numeric->As<ConstantExpr>().constant_kind, ConstantKind::kNumeric);
  EXPECT_EQ(numeric->As<ConstantExpr>().text, "1.50");
  auto text = Expr("E'a\\nb'");
  EXPECT_EQ(text->As<ConstantExpr>().constant_kind, ConstantKind::kString);
  EXPECT_EQ(text->As<ConstantExpr>().text, "a\nb");
  EXPECT_EQ(Expr("$$x$$")->As<ConstantExpr>().text, "x");
  EXPECT_FALSE(Expr("false")->As<ConstantExpr>().boolean);
  EXPECT_TRUE(Expr("true")->As<ConstantExpr>().boolean);
  EXPECT_EQ(Expr("NULL")->As<ConstantExpr>().constant_kind, ConstantKind::kNull);
  auto param = Expr("$3");
  ASSERT_EQ(param->kind, ExprKind::kParameter);
  EXPECT_EQ(param->As<ParameterExpr>().index, 3);
}

TEST(ExpressionTest, OperatorFields) {
  auto expr = Expr("a - 1");
  ASSERT_EQ(expr->kind, ExprKind::kOperator);
  const auto& op = expr->As<OperatorExpr>();
  EXPECT_EQ(op.op, "-");
  EXPECT_EQ(op.left->kind, ExprKind::kColumnRef);
  EXPECT_EQ(op.right->kind, ExprKind::kConstant);
  EXPECT_EQ(op.location, 2);
  auto prefix = Expr("-a");
  EXPECT_EQ(prefix->As<OperatorExpr>().left, nullptr);
  auto bools = Expr("a AND b AND c");
  ASSERT_EQ(bools->kind, ExprKind::kBoolean);
  EXPECT_EQ(bools->As<BooleanExpr>().op, BooleanOp::kAnd);
  EXPECT_EQ(bools->As<BooleanExpr>().args.size(), 3u);
}

TEST(ExpressionTest, PredicateFields) {
  auto like = Expr("name NOT ILIKE 'a%' ESCAPE '\\'");
  ASSERT_EQ(like->kind, ExprKind::kLike);
  EXPECT_EQ(like->As<LikeExpr>().like_kind, LikeKind::kILike);
  EXPECT_TRUE(like->As<LikeExpr>().negated);
  EXPECT_EQ(like->As<LikeExpr>().pattern->ToString(), "'a%'");
  ASSERT_NE(like->As<LikeExpr>().escape, nullptr);

  auto between = Expr("x NOT BETWEEN 1 AND 10");
  ASSERT_EQ(between->kind, ExprKind::kBetween);
  EXPECT_TRUE(between->As<BetweenExpr>().negated);
  EXPECT_FALSE(between->As<BetweenExpr>().symmetric);
  EXPECT_EQ(between->As<BetweenExpr>().high->ToString(), "10");

  auto in = Expr("x IN (1, 2, 3)");
  ASSERT_EQ(in->kind, ExprKind::kInList);
  EXPECT_FALSE(in->As<InListExpr>().negated);
  EXPECT_EQ(in->As<InListExpr>().values.size(), 3u);

  auto test = Expr("flag IS NOT FALSE");
  ASSERT_EQ(test->kind, ExprKind::kBooleanTest);
  EXPECT_EQ(test->As<BooleanTestExpr>().value, TruthValue::kFalse);
  EXPECT_TRUE(test->As<BooleanTestExpr>().negated);

  auto nullif = Expr("NULLIF(a, b)");
  ASSERT_EQ(nullif->kind, ExprKind::kConditional);
  EXPECT_EQ(nullif->As<ConditionalExpr>().op, ConditionalOp::kNullIf);
  EXPECT_EQ(nullif->As<ConditionalExpr>().args.size(), 2u);
}

TEST(ExpressionTest, FunctionCallFields) {
  auto call = Expr("string_agg(DISTINCT s.name, ', ' ORDER BY s.id DESC NULLS LAST) "
                   "FILTER (WHERE s.ok) OVER (PARTITION BY g)");
  ASSERT_EQ(call->kind, ExprKind::kFunctionCall);
  const auto& f = call->As<FunctionCallExpr>();
  ASSERT_EQ(f.name.size(), 1u);
  EXPECT_EQ(f.name[0].name, "string_agg");
  EXPECT_TRUE(f.distinct);
  EXPECT_FALSE(f.star);
  EXPECT_EQ(f.args.size(), 2u);
  ASSERT_EQ(f.order_by.size(), 1u);
  EXPECT_TRUE(f.order_by[0].descending);
  EXPECT_FALSE(f.order_by[0].nulls_first);
  ASSERT_NE(f.filter, nullptr);
  ASSERT_NE(f.over, nullptr);
  EXPECT_EQ(f.over->partition_by.size(), 1u);
  EXPECT_FALSE(f.over->frame.has_value());

  auto star = Expr("count(*)");
  EXPECT_TRUE(star->As<FunctionCallExpr>().star);

  auto qualified = Expr("My_Schema.Fn(1)");
  const auto& name = qualified->As<FunctionCallExpr>().name;
  ASSERT_EQ(name.size(), 2u);
  EXPECT_EQ(name[0].name, "My_Schema");
  EXPECT_EQ(name[1].name, "Fn");
  EXPECT_EQ(name[1].location, 10);

  auto extract = Expr("EXTRACT(month FROM ts)");
  const auto& e = extract->As<FunctionCallExpr>();
  EXPECT_TRUE(e.sql_syntax);
  EXPECT_EQ(e.name.size(), 1u);
  EXPECT_EQ(e.name[0].name, "extract");
  EXPECT_EQ(e.args[0]->As<ConstantExpr>().text, "month");
}

TEST(ExpressionTest, WindowFrames) {
  auto call = Expr(
      "sum(x) OVER (base ORDER BY t GROUPS BETWEEN 2 PRECEDING AND 1 FOLLOWING EXCLUDE GROUP)");
  const WindowSpec& over = *call->As<FunctionCallExpr>().over;
  EXPECT_EQ(over.base_name.name, "base");
  EXPECT_FALSE(over.reference_only);
  ASSERT_TRUE(over.frame.has_value());
  EXPECT_EQ(over.frame->unit, FrameUnit::kGroups);
  EXPECT_EQ(over.frame->start.kind, FrameBoundKind::kPreceding);
  EXPECT_EQ(over.frame->start.offset->ToString(), "2");
  EXPECT_EQ(over.frame->end.kind, FrameBoundKind::kFollowing);
  EXPECT_EQ(over.frame->exclusion, FrameExclusion::kGroup);

  auto rows = Expr("sum(x) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING "
                   "EXCLUDE CURRENT ROW)");
  const WindowFrame& frame = *rows->As<FunctionCallExpr>().over->frame;
  EXPECT_EQ(frame.unit, FrameUnit::kRows);
  EXPECT_EQ(frame.start.kind, FrameBoundKind::kUnboundedPreceding);
  EXPECT_EQ(frame.end.kind, FrameBoundKind::kUnboundedFollowing);
  EXPECT_EQ(frame.exclusion, FrameExclusion::kCurrentRow);

  auto range = Expr("sum(x) OVER (ORDER BY d RANGE CURRENT ROW)");
  const WindowFrame& current = *range->As<FunctionCallExpr>().over->frame;
  EXPECT_EQ(current.unit, FrameUnit::kRange);
  EXPECT_EQ(current.start.kind, FrameBoundKind::kCurrentRow);
  EXPECT_EQ(current.end.kind, FrameBoundKind::kCurrentRow);

  auto named = Expr("rank() OVER w");
  EXPECT_TRUE(named->As<FunctionCallExpr>().over->reference_only);
  EXPECT_EQ(named->As<FunctionCallExpr>().over->base_name.name, "w");
}

TEST(ExpressionTest, CastTypeNames) {
  auto cast = Expr("CAST(x AS numeric(10, 2))");
  ASSERT_EQ(cast->kind, ExprKind::kCast);
  const TypeName& type = cast->As<CastExpr>().type;
  ASSERT_EQ(type.names.size(), 1u);
  EXPECT_EQ(type.names[0].name, "numeric");
  ASSERT_EQ(type.modifiers.size(), 2u);
  EXPECT_EQ(type.modifiers[1]->ToString(), "2");
  EXPECT_EQ(type.location, 10);

  EXPECT_EQ(Expr("x::int")->As<CastExpr>().type.names[0].name, "int4");
  auto arrays = Expr("x::int[3][]");
  EXPECT_EQ(arrays->As<CastExpr>().type.array_bounds, (std::vector<int>{3, -1}));
  auto user = Expr("x::Strange");
  EXPECT_EQ(user->As<CastExpr>().type.names[0].name, "Strange");
  EXPECT_FALSE(user->As<CastExpr>().type.names[0].quoted);

  auto literal = Expr("DATE '2024-01-01'");
  ASSERT_EQ(literal->kind, ExprKind::kCast);
  EXPECT_EQ(literal->location, 0);
  EXPECT_EQ(literal->As<CastExpr>().arg->As<ConstantExpr>().text, "2024-01-01");
}

TEST(ExpressionTest, CaseAndSubqueries) {
  auto simple = Expr("CASE k WHEN 1 THEN 'a' WHEN 2 THEN 'b' END");
  const auto& c = simple->As<CaseExpr>();
  ASSERT_NE(c.operand, nullptr);
  EXPECT_EQ(c.whens.size(), 2u);
  EXPECT_EQ(c.else_result, nullptr);

  auto in = Expr("a IN (SELECT x FROM t)");
  ASSERT_EQ(in->kind, ExprKind::kSubquery);
  const auto& sub = in->As<SubqueryExpr>();
  EXPECT_EQ(sub.subquery_kind, SubqueryKind::kAny);
  EXPECT_TRUE(sub.in_syntax);
  EXPECT_EQ(sub.op, "=");
  EXPECT_EQ(sub.test_expr->ToString(), "a");
  EXPECT_EQ(sub.query->kind, QueryKind::kSelect);

  auto all = Expr("a < ALL (SELECT x FROM t)");
  EXPECT_EQ(all->As<SubqueryExpr>().subquery_kind, SubqueryKind::kAll);
  EXPECT_EQ(all->As<SubqueryExpr>().op, "<");
  EXPECT_FALSE(all->As<SubqueryExpr>().in_syntax);

  EXPECT_EQ(Expr("EXISTS (SELECT 1)")->As<SubqueryExpr>().subquery_kind, SubqueryKind::kExists);
  EXPECT_EQ(Expr("(SELECT 1)")->As<SubqueryExpr>().subquery_kind, SubqueryKind::kScalar);
}

TEST(ExpressionTest, SubscriptsAndValueFunctions) {
  auto slice = Expr("arr[2:]");
  ASSERT_EQ(slice->kind, ExprKind::kSubscript);
  EXPECT_TRUE(slice->As<SubscriptExpr>().slice);
  EXPECT_EQ(slice->As<SubscriptExpr>().upper, nullptr);
  EXPECT_EQ(slice->ToString(), "arr[2:]");

  auto now = Expr("CURRENT_TIMESTAMP(6)");
  ASSERT_EQ(now->kind, ExprKind::kValueFunction);
  EXPECT_EQ(now->As<ValueFunctionExpr>().function, ValueFunction::kCurrentTimestamp);
  EXPECT_EQ(now->As<ValueFunctionExpr>().precision, 6);
  EXPECT_EQ(Expr("CURRENT_DATE")->As<ValueFunctionExpr>().precision, -1);
}

TEST(ExpressionTest, UnsupportedFormsSayWhat) {
  auto collate = ParseExpression("a COLLATE \"C\"");
  ASSERT_FALSE(collate.ok());
  EXPECT_EQ(collate.status().code(), StatusCode::kNotImplemented);
  EXPECT_NE(collate.status().message().find("COLLATE"), std::string::npos);
  auto any_array = ParseExpression("a = ANY(arr)");
  ASSERT_FALSE(any_array.ok());
  EXPECT_NE(any_array.status().message().find("ANY"), std::string::npos);
}

}  // namespace
}  // namespace bundlebase::sql::testing
