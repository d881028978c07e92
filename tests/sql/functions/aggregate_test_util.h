// Helpers for the aggregate tests: columns from text, picking an aggregate kernel from the
// built-in list by its argument types, and running aggregators (alone, grouped, or split over
// several "threads" and merged) with the results read back as text.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "columnar/builder.h"
#include "columnar/cast.h"
#include "columnar/value_formatting.h"
#include "sql/functions/aggregate_functions.h"
#include "test_util.h"

namespace bundlebase::sql::aggtest {

// A column of `type` from text values (nullopt = NULL), parsed by the columnar casts.
inline ArrayPtr Col(const DataTypePtr& type,
                    const std::vector<std::optional<std::string>>& values) {
  BinaryBuilder builder(Utf8());
  for (const auto& v : values) EXPECT_TRUE((v ? builder.Append(*v) : builder.AppendNull()).ok());
  auto text = builder.Finish();
  EXPECT_TRUE(text.ok());
  auto cast = Cast(*text, type);
  EXPECT_TRUE(cast.ok()) << cast.status().ToString();
  return *cast;
}

inline Scalar Val(const DataTypePtr& type, std::optional<std::string> text) {
  if (!text) return Scalar::MakeNull(type);
  auto cast = CastScalar(Scalar::FromUtf8(*text), type);
  EXPECT_TRUE(cast.ok()) << cast.status().ToString();
  return *cast;
}

inline bool Accepts(const InputType& input, const DataType& type) {
  switch (input.kind) {
    case InputType::Kind::kExact: return input.type->Equals(type);
    case InputType::Kind::kTypeId: return input.id == type.id();
    case InputType::Kind::kAny: return true;
  }
  return false;
}

struct Call {
  const AggregateKernel* kernel = nullptr;
  AggregateCallOptions options;
};

// The kernel of `name` taking exactly `arg_types` (no implicit casts), with its output type.
inline Result<Call> Resolve(const std::string& name, const std::vector<DataTypePtr>& arg_types) {
  static const std::vector<AggregateFunction> functions = BuiltinAggregateFunctions();
  for (const AggregateFunction& function : functions) {
    if (function.name != name) continue;
    for (const AggregateKernel& kernel : function.kernels) {
      if (kernel.inputs.size() != arg_types.size()) continue;
      bool match = true;
      for (size_t i = 0; i < arg_types.size(); ++i) {
        match = match && Accepts(kernel.inputs[i], *arg_types[i]);
      }
      if (!match) continue;
      Call call{&kernel, {}};
      call.options.arg_types = arg_types;
      if (kernel.output.resolver) {
        BB_ASSIGN_OR_RAISE(call.options.output_type, kernel.output.resolver(arg_types));
      } else {
        call.options.output_type = kernel.output.fixed;
      }
      return call;
    }
  }
  return Status::KeyError("no aggregate {} for these types", name);
}

// The rows of an array as text, "NULL" for nulls.
inline std::vector<std::string> Texts(const Array& array) {
  std::vector<std::string> out;
  for (int64_t i = 0; i < array.length(); ++i) {
    auto scalar = GetScalar(array, i);
    EXPECT_TRUE(scalar.ok());
    out.push_back(scalar->is_null() ? "NULL" : FormatScalar(*scalar));
  }
  return out;
}

// One batch fed to one aggregator: its arguments and the group of every row (empty: group 0).
struct Batch {
  std::vector<Datum> args;
  std::vector<uint32_t> groups;
  int64_t length = -1;  // defaults to the first column's length
};

inline int64_t BatchLength(const Batch& batch) {
  if (batch.length >= 0) return batch.length;
  for (const Datum& d : batch.args) {
    if (d.is_array()) return d.array()->length();
  }
  return static_cast<int64_t>(batch.groups.size());
}

struct RunOptions {
  bool distinct = false;
  std::vector<SortKeySpec> order_by;  // the keys are the last arguments of every batch
  int64_t num_groups = 1;
};

inline RunOptions Groups(int64_t num_groups) {
  RunOptions options;
  options.num_groups = num_groups;
  return options;
}

// Feeds `threads[t]`'s batches to aggregator t, merges them all into the first with the
// identity group map, finalizes, and checks the result type against the resolved one.
inline Result<std::vector<std::string>> RunThreads(const std::string& name,
                                                   const std::vector<DataTypePtr>& arg_types,
                                                   const std::vector<std::vector<Batch>>& threads,
                                                   const RunOptions& run = {}) {
  BB_ASSIGN_OR_RAISE(Call call, Resolve(name, arg_types));
  call.options.distinct = run.distinct;
  call.options.order_by = run.order_by;
  std::vector<std::unique_ptr<GroupedAggregator>> aggregators;
  for (const auto& batches : threads) {
    BB_ASSIGN_OR_RAISE(auto aggregator, call.kernel->make(call.options));
    BB_RETURN_NOT_OK(aggregator->Resize(run.num_groups));
    for (const Batch& batch : batches) {
      const int64_t length = BatchLength(batch);
      std::vector<uint32_t> zeros(static_cast<size_t>(length), 0);
      const uint32_t* groups = batch.groups.empty() ? zeros.data() : batch.groups.data();
      BB_RETURN_NOT_OK(aggregator->Update(batch.args, groups, length));
    }
    aggregators.push_back(std::move(aggregator));
  }
  std::vector<uint32_t> identity(static_cast<size_t>(run.num_groups));
  for (size_t g = 0; g < identity.size(); ++g) identity[g] = static_cast<uint32_t>(g);
  for (size_t t = 1; t < aggregators.size(); ++t) {
    BB_RETURN_NOT_OK(aggregators[0]->Merge(*aggregators[t], identity.data()));
  }
  BB_ASSIGN_OR_RAISE(ArrayPtr result, aggregators[0]->Finalize());
  if (!result->type()->Equals(*call.options.output_type)) {
    return Status::Internal("aggregate returned {} but resolved {}", result->type()->ToString(),
                            call.options.output_type->ToString());
  }
  if (result->length() != run.num_groups) {
    return Status::Internal("aggregate returned {} rows for {} groups", result->length(),
                            run.num_groups);
  }
  return Texts(*result);
}

// One aggregator, one batch.
inline Result<std::vector<std::string>> RunAgg(const std::string& name, std::vector<Datum> args,
                                            std::vector<uint32_t> groups = {},
                                            RunOptions run = {}) {
  std::vector<DataTypePtr> types;
  for (const Datum& d : args) types.push_back(d.type());
  types.resize(types.size() - run.order_by.size());
  Batch batch{std::move(args), std::move(groups)};
  return RunThreads(name, types, {{batch}}, run);
}

// The single result of an ungrouped aggregate over one column.
inline std::string One(const std::string& name, const ArrayPtr& column) {
  auto result = RunAgg(name, {column});
  EXPECT_TRUE(result.ok()) << result.status().ToString();
  return result.ok() && result->size() == 1 ? (*result)[0] : "<error>";
}

}  // namespace bundlebase::sql::aggtest
