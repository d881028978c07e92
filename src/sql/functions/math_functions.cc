// Math functions on double precision: sqrt, cbrt, power/pow, exp, ln, log (base 10, or log(b, x)),
// log10, degrees, radians, pi and random — with PostgreSQL's domain errors ("cannot take square
// root of a negative number", "cannot take logarithm of zero", ...). Integer and numeric
// arguments reach these through the implicit cast to double precision, as in PostgreSQL for
// most of them. Rounding, abs, sign and mod, which keep exact types, are in math_rounding.cc.
#include <cmath>
#include <numbers>

#include "sql/functions/kernel_util.h"
#include "sql/functions/scalar_families.h"

namespace bundlebase::sql {

Status RegisterRoundingFunctions(FunctionRegistry* registry);  // math_rounding.cc
Status RegisterGreatestLeast(FunctionRegistry* registry);      // greatest_least.cc

namespace {

using Args = std::vector<Datum>;

// A float64 -> float64 function; `check(x, result)` is an error message or nullptr.
template <typename Fn, typename Check>
ScalarKernel UnaryDouble(Fn fn, Check check) {
  return MakeKernel({In(Float64())}, Float64(),
                    [fn, check](KernelContext& ctx, const Args& args, int64_t n) {
                      return UnaryElementwiseChecked<double, double>(
                          args[0], n, ctx.output_type,
                          [fn, check](double x, double* out) {
                            *out = fn(x);
                            return check(x, *out) == nullptr;
                          },
                          [fn, check](double x) { return Status::Invalid("{}", check(x, fn(x))); });
                    });
}

const char* NoCheck(double, double) { return nullptr; }

// glibc's cbrt is off by an ulp for some perfect cubes (cbrt(27) = 3.0000000000000004).
double ExactCbrt(double x) {
  double r = std::cbrt(x);
  double whole = std::nearbyint(r);
  return whole * whole * whole == x ? whole : r;
}

const char* OverflowCheck(double x, double r) {
  return std::isinf(r) && !std::isinf(x) ? "value out of range: overflow" : nullptr;
}

const char* LogCheck(double x, double) {
  if (x == 0) return "cannot take logarithm of zero";
  if (x < 0) return "cannot take logarithm of a negative number";
  return nullptr;
}

const char* PowerError(double base, double exponent, double result) {
  if (base == 0 && exponent < 0) return "zero raised to a negative power is undefined";
  if (base < 0 && std::floor(exponent) != exponent) {
    return "a negative number raised to a non-integer power yields a complex result";
  }
  if (std::isinf(result) && !std::isinf(base) && !std::isinf(exponent)) {
    return "value out of range: overflow";
  }
  return nullptr;
}

ScalarKernel PowerKernel() {
  return MakeKernel({In(Float64()), In(Float64())}, Float64(),
                    [](KernelContext& ctx, const Args& args, int64_t n) {
                      return BinaryElementwiseChecked<double, double, double>(
                          args[0], args[1], n, ctx.output_type,
                          [](double b, double e, double* out) {
                            *out = std::pow(b, e);
                            return PowerError(b, e, *out) == nullptr;
                          },
                          [](double b, double e) {
                            return Status::Invalid("{}", PowerError(b, e, std::pow(b, e)));
                          });
                    });
}

ScalarKernel LogBaseKernel() {
  return MakeKernel({In(Float64()), In(Float64())}, Float64(),
                    [](KernelContext& ctx, const Args& args, int64_t n) {
                      return BinaryElementwiseChecked<double, double, double>(
                          args[0], args[1], n, ctx.output_type,
                          [](double b, double x, double* out) {
                            if (LogCheck(b, 0) || LogCheck(x, 0) || b == 1) return false;
                            *out = std::log(x) / std::log(b);
                            return true;
                          },
                          [](double b, double x) {
                            if (b == 1) return Status::Invalid("division by zero");
                            return Status::Invalid("{}", LogCheck(b, 0) ? LogCheck(b, 0) : LogCheck(x, 0));
                          });
                    });
}

ScalarFunction Function(const char* name, FunctionDoc doc, std::vector<ScalarKernel> kernels,
                        Volatility volatility = Volatility::kImmutable) {
  ScalarFunction f;
  f.name = name;
  f.doc = std::move(doc);
  f.kernels = std::move(kernels);
  f.volatility = volatility;
  return f;
}

ScalarKernel Constant(double value) {
  return MakeKernel({}, Float64(), [value](KernelContext&, const Args&, int64_t) -> Result<Datum> {
    return Datum(Scalar::FromFloat64(value));
  });
}

}  // namespace

Status RegisterMathFunctions(FunctionRegistry* registry) {
  auto sqrt_check = [](double x, double) -> const char* {
    return x < 0 ? "cannot take square root of a negative number" : nullptr;
  };
  std::vector<ScalarFunction> fns;
  fns.push_back(Function("sqrt", {"Square root.", "sqrt(double precision) -> double precision", "sqrt(2) -> 1.4142135623730951"},
                         {UnaryDouble([](double x) { return std::sqrt(x); }, sqrt_check)}));
  fns.push_back(Function("cbrt", {"Cube root.", "cbrt(double precision) -> double precision", "cbrt(64) -> 4"},
                         {UnaryDouble(ExactCbrt, NoCheck)}));
  fns.push_back(Function("exp", {"e raised to the given power.", "exp(double precision) -> double precision", "exp(1) -> 2.718281828459045"},
                         {UnaryDouble([](double x) { return std::exp(x); }, OverflowCheck)}));
  fns.push_back(Function("ln", {"Natural logarithm.", "ln(double precision) -> double precision", "ln(2.718281828459045) -> 1"},
                         {UnaryDouble([](double x) { return std::log(x); }, LogCheck)}));
  fns.push_back(Function("log10", {"Base 10 logarithm.", "log10(double precision) -> double precision", "log10(1000) -> 3"},
                         {UnaryDouble([](double x) { return std::log10(x); }, LogCheck)}));
  fns.push_back(Function("log", {"Base 10 logarithm, or with two arguments the logarithm of x to base b.", "log(x) / log(b, x) -> double precision", "log(2, 64) -> 6"},
                         {UnaryDouble([](double x) { return std::log10(x); }, LogCheck), LogBaseKernel()}));
  fns.push_back(Function("power", {"a raised to the power b.", "power(a double precision, b double precision) -> double precision", "power(2, 10) -> 1024"},
                         {PowerKernel()}));
  fns.push_back(Function("pow", {"Same as power.", "pow(a, b) -> double precision", "pow(2, 3) -> 8"}, {PowerKernel()}));
  fns.push_back(Function("degrees", {"Radians to degrees.", "degrees(double precision) -> double precision", "degrees(pi()) -> 180"},
                         {UnaryDouble([](double x) { return x * (180.0 / std::numbers::pi); }, NoCheck)}));
  fns.push_back(Function("radians", {"Degrees to radians.", "radians(double precision) -> double precision", "radians(180) -> 3.141592653589793"},
                         {UnaryDouble([](double x) { return x * (std::numbers::pi / 180.0); }, NoCheck)}));
  fns.push_back(Function("pi", {"The constant pi.", "pi() -> double precision", "pi() -> 3.141592653589793"},
                         {Constant(std::numbers::pi)}));
  fns.push_back(Function(
      "random", {"A uniformly distributed random value in [0, 1), different for every row.", "random() -> double precision", "random() -> 0.8736..."},
      {MakeKernel({}, Float64(), [](KernelContext& ctx, const Args&, int64_t n) -> Result<Datum> {
        if (ctx.rng == nullptr) return Status::Internal("random() called without a random generator");
        std::uniform_real_distribution<double> uniform(0.0, 1.0);
        BB_ASSIGN_OR_RAISE(auto values, AllocateValues<double>(n));
        double* out = values->mutable_data_as<double>();
        for (int64_t i = 0; i < n; ++i) out[i] = uniform(*ctx.rng);
        return Datum(MakeFixedArray(Float64(), n, OutputValidity{}, values));
      })},
      Volatility::kVolatile));
  for (auto& f : fns) BB_RETURN_NOT_OK(registry->AddScalar(std::move(f)));
  BB_RETURN_NOT_OK(RegisterRoundingFunctions(registry));
  return RegisterGreatestLeast(registry);
}

}  // namespace bundlebase::sql
