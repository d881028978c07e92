// Arithmetic operators on integers, floats and decimals: results, NULLs, scalar/column
// combinations, sliced inputs, overflow and division by zero.
#include <gtest/gtest.h>

#include "function_test_util.h"

namespace bundlebase::sql {
namespace {

using namespace testing;  // NOLINT

TEST(ArithmeticTest, IntegerColumnsAndScalars) {
  auto a = Column(Int32(), {"1", std::nullopt, "-7", "100"});
  auto b = Column(Int32(), {"2", "3", std::nullopt, "-3"});
  ASSERT_OK_AND_ASSIGN(auto sum, Call("+", {a, b}));
  EXPECT_EQ(Texts(sum), Rows({"3", "NULL", "NULL", "97"}));
  ASSERT_OK_AND_ASSIGN(auto quotient, Call("/", {a, Datum(I32(2))}));
  EXPECT_EQ(Texts(quotient), Rows({"0", "NULL", "-3", "50"}));
  ASSERT_OK_AND_ASSIGN(auto rem, Call("%", {Datum(I32(7)), b}));
  EXPECT_EQ(Texts(rem), Rows({"1", "1", "NULL", "1"}));
  ASSERT_OK_AND_ASSIGN(auto null_scalar, Call("*", {a, Datum(Scalar::MakeNull(Int32()))}));
  EXPECT_EQ(Texts(null_scalar), Rows({"NULL", "NULL", "NULL", "NULL"}));
  EXPECT_EQ(Eval("-", {I32(2), I32(5)}), "-3");
  EXPECT_EQ(Eval("neg", {I64(5)}), "-5");
}

TEST(ArithmeticTest, SlicedAndEmptyColumns) {
  auto a = Column(Int64(), {"1", "2", std::nullopt, "4", "5"})->Slice(1, 3);
  auto b = Column(Int64(), {"10", "20", "30", std::nullopt, "50"})->Slice(2, 3);
  ASSERT_OK_AND_ASSIGN(auto sum, Call("+", {a, b}));
  EXPECT_EQ(Texts(sum), Rows({"32", "NULL", "54"}));
  auto empty = Column(Int64(), {});
  ASSERT_OK_AND_ASSIGN(auto none, Call("*", {empty, empty}));
  EXPECT_EQ(none.array()->length(), 0);
}

TEST(ArithmeticTest, IntegerOverflowIsAnError) {
  EXPECT_EQ(Eval("+", {I32(2147483647), I32(1)}), "error: integer out of range");
  EXPECT_EQ(Eval("*", {I64(INT64_MAX), I64(2)}), "error: bigint out of range");
  EXPECT_EQ(Eval("neg", {Scalar(Int16(), int64_t{-32768})}), "error: smallint out of range");
  EXPECT_EQ(Eval("/", {I32(INT32_MIN), I32(-1)}), "error: integer out of range");
  EXPECT_EQ(Eval("%", {I32(INT32_MIN), I32(-1)}), "0");
  auto a = Column(Int32(), {"1", "2147483647"});
  EXPECT_FALSE(Call("+", {a, Datum(I32(1))}).ok());
}

TEST(ArithmeticTest, DivisionByZero) {
  EXPECT_EQ(Eval("/", {I32(1), I32(0)}), "error: division by zero");
  EXPECT_EQ(Eval("%", {I64(1), I64(0)}), "error: division by zero");
  EXPECT_EQ(Eval("/", {F64(1), F64(0)}), "error: division by zero");
  // A NULL row's divisor slot may be 0: no error.
  auto a = Column(Int32(), {"1", std::nullopt});
  auto b = Column(Int32(), {"1", std::nullopt});
  ASSERT_OK_AND_ASSIGN(auto q, Call("/", {a, b}));
  EXPECT_EQ(Texts(q), Rows({"1", "NULL"}));
}

TEST(ArithmeticTest, FloatsFollowPostgres) {
  EXPECT_EQ(Eval("*", {F64(1.5), F64(2)}), "3");
  EXPECT_EQ(Eval("*", {F64(1e300), F64(1e300)}), "error: value out of range: overflow");
  EXPECT_EQ(Eval("*", {F64(1e-300), F64(1e-300)}), "error: value out of range: underflow");
  EXPECT_EQ(Eval("+", {F64(INFINITY), F64(1)}), "Infinity");
  EXPECT_EQ(Eval("/", {I32(7), F64(2)}), "3.5");
}

TEST(ArithmeticTest, DecimalResultTypesAndValues) {
  auto d = [](const char* v, int p, int s) { return Value(Decimal128(p, s), v); };
  ASSERT_OK_AND_ASSIGN(auto sum, Call("+", {d("1.25", 5, 2), d("2.5", 3, 1)}));
  EXPECT_EQ(sum.type()->ToString(), Decimal128(6, 2)->ToString());
  EXPECT_EQ(Texts(sum), Rows({"3.75"}));
  EXPECT_EQ(Eval("*", {d("1.25", 5, 2), d("-2.5", 3, 1)}), "-3.125");
  EXPECT_EQ(Eval("/", {d("1", 5, 0), d("3", 5, 0)}), "0.3333333333333333");
  EXPECT_EQ(Eval("/", {d("-2", 5, 0), d("3", 5, 0)}), "-0.6666666666666667");
  EXPECT_EQ(Eval("%", {d("7.5", 5, 1), d("2", 5, 0)}), "1.5");
  EXPECT_EQ(Eval("-", {d("7.5", 5, 1), I32(10)}), "-2.5");
  EXPECT_EQ(Eval("neg", {d("7.5", 5, 1)}), "-7.5");
  EXPECT_EQ(Eval("/", {d("1", 5, 0), d("0", 5, 0)}), "error: division by zero");
  auto big = d("99999999999999999999999999999999999999", 38, 0);
  EXPECT_NE(Eval("+", {big, big}).find("numeric field overflow"), std::string::npos);
  EXPECT_NE(Eval("*", {big, big}).find("numeric field overflow"), std::string::npos);
}

TEST(ArithmeticTest, DecimalColumnsWithNulls) {
  auto a = Column(Decimal128(10, 2), {"1.10", std::nullopt, "3.333"});
  ASSERT_OK_AND_ASSIGN(auto product, Call("*", {a, Datum(Value(Decimal128(3, 1), "2.0"))}));
  EXPECT_EQ(Texts(product), Rows({"2.200", "NULL", "6.660"}));
}

}  // namespace
}  // namespace bundlebase::sql
