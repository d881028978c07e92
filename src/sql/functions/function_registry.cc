// FunctionRegistry: storage by lower-case name and PostgreSQL-style overload resolution (exact
// match, else the cheapest implicit casts, else an error naming the call with a hint).
#include "sql/functions/function_registry.h"

#include <algorithm>
#include <limits>
#include <mutex>

#include "base/strings.h"
#include "sql/functions/builtin_functions.h"
#include "sql/functions/implicit_cast.h"

namespace bundlebase::sql {

namespace {

bool IsOperatorName(std::string_view name) {
  return !name.empty() && !(name[0] >= 'a' && name[0] <= 'z') && name[0] != '_';
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string ArgumentList(const std::vector<ArgumentInfo>& args) {
  std::string out;
  for (size_t i = 0; i < args.size(); ++i) {
    if (i) out += ", ";
    out += args[i].type && !args[i].untyped_literal ? SqlTypeName(*args[i].type) : "unknown";
  }
  return out;
}

// "integer + text", "- text" or "lenght(integer)": the call as PostgreSQL's errors show it.
std::string Signature(std::string_view name, const std::vector<ArgumentInfo>& args) {
  if (name == "neg" && args.size() == 1) return "- " + ArgumentList(args);
  std::string op = name == "like" ? "LIKE" : name == "ilike" ? "ILIKE" : std::string(name);
  if ((IsOperatorName(name) || name == "like" || name == "ilike") && args.size() == 2) {
    return ArgumentList({args[0]}) + " " + op + " " + ArgumentList({args[1]});
  }
  return op + "(" + ArgumentList(args) + ")";
}

bool IsOperatorCall(std::string_view name) {
  return IsOperatorName(name) || name == "neg" || name == "like" || name == "ilike";
}

std::string CallText(std::string_view name, const std::vector<ArgumentInfo>& args) {
  if (IsOperatorCall(name)) return "operator does not exist: " + Signature(name, args);
  return "function " + Signature(name, args) + " does not exist";
}

std::string ClosestName(std::string_view name, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_distance = std::max<size_t>(1, std::min<size_t>(3, name.size() / 3));
  for (const auto& candidate : candidates) {
    if (IsOperatorName(candidate)) continue;
    size_t d = EditDistance(name, candidate);
    if (d <= best_distance && (best.empty() || d < best_distance)) {
      best = candidate;
      best_distance = d;
    }
  }
  return best;
}

struct Choice {
  size_t kernel_index = 0;
  std::vector<DataTypePtr> arg_types;
};

// The cheapest kernel of `inputs_of(k)` for `args`, or an error.
template <typename Kernels>
Result<Choice> ChooseKernel(std::string_view name, const Kernels& kernels,
                            const std::vector<ArgumentInfo>& args) {
  int best_cost = std::numeric_limits<int>::max();
  int ties = 0;
  Choice best;
  for (size_t k = 0; k < kernels.size(); ++k) {
    const auto& inputs = kernels[k].inputs;
    bool variadic = false;
    if constexpr (requires { kernels[k].variadic; }) variadic = kernels[k].variadic;
    if (variadic ? args.size() < inputs.size() : args.size() != inputs.size()) continue;
    int cost = 0;
    std::vector<DataTypePtr> types;
    bool ok = true;
    for (size_t i = 0; i < args.size() && ok; ++i) {
      const InputType& input = inputs[std::min(i, inputs.size() - 1)];
      auto cast = PlanArgumentCast(args, i, input);
      if (!cast) {
        ok = false;
      } else {
        cost += cast->cost;
        types.push_back(cast->target);
      }
    }
    if (!ok) continue;
    if (cost < best_cost) {
      best_cost = cost;
      ties = 1;
      best = Choice{k, std::move(types)};
    } else if (cost == best_cost) {
      ++ties;
    }
  }
  if (ties == 0) {
    return Status::TypeError(
        "{}. No function matches the given name and argument types. You might need to add "
        "explicit type casts.",
        CallText(name, args));
  }
  if (ties > 1) {
    if (IsOperatorCall(name)) {
      return Status::TypeError(
          "operator is not unique: {}. Could not choose a best candidate operator. You might "
          "need to add explicit type casts.",
          Signature(name, args));
    }
    return Status::TypeError(
        "function {} is not unique. Could not choose a best candidate function. You might need "
        "to add explicit type casts.",
        Signature(name, args));
  }
  return best;
}

}  // namespace

Status FunctionRegistry::AddScalar(ScalarFunction function) {
  function.name = ToLower(function.name);
  if (function.kernels.empty()) {
    return Status::Internal("scalar function {} has no kernels", function.name);
  }
  auto it = scalars_.find(function.name);
  if (it == scalars_.end()) {
    scalars_.emplace(function.name, std::move(function));
    return Status::OK();
  }
  // Operators gather kernels from several families ("+" for numbers, decimals and dates).
  if (it->second.volatility != function.volatility) {
    return Status::Internal("scalar function {} registered with two volatilities", it->first);
  }
  for (auto& kernel : function.kernels) it->second.kernels.push_back(std::move(kernel));
  return Status::OK();
}

Status FunctionRegistry::AddAggregate(AggregateFunction function) {
  function.name = ToLower(function.name);
  if (function.kernels.empty()) {
    return Status::Internal("aggregate function {} has no kernels", function.name);
  }
  auto [it, inserted] = aggregates_.try_emplace(function.name, std::move(function));
  if (!inserted) {
    return Status::AlreadyExists("aggregate function {} is already registered", it->first);
  }
  return Status::OK();
}

const ScalarFunction* FunctionRegistry::FindScalar(std::string_view name) const {
  auto it = scalars_.find(ToLower(name));
  return it == scalars_.end() ? nullptr : &it->second;
}

const AggregateFunction* FunctionRegistry::FindAggregate(std::string_view name) const {
  auto it = aggregates_.find(ToLower(name));
  return it == aggregates_.end() ? nullptr : &it->second;
}

Result<ResolvedScalarCall> FunctionRegistry::ResolveScalar(
    std::string_view name, const std::vector<ArgumentInfo>& args) const {
  const ScalarFunction* function = FindScalar(name);
  if (!function) {
    std::string lowered = ToLower(name);
    if (FindAggregate(lowered)) {
      return Status::TypeError("{} is an aggregate function; it cannot be used here", lowered);
    }
    std::vector<std::string> names = ScalarNames();
    std::vector<std::string> aggregates = AggregateNames();
    names.insert(names.end(), aggregates.begin(), aggregates.end());
    std::string hint = ClosestName(lowered, names);
    if (hint.empty()) return Status::KeyError("{}", CallText(lowered, args));
    return Status::KeyError("{}. Did you mean {}?", CallText(lowered, args), hint);
  }
  BB_ASSIGN_OR_RAISE(Choice choice, ChooseKernel(function->name, function->kernels, args));
  const ScalarKernel& kernel = function->kernels[choice.kernel_index];
  std::vector<std::string> literals;
  for (const auto& arg : args) literals.push_back(arg.literal_text);
  BB_ASSIGN_OR_RAISE(DataTypePtr output, kernel.output.Resolve(choice.arg_types, literals));
  return ResolvedScalarCall{function, &kernel, std::move(choice.arg_types), std::move(output)};
}

Result<ResolvedAggregateCall> FunctionRegistry::ResolveAggregate(
    std::string_view name, const std::vector<ArgumentInfo>& args) const {
  const AggregateFunction* function = FindAggregate(name);
  if (!function) {
    std::string lowered = ToLower(name);
    std::string hint = ClosestName(lowered, AggregateNames());
    std::string text = CallText(lowered, args);
    if (hint.empty()) return Status::KeyError("{}", text);
    return Status::KeyError("{}. Did you mean {}?", text, hint);
  }
  BB_ASSIGN_OR_RAISE(Choice choice, ChooseKernel(function->name, function->kernels, args));
  const AggregateKernel& kernel = function->kernels[choice.kernel_index];
  BB_ASSIGN_OR_RAISE(DataTypePtr output, kernel.output.Resolve(choice.arg_types));
  return ResolvedAggregateCall{function, &kernel, std::move(choice.arg_types), std::move(output)};
}

std::vector<std::string> FunctionRegistry::ScalarNames() const {
  std::vector<std::string> names;
  for (const auto& [name, fn] : scalars_) names.push_back(name);
  return names;
}

std::vector<std::string> FunctionRegistry::AggregateNames() const {
  std::vector<std::string> names;
  for (const auto& [name, fn] : aggregates_) names.push_back(name);
  return names;
}

const FunctionRegistry& FunctionRegistry::Default() {
  static const FunctionRegistry* registry = [] {
    auto* r = new FunctionRegistry();
    Status st = RegisterBuiltinFunctions(r);
    if (!st.ok()) {
      // A built-in that fails to register is a programming error caught by the tests; keep
      // the functions registered so far rather than aborting the process.
      fmt::print(stderr, "bundlebase: built-in function registration failed: {}\n",
                 st.ToString());
    }
    return r;
  }();
  return *registry;
}

}  // namespace bundlebase::sql
