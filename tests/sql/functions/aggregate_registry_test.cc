// The aggregates as the binder meets them: through FunctionRegistry::Default(), with PostgreSQL's
// overload resolution and implicit casts, and every function documented.
#include "aggregate_test_util.h"

namespace bundlebase::sql::aggtest {
namespace {

Result<ResolvedAggregateCall> ResolveDefault(const std::string& name,
                                             const std::vector<DataTypePtr>& types) {
  std::vector<ArgumentInfo> args;
  for (const DataTypePtr& type : types) {
    ArgumentInfo info;
    info.type = type;
    args.push_back(std::move(info));
  }
  return FunctionRegistry::Default().ResolveAggregate(name, args);
}

TEST(AggregateRegistry, EveryAggregateIsRegisteredAndDocumented) {
  for (const AggregateFunction& function : BuiltinAggregateFunctions()) {
    SCOPED_TRACE(function.name);
    const AggregateFunction* registered = FunctionRegistry::Default().FindAggregate(function.name);
    ASSERT_NE(registered, nullptr);
    EXPECT_FALSE(registered->doc.summary.empty());
    EXPECT_FALSE(registered->doc.usage.empty());
    EXPECT_FALSE(registered->doc.example.empty());
    EXPECT_FALSE(registered->kernels.empty());
  }
}

TEST(AggregateRegistry, ResolvesPostgresResultTypes) {
  struct Case {
    std::string name;
    std::vector<DataTypePtr> args;
    DataTypePtr output;
  };
  const std::vector<Case> cases = {
      {"count", {}, Int64()},
      {"count", {Utf8()}, Int64()},
      {"sum", {Int16()}, Int64()},
      {"sum", {Int64()}, Decimal128(38, 0)},
      {"sum", {Decimal128(12, 3)}, Decimal128(38, 3)},
      {"avg", {Int32()}, Decimal128(38, 16)},
      {"avg", {Float64()}, Float64()},
      {"max", {Timestamp(TimeUnit::kMicro, "UTC")}, Timestamp(TimeUnit::kMicro, "UTC")},
      {"min", {Utf8()}, Utf8()},
      {"stddev", {Int32()}, Float64()},
      {"string_agg", {Utf8(), Utf8()}, Utf8()},
      {"array_agg", {Date32()}, List(Date32())},
      {"bool_and", {Bool()}, Bool()},
      {"approx_count_distinct", {Utf8()}, Int64()},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    ASSERT_OK_AND_ASSIGN(ResolvedAggregateCall call, ResolveDefault(c.name, c.args));
    EXPECT_TRUE(call.output_type->Equals(*c.output)) << call.output_type->ToString();
  }
}

TEST(AggregateRegistry, ResolvedKernelRuns) {
  ASSERT_OK_AND_ASSIGN(ResolvedAggregateCall call, ResolveDefault("sum", {Int32()}));
  AggregateCallOptions options;
  options.arg_types = call.arg_types;
  options.output_type = call.output_type;
  ASSERT_OK_AND_ASSIGN(auto aggregator, call.kernel->make(options));
  ASSERT_OK(aggregator->Resize(1));
  std::vector<uint32_t> groups(3, 0);
  ASSERT_OK(aggregator->Update({Col(Int32(), {"4", std::nullopt, "5"})}, groups.data(), 3));
  ASSERT_OK_AND_ASSIGN(ArrayPtr result, aggregator->Finalize());
  EXPECT_EQ(Texts(*result), std::vector<std::string>{"9"});
}

TEST(AggregateRegistry, UnknownTypesAreErrors) {
  EXPECT_FALSE(ResolveDefault("sum", {Utf8()}).ok());
  EXPECT_FALSE(ResolveDefault("bool_or", {List(Int32())}).ok());
}

}  // namespace
}  // namespace bundlebase::sql::aggtest
