// Every kernel of every registered scalar function, run on empty columns, all-NULL columns
// (sliced, so offsets are non-zero) and NULL scalars: no crash, the right number of rows, the
// resolved type, and NULL results for NULL inputs (all functions are strict except concat,
// concat_ws, greatest and least, which skip NULLs).
#include <set>

#include <gtest/gtest.h>

#include "function_test_util.h"

namespace bundlebase::sql {
namespace {

DataTypePtr ConcreteType(const InputType& input) {
  switch (input.kind) {
    case InputType::Kind::kExact: return input.type;
    case InputType::Kind::kAny: return Utf8();
    case InputType::Kind::kTypeId:
      if (input.id == TypeId::kDecimal128) return Decimal128(10, 2);
      if (input.id == TypeId::kTimestamp) return Timestamp();
      if (input.id == TypeId::kTime64) return Time64();
      return PrimitiveType(input.id);
  }
  return Utf8();
}

struct Case {
  std::string function;
  const ScalarKernel* kernel;
  std::vector<DataTypePtr> types;
};

std::vector<Case> AllKernels() {
  std::vector<Case> cases;
  const FunctionRegistry& registry = FunctionRegistry::Default();
  for (const auto& name : registry.ScalarNames()) {
    const ScalarFunction* f = registry.FindScalar(name);
    for (const auto& kernel : f->kernels) {
      if (kernel.inputs.empty()) continue;
      std::vector<DataTypePtr> types;
      for (const auto& input : kernel.inputs) types.push_back(ConcreteType(input));
      if (kernel.variadic) types.push_back(types.back());
      cases.push_back({name, &kernel, types});
    }
  }
  return cases;
}

bool SkipsNulls(const std::string& name) {
  static const std::set<std::string> kNonStrict = {"concat", "concat_ws", "greatest", "least"};
  return kNonStrict.count(name) > 0;
}

Result<Datum> RunKernel(const Case& c, std::vector<Datum> args, int64_t length) {
  BB_ASSIGN_OR_RAISE(DataTypePtr out_type, c.kernel->output.Resolve(c.types));
  std::mt19937_64 rng(1);
  KernelContext ctx;
  ctx.output_type = out_type;
  ctx.rng = &rng;
  BB_ASSIGN_OR_RAISE(Datum out, c.kernel->exec(ctx, args, length));
  if (!out.type()->Equals(*out_type)) {
    return Status::Internal("returned {} instead of {}", out.type()->ToString(), out_type->ToString());
  }
  return out;
}

TEST(KernelRobustnessTest, EmptyColumns) {
  for (const auto& c : AllKernels()) {
    std::vector<Datum> args;
    for (const auto& t : c.types) args.push_back(*MakeNullArray(t, 0));
    auto out = RunKernel(c, args, 0);
    ASSERT_TRUE(out.ok()) << c.function << ": " << out.status().ToString();
    ASSERT_TRUE(out->is_array()) << c.function;
    EXPECT_EQ(out->array()->length(), 0) << c.function;
  }
}

TEST(KernelRobustnessTest, NullColumnsGiveNulls) {
  for (const auto& c : AllKernels()) {
    std::vector<Datum> args;
    for (const auto& t : c.types) args.push_back((*MakeNullArray(t, 7))->Slice(3, 3));
    auto out = RunKernel(c, args, 3);
    ASSERT_TRUE(out.ok()) << c.function << ": " << out.status().ToString();
    ASSERT_TRUE(out->is_array()) << c.function;
    ASSERT_EQ(out->array()->length(), 3) << c.function;
    if (!SkipsNulls(c.function)) {
      EXPECT_EQ(out->array()->null_count(), 3) << c.function;
    }
  }
}

TEST(KernelRobustnessTest, NullScalarsGiveANullScalar) {
  for (const auto& c : AllKernels()) {
    std::vector<Datum> args;
    for (const auto& t : c.types) args.push_back(Scalar::MakeNull(t));
    auto out = RunKernel(c, args, 5);
    ASSERT_TRUE(out.ok()) << c.function << ": " << out.status().ToString();
    ASSERT_TRUE(out->is_scalar()) << c.function;
    if (!SkipsNulls(c.function)) {
      EXPECT_TRUE(out->scalar().is_null()) << c.function;
    }
  }
}

TEST(KernelRobustnessTest, NullScalarWithAColumn) {
  for (const auto& c : AllKernels()) {
    if (c.types.size() < 2) continue;
    std::vector<Datum> args;
    args.push_back(*MakeNullArray(c.types[0], 4));
    for (size_t k = 1; k < c.types.size(); ++k) args.push_back(Scalar::MakeNull(c.types[k]));
    auto out = RunKernel(c, args, 4);
    ASSERT_TRUE(out.ok()) << c.function << ": " << out.status().ToString();
    ASSERT_TRUE(out->is_array()) << c.function;
    EXPECT_EQ(out->array()->length(), 4) << c.function;
  }
}

}  // namespace
}  // namespace bundlebase::sql
