// Exact-type math: abs, sign, round, ceil/ceiling, floor, trunc and mod. Integers keep their
// type for abs and mod ("integer out of range" for abs(-2147483648)); numeric stays numeric and
// rounds half away from zero; double precision rounds half to even (PostgreSQL's rint()).
// round(numeric, n) and trunc(numeric, n) keep the argument's scale (round(1.2345, 2) is
// 1.2300 where PostgreSQL prints 1.23) because a result type cannot depend on a value.
#include <algorithm>
#include <cmath>

#include "sql/functions/decimal_util.h"
#include "sql/functions/kernel_util.h"
#include "sql/functions/scalar_families.h"

namespace bundlebase::sql {

namespace {

using Args = std::vector<Datum>;

enum class RoundMode { kHalfAway, kFloor, kCeil, kTrunc };

// v (with `scale` fraction digits) rounded to `digits` fraction digits (negative: tens,
// hundreds...), expressed with `out_scale` fraction digits (out_scale >= digits).
bool RoundDecimal(int128 v, int scale, int64_t digits, int out_scale, RoundMode mode, int128* out) {
  if (digits >= scale) return RescaleDecimal(v, scale, out_scale, out);
  int64_t drop = scale - digits;
  int128 q = 0;
  int128 r = v;
  if (drop <= 38) {
    int128 unit = Pow10(static_cast<int>(drop));
    q = v / unit;
    r = v % unit;
    switch (mode) {
      case RoundMode::kHalfAway:
        if ((r < 0 ? -r : r) * 2 >= unit) q += v < 0 ? -1 : 1;
        break;
      case RoundMode::kFloor: if (r < 0) q -= 1; break;
      case RoundMode::kCeil: if (r > 0) q += 1; break;
      case RoundMode::kTrunc: break;
    }
  } else if ((mode == RoundMode::kFloor && v < 0) || (mode == RoundMode::kCeil && v > 0)) {
    return false;  // a unit beyond 10^38 cannot be represented
  }
  int64_t up = out_scale - digits;
  if (up > 38) return q == 0 ? (*out = 0, true) : false;
  return !__builtin_mul_overflow(q, Pow10(static_cast<int>(up)), out);
}

Status NumericOverflow() {
  return Status::Invalid("numeric field overflow: the rounded value does not fit its type");
}

OutputTypeResolver IntegralDecimal() {
  return [](const std::vector<DataTypePtr>& t) -> Result<DataTypePtr> {
    return Decimal128(std::min(38, std::max(1, t[0]->precision() - t[0]->scale() + 1)), 0);
  };
}

ScalarKernel DecimalRound(RoundMode mode) {
  return MakeKernel({InputType::OfId(TypeId::kDecimal128)}, IntegralDecimal(),
                    [mode](KernelContext& ctx, const Args& args, int64_t n) {
                      int scale = args[0].type()->scale();
                      int precision = ctx.output_type->precision();
                      return UnaryElementwiseChecked<int128, int128>(
                          args[0], n, ctx.output_type,
                          [=](int128 v, int128* out) {
                            return RoundDecimal(v, scale, 0, 0, mode, out) && FitsPrecision(*out, precision);
                          },
                          [](int128) { return NumericOverflow(); });
                    });
}

ScalarKernel DecimalRoundDigits(RoundMode mode) {
  return MakeKernel({InputType::OfId(TypeId::kDecimal128), In(Int32())},
                    [](const std::vector<DataTypePtr>& t) -> Result<DataTypePtr> {
                      return Decimal128(std::min(38, t[0]->precision() + 1), t[0]->scale());
                    },
                    [mode](KernelContext& ctx, const Args& args, int64_t n) {
                      int scale = args[0].type()->scale();
                      int precision = ctx.output_type->precision();
                      return BinaryElementwiseChecked<int128, int128, int32_t>(
                          args[0], args[1], n, ctx.output_type,
                          [=](int128 v, int32_t digits, int128* out) {
                            return RoundDecimal(v, scale, digits, scale, mode, out) &&
                                   FitsPrecision(*out, precision);
                          },
                          [](int128, int32_t) { return NumericOverflow(); });
                    });
}

template <typename Fn>
ScalarKernel DoubleRound(Fn fn) {
  return MakeKernel({In(Float64())}, Float64(), [fn](KernelContext& ctx, const Args& args, int64_t n) {
    return UnaryElementwise<double, double>(args[0], n, ctx.output_type, fn);
  });
}

template <typename T>
ScalarKernel IntegerAbs(const DataTypePtr& type, const char* message) {
  return MakeKernel({In(type)}, type, [message](KernelContext& ctx, const Args& args, int64_t n) {
    return UnaryElementwiseChecked<T, T>(
        args[0], n, ctx.output_type,
        [](T v, T* out) {
          if (v == std::numeric_limits<T>::min()) return false;
          *out = v < 0 ? static_cast<T>(-v) : v;
          return true;
        },
        [message](T) { return Status::Invalid("{}", message); });
  });
}

template <typename T>
ScalarKernel FloatAbs(const DataTypePtr& type) {
  return MakeKernel({In(type)}, type, [](KernelContext& ctx, const Args& args, int64_t n) {
    return UnaryElementwise<T, T>(args[0], n, ctx.output_type, [](T v) { return std::fabs(v); });
  });
}

ScalarFunction Function(const char* name, FunctionDoc doc, std::vector<ScalarKernel> kernels) {
  ScalarFunction f;
  f.name = name;
  f.doc = std::move(doc);
  f.kernels = std::move(kernels);
  return f;
}

}  // namespace

Status RegisterRoundingFunctions(FunctionRegistry* registry) {
  std::vector<ScalarFunction> fns;
  ScalarKernel decimal_abs = MakeKernel({InputType::OfId(TypeId::kDecimal128)}, SameAsArgument(0),
                                        [](KernelContext& ctx, const Args& args, int64_t n) {
                                          return UnaryElementwise<int128, int128>(
                                              args[0], n, ctx.output_type, [](int128 v) { return v < 0 ? -v : v; });
                                        });
  fns.push_back(Function("abs", {"Absolute value, same type as the argument.", "abs(number) -> number", "abs(-17.4) -> 17.4"},
                         {IntegerAbs<int16_t>(Int16(), "smallint out of range"),
                          IntegerAbs<int32_t>(Int32(), "integer out of range"),
                          IntegerAbs<int64_t>(Int64(), "bigint out of range"), FloatAbs<float>(Float32()),
                          FloatAbs<double>(Float64()), decimal_abs}));
  fns.push_back(Function("round", {"Rounds to the nearest integer, or to n decimal places for numeric: numeric rounds half away from zero, double precision half to even.", "round(number [, n integer]) -> same kind", "round(42.4382, 2) -> 42.4400"},
                         {DoubleRound([](double v) { return std::nearbyint(v); }), DecimalRound(RoundMode::kHalfAway),
                          DecimalRoundDigits(RoundMode::kHalfAway)}));
  std::vector<ScalarKernel> ceil = {DoubleRound([](double v) { return std::ceil(v); }), DecimalRound(RoundMode::kCeil)};
  fns.push_back(Function("ceil", {"Nearest integer greater than or equal to the argument.", "ceil(number) -> number", "ceil(-42.8) -> -42"}, ceil));
  fns.push_back(Function("ceiling", {"Same as ceil.", "ceiling(number) -> number", "ceiling(95.3) -> 96"}, ceil));
  fns.push_back(Function("floor", {"Nearest integer less than or equal to the argument.", "floor(number) -> number", "floor(-42.8) -> -43"},
                         {DoubleRound([](double v) { return std::floor(v); }), DecimalRound(RoundMode::kFloor)}));
  fns.push_back(Function("trunc", {"Truncates toward zero (to n decimal places for numeric).", "trunc(number [, n integer]) -> number", "trunc(42.8) -> 42"},
                         {DoubleRound([](double v) { return std::trunc(v); }), DecimalRound(RoundMode::kTrunc),
                          DecimalRoundDigits(RoundMode::kTrunc)}));
  fns.push_back(Function(
      "sign", {"-1, 0 or +1 by the sign of the argument.", "sign(number) -> number", "sign(-8.4) -> -1"},
      {DoubleRound([](double v) { return v > 0 ? 1.0 : v < 0 ? -1.0 : 0.0; }),
       MakeKernel({InputType::OfId(TypeId::kDecimal128)}, Decimal128(1, 0),
                  [](KernelContext& ctx, const Args& args, int64_t n) {
                    return UnaryElementwise<int128, int128>(args[0], n, ctx.output_type,
                                                            [](int128 v) { return int128{(v > 0) - (v < 0)}; });
                  })}));
  const ScalarFunction* remainder = registry->FindScalar("%");
  if (remainder == nullptr) return Status::Internal("mod() needs the % operator registered first");
  fns.push_back(Function("mod", {"Remainder of a / b (sign of a); same as a % b.", "mod(a, b) -> number", "mod(9, 4) -> 1"},
                         remainder->kernels));
  for (auto& f : fns) BB_RETURN_NOT_OK(registry->AddScalar(std::move(f)));
  return Status::OK();
}

}  // namespace bundlebase::sql
