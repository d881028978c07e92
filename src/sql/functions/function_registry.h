// FunctionRegistry: every scalar function, operator and aggregate by name, with overload
// resolution as PostgreSQL does it.
//
// Resolution picks, for a call `name(args)`, the kernel whose inputs the argument types match
// exactly; failing that, the cheapest kernel reachable through implicit casts (integer widening,
// integer -> decimal -> float, an untyped literal to anything — see implicit_cast.h). Ties are an
// "is not unique" error, no match is "function f(integer, text) does not exist" with the
// closest names as a hint. Names are case-insensitive.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "sql/functions/function.h"

namespace bundlebase::sql {

// What the binder knows about one argument of a call.
struct ArgumentInfo {
  DataTypePtr type;
  // A string literal or NULL literal whose type is not fixed yet ('2024-01-01' compared with a
  // date column is a date), as PostgreSQL's "unknown" type.
  bool untyped_literal = false;
  // The value of a string literal argument, when the binder has one: a few functions' result
  // types depend on it (extract's field decides the numeric scale). Optional.
  std::string literal_text = {};
};

struct ResolvedScalarCall {
  const ScalarFunction* function = nullptr;
  const ScalarKernel* kernel = nullptr;
  std::vector<DataTypePtr> arg_types;  // the type each argument must be cast to (may be equal)
  DataTypePtr output_type;
};

struct ResolvedAggregateCall {
  const AggregateFunction* function = nullptr;
  const AggregateKernel* kernel = nullptr;
  std::vector<DataTypePtr> arg_types;
  DataTypePtr output_type;
};

class FunctionRegistry {
 public:
  // Adding a scalar function whose name exists appends its kernels (the first doc stays), so
  // operators such as "+" can gather kernels from several families.
  Status AddScalar(ScalarFunction function);
  Status AddAggregate(AggregateFunction function);

  const ScalarFunction* FindScalar(std::string_view name) const;
  const AggregateFunction* FindAggregate(std::string_view name) const;

  Result<ResolvedScalarCall> ResolveScalar(std::string_view name,
                                           const std::vector<ArgumentInfo>& args) const;
  Result<ResolvedAggregateCall> ResolveAggregate(std::string_view name,
                                                 const std::vector<ArgumentInfo>& args) const;

  // Every function name, sorted, for "did you mean" hints and documentation.
  std::vector<std::string> ScalarNames() const;
  std::vector<std::string> AggregateNames() const;

  // The registry with every built-in function (builtin_functions.cc), built once.
  static const FunctionRegistry& Default();

 private:
  std::map<std::string, ScalarFunction, std::less<>> scalars_;
  std::map<std::string, AggregateFunction, std::less<>> aggregates_;
};

}  // namespace bundlebase::sql
