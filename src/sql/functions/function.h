// Functions: the contract between the binder and every scalar function, operator and aggregate.
//
// A function has a name, its documentation, and one kernel per signature (overload). The binder
// asks the registry (function_registry.h) to resolve a call against the argument types; the
// registry picks the kernel, says which arguments need an implicit cast and what the result type
// is. At run time the expression evaluator calls the kernel once per batch.
//
// Operators are functions too, registered under their symbol: "+", "-", "*", "/", "%", "=",
// "<>", "<", "<=", ">", ">=", "||", "~", "~*", "!~", "!~*", "like", "ilike" and the unary "neg".
// AND, OR, NOT, IS [NOT] NULL, CASE, COALESCE and CAST are not functions: the evaluator handles
// them, because they do not propagate NULL the usual way or short-circuit.
#pragma once

#include <functional>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "sql/functions/datum.h"

namespace bundlebase::sql {

// What one argument position of a signature accepts.
struct InputType {
  enum class Kind : uint8_t {
    kExact,   // a type Equal to `type`
    kTypeId,  // any type with this id, whatever its parameters (decimal(p, s), timestamp[unit, tz])
    kAny,     // anything
  };
  Kind kind = Kind::kAny;
  DataTypePtr type;            // kExact
  TypeId id = TypeId::kNull;   // kTypeId

  static InputType Exact(DataTypePtr t) { TypeId id = t->id(); return {Kind::kExact, std::move(t), id}; }
  static InputType OfId(TypeId id) { return {Kind::kTypeId, nullptr, id}; }
  static InputType Any() { return {}; }
  bool Matches(const DataType& t) const;
  std::string ToString() const;
};

// The result type of a kernel: fixed, or computed from the (already cast) argument types —
// e.g. decimal precision rules, or "same as the first argument".
using OutputTypeResolver =
    std::function<Result<DataTypePtr>(const std::vector<DataTypePtr>& arg_types)>;

// For the few functions whose result type depends on a constant argument's value —
// extract('second', ts) is numeric with 6 decimals, extract('year', ts) with none — the texts of
// the arguments that are string literals (empty where unknown or not a literal).
using LiteralOutputTypeResolver = std::function<Result<DataTypePtr>(
    const std::vector<DataTypePtr>& arg_types, const std::vector<std::string>& literal_texts)>;

struct OutputType {
  DataTypePtr fixed;             // used when `resolver` is empty
  OutputTypeResolver resolver;
  LiteralOutputTypeResolver literal_resolver = {};  // used, when set, before the other two
  Result<DataTypePtr> Resolve(const std::vector<DataTypePtr>& arg_types) const;
  Result<DataTypePtr> Resolve(const std::vector<DataTypePtr>& arg_types,
                              const std::vector<std::string>& literal_texts) const;
};

// Per-query state a kernel may read. One per thread, so kernels may keep scratch space here.
struct KernelContext {
  DataTypePtr output_type;      // the resolved result type of this call
  int64_t statement_time_us = 0;  // now()/current_timestamp: fixed for the whole statement
  std::mt19937_64* rng = nullptr;  // random(); per thread
};

// Evaluates the function over a batch. `args` are already cast to the kernel's input types; each
// is a column of `length` rows or a scalar. Returns a column of `length` rows, or a scalar when
// every argument is a scalar.
using ScalarKernelFn =
    std::function<Result<Datum>(KernelContext& ctx, const std::vector<Datum>& args,
                                int64_t length)>;

struct ScalarKernel {
  std::vector<InputType> inputs;
  bool variadic = false;  // the last input may repeat (concat, greatest, ...)
  OutputType output;
  ScalarKernelFn exec;
};

enum class Volatility : uint8_t {
  kImmutable,  // same inputs, same output: may be folded at plan time
  kStable,     // fixed within one statement (now(), current_date)
  kVolatile,   // may differ on every call (random())
};

struct FunctionDoc {
  std::string summary;   // one sentence: "Returns the number of characters in the string."
  std::string usage;     // "length(text) -> integer"
  std::string example;   // "length('hello') -> 5"
};

struct ScalarFunction {
  std::string name;  // lower case
  FunctionDoc doc;
  std::vector<ScalarKernel> kernels;
  Volatility volatility = Volatility::kImmutable;
};

// Grouped aggregation state for one aggregate call in one thread: an array of states indexed by
// group id. The hash aggregate assigns group ids; the ungrouped case uses the single group 0.
class GroupedAggregator {
 public:
  virtual ~GroupedAggregator() = default;
  // Makes groups [0, num_groups) exist (new groups start empty). Never shrinks.
  virtual Status Resize(int64_t num_groups) = 0;
  // Adds `length` rows: row i belongs to group group_ids[i] (< the size given to Resize).
  // `args` are the call's arguments (after the ORDER BY keys, if any — see
  // AggregateCallOptions) evaluated on the batch.
  virtual Status Update(const std::vector<Datum>& args, const uint32_t* group_ids,
                        int64_t length) = 0;
  // Folds `other` (made by the same kernel with the same options) into this one: other's group
  // g is this aggregator's group group_map[g]. `other` is left unusable.
  virtual Status Merge(GroupedAggregator& other, const uint32_t* group_map) = 0;
  // One value per group, group 0 first, of the call's output type.
  virtual Result<ArrayPtr> Finalize() = 0;
};

struct SortKeySpec {
  bool ascending = true;
  bool nulls_first = false;  // PostgreSQL's default: NULLS LAST for ASC, NULLS FIRST for DESC
};

struct AggregateCallOptions {
  DataTypePtr output_type;
  std::vector<DataTypePtr> arg_types;  // after implicit casts
  bool distinct = false;               // count(DISTINCT x): each distinct value once per group
  // string_agg(x, ',' ORDER BY y DESC): the keys' values arrive as extra arguments after the
  // regular ones, in this order.
  std::vector<SortKeySpec> order_by;
};

using AggregatorFactory = std::function<Result<std::unique_ptr<GroupedAggregator>>(
    const AggregateCallOptions& options)>;

struct AggregateKernel {
  std::vector<InputType> inputs;  // count(*) has none
  OutputType output;
  AggregatorFactory make;
};

struct AggregateFunction {
  std::string name;  // lower case
  FunctionDoc doc;
  std::vector<AggregateKernel> kernels;
};

}  // namespace bundlebase::sql
