// Overload resolution: exact matches, implicit-cast costs, untyped literals, error messages
// with hints, ambiguity, and the common super type used by CASE/UNION/COALESCE.
#include "sql/functions/function_registry.h"

#include <gtest/gtest.h>

#include "sql/functions/implicit_cast.h"
#include "sql/functions/kernel_util.h"
#include "test_util.h"

namespace bundlebase::sql {
namespace {

ArgumentInfo Typed(DataTypePtr t) { return {std::move(t), false}; }
ArgumentInfo Untyped() { return {Utf8(), true}; }
ArgumentInfo NullLiteral() { return {Null(), true}; }

TEST(FunctionRegistryTest, ExactMatchKeepsTypes) {
  ASSERT_OK_AND_ASSIGN(auto call, FunctionRegistry::Default().ResolveScalar(
                                      "+", {Typed(Int32()), Typed(Int32())}));
  EXPECT_TRUE(call.output_type->Equals(*Int32()));
  EXPECT_TRUE(call.arg_types[0]->Equals(*Int32()));
}

TEST(FunctionRegistryTest, MixedIntegersWidenToTheLarger) {
  ASSERT_OK_AND_ASSIGN(auto call, FunctionRegistry::Default().ResolveScalar(
                                      "+", {Typed(Int16()), Typed(Int64())}));
  EXPECT_TRUE(call.arg_types[0]->Equals(*Int64()));
  EXPECT_TRUE(call.output_type->Equals(*Int64()));
}

TEST(FunctionRegistryTest, IntegerAndDecimalBecomeDecimal) {
  ASSERT_OK_AND_ASSIGN(auto call, FunctionRegistry::Default().ResolveScalar(
                                      "*", {Typed(Int32()), Typed(Decimal128(5, 2))}));
  EXPECT_EQ(call.arg_types[0]->ToString(), Decimal128(10, 0)->ToString());
  EXPECT_EQ(call.output_type->ToString(), Decimal128(15, 2)->ToString());
}

TEST(FunctionRegistryTest, DecimalAndFloatBecomeFloat) {
  ASSERT_OK_AND_ASSIGN(auto call, FunctionRegistry::Default().ResolveScalar(
                                      "-", {Typed(Decimal128(5, 2)), Typed(Float64())}));
  EXPECT_TRUE(call.output_type->Equals(*Float64()));
}

TEST(FunctionRegistryTest, UnsignedWidensToTheNextSignedType) {
  ASSERT_OK_AND_ASSIGN(auto call, FunctionRegistry::Default().ResolveScalar(
                                      "+", {Typed(UInt8()), Typed(UInt8())}));
  EXPECT_TRUE(call.output_type->Equals(*Int16()));
  ASSERT_OK_AND_ASSIGN(call, FunctionRegistry::Default().ResolveScalar(
                                 "+", {Typed(UInt64()), Typed(Int32())}));
  EXPECT_EQ(call.arg_types[0]->ToString(), Decimal128(20, 0)->ToString());
}

TEST(FunctionRegistryTest, UntypedLiteralTakesTheOtherArgumentsType) {
  ASSERT_OK_AND_ASSIGN(auto call, FunctionRegistry::Default().ResolveScalar(
                                      "=", {Typed(Date32()), Untyped()}));
  EXPECT_TRUE(call.arg_types[1]->Equals(*Date32()));
  ASSERT_OK_AND_ASSIGN(call, FunctionRegistry::Default().ResolveScalar(
                                 "<", {Untyped(), Typed(Timestamp(TimeUnit::kMicro, "UTC"))}));
  EXPECT_TRUE(call.arg_types[0]->Equals(*Timestamp(TimeUnit::kMicro, "UTC")));
}

TEST(FunctionRegistryTest, TwoUntypedLiteralsPreferText) {
  ASSERT_OK_AND_ASSIGN(auto call,
                       FunctionRegistry::Default().ResolveScalar("=", {Untyped(), Untyped()}));
  EXPECT_TRUE(call.arg_types[0]->Equals(*Utf8()));
}

TEST(FunctionRegistryTest, DateWidensToTimestamp) {
  ASSERT_OK_AND_ASSIGN(auto call, FunctionRegistry::Default().ResolveScalar(
                                      "=", {Typed(Date32()), Typed(Timestamp())}));
  EXPECT_TRUE(call.arg_types[0]->Equals(*Timestamp()));
  ASSERT_OK_AND_ASSIGN(call, FunctionRegistry::Default().ResolveScalar(
                                 "=", {Typed(Timestamp()), Typed(Timestamp(TimeUnit::kMicro, "UTC"))}));
  EXPECT_TRUE(call.arg_types[0]->Equals(*Timestamp(TimeUnit::kMicro, "UTC")));
}

TEST(FunctionRegistryTest, NamesAreCaseInsensitive) {
  EXPECT_NE(FunctionRegistry::Default().FindScalar("+"), nullptr);
  ASSERT_OK(FunctionRegistry::Default().ResolveScalar("NEG", {Typed(Int32())}));
}

TEST(FunctionRegistryTest, UnknownFunctionSuggestsTheClosestName) {
  FunctionRegistry registry;
  ScalarFunction length;
  length.name = "length";
  length.kernels.push_back(MakeKernel({In(Utf8())}, Int32(), nullptr));
  ASSERT_OK(registry.AddScalar(std::move(length)));
  auto st = registry.ResolveScalar("lenght", {Typed(Int32())}).status();
  EXPECT_TRUE(st.IsKeyError());
  EXPECT_EQ(st.message(), "function lenght(integer) does not exist. Did you mean length?");
  st = registry.ResolveScalar("zzzzzz", {}).status();
  EXPECT_EQ(st.message(), "function zzzzzz() does not exist");
}

TEST(FunctionRegistryTest, WrongTypesSayToAddCasts) {
  auto st = FunctionRegistry::Default()
                .ResolveScalar("+", {Typed(Int32()), Typed(Utf8())})
                .status();
  EXPECT_TRUE(st.IsTypeError());
  EXPECT_NE(st.message().find("operator does not exist: integer + text"), std::string::npos)
      << st.message();
  EXPECT_NE(st.message().find("You might need to add explicit type casts."), std::string::npos);
}

TEST(FunctionRegistryTest, AmbiguousCallIsAnError) {
  auto st = FunctionRegistry::Default()
                .ResolveScalar("+", {NullLiteral(), NullLiteral()})
                .status();
  EXPECT_TRUE(st.IsTypeError());
  EXPECT_NE(st.message().find("operator is not unique: unknown + unknown"), std::string::npos)
      << st.message();
}

TEST(FunctionRegistryTest, AddingTheSameNameMergesKernels) {
  FunctionRegistry registry;
  ScalarFunction a;
  a.name = "f";
  a.doc.summary = "first";
  a.kernels.push_back(MakeKernel({In(Utf8())}, Int32(), nullptr));
  ScalarFunction b;
  b.name = "F";
  b.kernels.push_back(MakeKernel({In(Int32())}, Int32(), nullptr));
  ASSERT_OK(registry.AddScalar(std::move(a)));
  ASSERT_OK(registry.AddScalar(std::move(b)));
  ASSERT_EQ(registry.FindScalar("f")->kernels.size(), 2u);
  EXPECT_EQ(registry.FindScalar("f")->doc.summary, "first");
  EXPECT_EQ(registry.ScalarNames(), std::vector<std::string>{"f"});
}

TEST(FunctionRegistryTest, VariadicKernelsTakeAnyCountFromTheirArity) {
  FunctionRegistry registry;
  ScalarFunction f;
  f.name = "v";
  ScalarKernel k = MakeKernel({In(Utf8())}, Utf8(), nullptr);
  k.variadic = true;
  f.kernels.push_back(k);
  ASSERT_OK(registry.AddScalar(std::move(f)));
  ASSERT_OK(registry.ResolveScalar("v", {Typed(Utf8()), Typed(Utf8()), Untyped()}));
  EXPECT_FALSE(registry.ResolveScalar("v", {}).ok());
}

TEST(CommonSuperTypeTest, NumbersPromoteToTheWidest) {
  ASSERT_OK_AND_ASSIGN(auto t, CommonSuperType({Typed(Int32()), Typed(Int64()), Untyped()}));
  EXPECT_TRUE(t->Equals(*Int64()));
  ASSERT_OK_AND_ASSIGN(t, CommonSuperType({Typed(Int32()), Typed(Decimal128(5, 2))}));
  EXPECT_EQ(t->ToString(), Decimal128(12, 2)->ToString());
  ASSERT_OK_AND_ASSIGN(t, CommonSuperType({Typed(Decimal128(5, 2)), Typed(Float32())}));
  EXPECT_TRUE(t->Equals(*Float32()));
}

TEST(CommonSuperTypeTest, UntypedOnlyIsText) {
  ASSERT_OK_AND_ASSIGN(auto t, CommonSuperType({Untyped(), NullLiteral()}));
  EXPECT_TRUE(t->Equals(*Utf8()));
  ASSERT_OK_AND_ASSIGN(t, CommonSuperType({Typed(Date32()), Untyped()}));
  EXPECT_TRUE(t->Equals(*Date32()));
}

TEST(CommonSuperTypeTest, DatesAndTimestampsPromote) {
  ASSERT_OK_AND_ASSIGN(auto t, CommonSuperType({Typed(Date32()), Typed(Timestamp())}));
  EXPECT_TRUE(t->Equals(*Timestamp()));
}

TEST(CommonSuperTypeTest, MismatchedCategoriesAreAnError) {
  auto st = CommonSuperType({Typed(Int32()), Typed(Utf8())}).status();
  EXPECT_EQ(st.message(), "CASE types integer and text cannot be matched");
  st = CommonSuperType({Typed(Bool()), Typed(Date32())}, "UNION").status();
  EXPECT_EQ(st.message(), "UNION types boolean and date cannot be matched");
}

TEST(ImplicitCastTest, NarrowingAndTextAreNotImplicit) {
  EXPECT_FALSE(ImplicitCastCost(*Int64(), *Int32()));
  EXPECT_FALSE(ImplicitCastCost(*Int32(), *Utf8()));
  EXPECT_FALSE(ImplicitCastCost(*Float64(), *Decimal128(10, 2)));
  EXPECT_FALSE(ImplicitCastCost(*Timestamp(TimeUnit::kMicro, "UTC"), *Timestamp()));
  EXPECT_EQ(*ImplicitCastCost(*Int32(), *Int64()), 1);
  EXPECT_EQ(SqlTypeName(*List(Int64())), "bigint[]");
}

}  // namespace
}  // namespace bundlebase::sql
