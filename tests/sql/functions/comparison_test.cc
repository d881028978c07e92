// Comparison operators across types: NULLs, scalar/column mixes, slices, NaN, decimals of
// different scales, intervals by length, text bytewise.
#include <gtest/gtest.h>

#include "function_test_util.h"

namespace bundlebase::sql {
namespace {

using namespace testing;  // NOLINT

TEST(ComparisonTest, IntegersWithNullsAndScalars) {
  auto a = Column(Int32(), {"1", "2", std::nullopt, "4", "5", "6", "7", "8", "9"});
  ASSERT_OK_AND_ASSIGN(auto lt, Call("<", {a, Datum(I32(5))}));
  EXPECT_EQ(Texts(lt), Rows({"true", "true", "NULL", "true", "false", "false", "false", "false", "false"}));
  ASSERT_OK_AND_ASSIGN(auto ge, Call(">=", {Datum(I32(5)), a->Slice(3, 3)}));
  EXPECT_EQ(Texts(ge), Rows({"true", "true", "false"}));
  ASSERT_OK_AND_ASSIGN(auto eq, Call("=", {a, a}));
  EXPECT_EQ(Texts(eq)[2], "NULL");
  EXPECT_EQ(Texts(eq)[8], "true");
  EXPECT_EQ(Eval("<>", {I32(1), I64(1)}), "false");
  EXPECT_EQ(Eval("=", {I32(1), Scalar::MakeNull(Int32())}), "NULL");
}

TEST(ComparisonTest, FloatNaNIsEqualToItselfAndLargest) {
  EXPECT_EQ(Eval("=", {F64(NAN), F64(NAN)}), "true");
  EXPECT_EQ(Eval(">", {F64(NAN), F64(INFINITY)}), "true");
  EXPECT_EQ(Eval("<", {F64(1), F64(NAN)}), "true");
}

TEST(ComparisonTest, DecimalsOfDifferentScales) {
  EXPECT_EQ(Eval("=", {Value(Decimal128(5, 2), "1.50"), Value(Decimal128(3, 1), "1.5")}), "true");
  EXPECT_EQ(Eval("<", {Value(Decimal128(5, 2), "1.49"), Value(Decimal128(3, 1), "1.5")}), "true");
  EXPECT_EQ(Eval("<", {Value(Decimal128(38, 0), "99999999999999999999999999999999999999"),
                       Value(Decimal128(38, 10), "1.5")}),
            "false");
  EXPECT_EQ(Eval(">", {Value(Decimal128(5, 2), "1.01"), I32(1)}), "true");
}

TEST(ComparisonTest, TextIsBytewise) {
  auto a = Column(Utf8(), {"apple", "Banana", std::nullopt, "é", ""});
  ASSERT_OK_AND_ASSIGN(auto lt, Call("<", {a, Datum(Text("b"))}));
  EXPECT_EQ(Texts(lt), Rows({"true", "true", "NULL", "false", "true"}));
  EXPECT_EQ(Eval("=", {Text("a"), Text("a")}), "true");
}

TEST(ComparisonTest, TemporalAndBool) {
  EXPECT_EQ(Eval("<", {Value(Date32(), "2024-01-01"), Value(Date32(), "2024-01-02")}), "true");
  EXPECT_EQ(Eval("=", {Value(Date32(), "2024-01-01"), Value(Timestamp(), "2024-01-01 00:00:00")}), "true");
  EXPECT_EQ(Eval("=", {Scalar(Interval(), MonthDayNano{1, 0, 0}), Scalar(Interval(), MonthDayNano{0, 30, 0})}), "true");
  EXPECT_EQ(Eval(">", {Scalar(Interval(), MonthDayNano{0, 1, 0}), Scalar(Interval(), MonthDayNano{0, 0, 86399000000000})}), "true");
  EXPECT_EQ(Eval("<", {Scalar::FromBool(false), Scalar::FromBool(true)}), "true");
  auto b = Column(Bool(), {"true", std::nullopt, "false"});
  ASSERT_OK_AND_ASSIGN(auto eq, Call("=", {b, Datum(Scalar::FromBool(true))}));
  EXPECT_EQ(Texts(eq), Rows({"true", "NULL", "false"}));
}

TEST(ComparisonTest, EmptyColumns) {
  ASSERT_OK_AND_ASSIGN(auto out, Call("=", {Column(Utf8(), {}), Column(Utf8(), {})}));
  EXPECT_EQ(out.array()->length(), 0);
}

}  // namespace
}  // namespace bundlebase::sql
