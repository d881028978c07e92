// Math functions: exact-type rounding and abs, float functions with their domain errors,
// greatest/least with NULLs and mixed types, random.
#include <gtest/gtest.h>

#include "function_test_util.h"

namespace bundlebase::sql {
namespace {

using namespace testing;  // NOLINT

Scalar Dec(const char* v, int p, int s) { return Value(Decimal128(p, s), v); }

TEST(MathFunctionsTest, AbsKeepsTheType) {
  EXPECT_EQ(Eval("abs", {I32(-5)}), "5");
  EXPECT_EQ(Eval("abs", {I32(INT32_MIN)}), "error: integer out of range");
  EXPECT_EQ(Eval("abs", {Dec("-17.40", 5, 2)}), "17.40");
  EXPECT_EQ(Eval("abs", {F64(-0.5)}), "0.5");
  auto a = Column(Int64(), {"-1", std::nullopt, "3"});
  ASSERT_OK_AND_ASSIGN(auto out, Call("abs", {a}));
  EXPECT_EQ(Texts(out), Rows({"1", "NULL", "3"}));
}

TEST(MathFunctionsTest, Rounding) {
  EXPECT_EQ(Eval("round", {Dec("2.5", 3, 1)}), "3");
  EXPECT_EQ(Eval("round", {Dec("-2.5", 3, 1)}), "-3");
  EXPECT_EQ(Eval("round", {F64(2.5)}), "2");
  EXPECT_EQ(Eval("round", {F64(3.5)}), "4");
  EXPECT_EQ(Eval("round", {Dec("42.4382", 6, 4), I32(2)}), "42.4400");
  EXPECT_EQ(Eval("round", {Dec("1234.5", 5, 1), I32(-2)}), "1200.0");
  EXPECT_EQ(Eval("round", {Dec("9.99", 3, 2), I32(1)}), "10.00");
  EXPECT_EQ(Eval("ceil", {Dec("-42.8", 3, 1)}), "-42");
  EXPECT_EQ(Eval("ceiling", {F64(95.3)}), "96");
  EXPECT_EQ(Eval("floor", {Dec("-42.8", 3, 1)}), "-43");
  EXPECT_EQ(Eval("floor", {I32(7)}), "7");
  EXPECT_EQ(Eval("trunc", {Dec("42.87", 4, 2), I32(1)}), "42.80");
  EXPECT_EQ(Eval("trunc", {F64(-42.8)}), "-42");
  EXPECT_EQ(Eval("sign", {Dec("-8.4", 2, 1)}), "-1");
  EXPECT_EQ(Eval("sign", {F64(0)}), "0");
  EXPECT_EQ(Eval("mod", {I32(9), I32(4)}), "1");
  EXPECT_EQ(Eval("mod", {I32(-9), I32(4)}), "-1");
  EXPECT_EQ(Eval("mod", {I32(9), I32(0)}), "error: division by zero");
}

TEST(MathFunctionsTest, FloatFunctionsAndDomainErrors) {
  EXPECT_EQ(Eval("sqrt", {I32(16)}), "4");
  EXPECT_EQ(Eval("sqrt", {F64(-1)}), "error: cannot take square root of a negative number");
  EXPECT_EQ(Eval("cbrt", {F64(27)}), "3");
  EXPECT_EQ(Eval("power", {I32(2), I32(10)}), "1024");
  EXPECT_EQ(Eval("pow", {F64(0), F64(-1)}), "error: zero raised to a negative power is undefined");
  EXPECT_EQ(Eval("power", {F64(-8), F64(0.5)}),
            "error: a negative number raised to a non-integer power yields a complex result");
  EXPECT_EQ(Eval("ln", {F64(0)}), "error: cannot take logarithm of zero");
  EXPECT_EQ(Eval("ln", {F64(-1)}), "error: cannot take logarithm of a negative number");
  EXPECT_EQ(Eval("log", {F64(1000)}), "3");
  EXPECT_EQ(Eval("log10", {F64(100)}), "2");
  EXPECT_EQ(Eval("log", {F64(2), F64(64)}), "6");
  EXPECT_EQ(Eval("exp", {F64(0)}), "1");
  EXPECT_EQ(Eval("exp", {F64(1000)}), "error: value out of range: overflow");
  EXPECT_EQ(Eval("degrees", {F64(M_PI)}), "180");
  EXPECT_EQ(Eval("radians", {F64(180)}), "3.141592653589793");
  EXPECT_EQ(Eval("pi", {}), "3.141592653589793");
  auto a = Column(Float64(), {"4", std::nullopt, "-1"});
  EXPECT_FALSE(Call("sqrt", {a}).ok());
  ASSERT_OK_AND_ASSIGN(auto out, Call("sqrt", {a->Slice(0, 2)}));
  EXPECT_EQ(Texts(out), Rows({"2", "NULL"}));
}

TEST(MathFunctionsTest, GreatestAndLeastIgnoreNulls) {
  EXPECT_EQ(Eval("greatest", {I32(1), I32(5), Scalar::MakeNull(Int32()), I32(3)}), "5");
  EXPECT_EQ(Eval("least", {Dec("2.5", 2, 1), I32(1)}), "1.0");
  EXPECT_EQ(Eval("greatest", {Text("apple"), Text("pear")}), "pear");
  EXPECT_EQ(Eval("least", {Scalar::MakeNull(Int64()), Scalar::MakeNull(Int64())}), "NULL");
  auto a = Column(Int64(), {"1", std::nullopt, "7"});
  auto b = Column(Int64(), {"4", std::nullopt, std::nullopt});
  ASSERT_OK_AND_ASSIGN(auto out, Call("greatest", {a, b, Datum(I64(2))}));
  EXPECT_EQ(Texts(out), Rows({"4", "2", "7"}));
}

TEST(MathFunctionsTest, RandomIsInTheUnitInterval) {
  ASSERT_OK_AND_ASSIGN(auto out, Call("random", {}, 100));
  ASSERT_TRUE(out.is_array());
  const double* v = out.array()->values<double>();
  bool differ = false;
  for (int i = 0; i < 100; ++i) {
    EXPECT_GE(v[i], 0.0);
    EXPECT_LT(v[i], 1.0);
    differ |= v[i] != v[0];
  }
  EXPECT_TRUE(differ);
  EXPECT_EQ(FunctionRegistry::Default().FindScalar("random")->volatility, Volatility::kVolatile);
}

}  // namespace
}  // namespace bundlebase::sql
