// Arithmetic on numeric (decimal128): + - * / % and unary minus, exact, with result precision
// and scale chosen from the operands' as PostgreSQL would where 38 digits allow:
//   a + b, a - b  scale max(s1, s2), precision max(p1 - s1, p2 - s2) + scale + 1
//   a * b         scale s1 + s2, precision p1 + p2
//   a / b         scale max(s1, s2, 16), integer digits (p1 - s1) + s2
//   a % b         scale max(s1, s2), precision min(p1 - s1, p2 - s2) + scale
// Precision is capped at 38; when the digits do not fit, the scale gives way first (down to 6),
// then integer digits. A result that needs more digits than its type has is the error
// "numeric field overflow"; results round half away from zero.
#include <algorithm>

#include "sql/functions/decimal_util.h"
#include "sql/functions/implicit_cast.h"
#include "sql/functions/kernel_util.h"
#include "sql/functions/scalar_families.h"

namespace bundlebase::sql {

namespace {

constexpr int kMaxPrecision = 38;

// A decimal type with `int_digits` integer digits and `scale` fraction digits, capped at 38
// digits by first shrinking the scale (not below min(scale, 6)), then the integer digits.
DataTypePtr FitDecimal(int int_digits, int scale) {
  if (int_digits + scale > kMaxPrecision) {
    scale = std::max(kMaxPrecision - int_digits, std::min(scale, 6));
    scale = std::min(scale, kMaxPrecision);
    int_digits = kMaxPrecision - scale;
  }
  int precision = std::max(1, int_digits + scale);
  return Decimal128(precision, scale);
}

Result<DataTypePtr> ResolveDecimal(char op, const std::vector<DataTypePtr>& t) {
  int p1 = t[0]->precision(), s1 = t[0]->scale();
  int p2 = t[1]->precision(), s2 = t[1]->scale();
  switch (op) {
    case '+':
    case '-': {
      int scale = std::max(s1, s2);
      return FitDecimal(std::max(p1 - s1, p2 - s2) + 1, scale);
    }
    case '*': return FitDecimal((p1 - s1) + (p2 - s2), s1 + s2);
    case '/': return FitDecimal((p1 - s1) + s2, std::max({s1, s2, 16}));
    default: {
      int scale = std::max(s1, s2);
      return FitDecimal(std::max(1, std::min(p1 - s1, p2 - s2)), scale);
    }
  }
}

Status Overflow(const DataType& type) {
  return Status::Invalid(
      "numeric field overflow: the result does not fit in numeric({}, {}); cast the operands to "
      "double precision for a larger range",
      type.precision(), type.scale());
}

struct DecimalOp {
  char op;
  int s1, s2, scale, precision;

  bool operator()(int128 a, int128 b, int128* out) const {
    switch (op) {
      case '+':
      case '-': {
        int128 x, y;
        if (!RescaleDecimal(a, s1, scale, &x) || !RescaleDecimal(b, s2, scale, &y)) return false;
        if (op == '+' ? __builtin_add_overflow(x, y, out) : __builtin_sub_overflow(x, y, out)) {
          return false;
        }
        break;
      }
      case '*': {
        int128 product;
        if (__builtin_mul_overflow(a, b, &product)) return false;
        if (!RescaleDecimal(product, s1 + s2, scale, out)) return false;
        break;
      }
      case '/':
        if (b == 0) return false;
        if (!DivideDecimal(a, b, scale + s2 - s1, out)) return false;
        break;
      default: {
        if (b == 0) return false;
        int128 x, y;
        if (!RescaleDecimal(a, s1, scale, &x) || !RescaleDecimal(b, s2, scale, &y)) return false;
        *out = x % y;
        break;
      }
    }
    return FitsPrecision(*out, precision);
  }
};

ScalarKernel DecimalKernel(char op) {
  return MakeKernel(
      {InputType::OfId(TypeId::kDecimal128), InputType::OfId(TypeId::kDecimal128)},
      [op](const std::vector<DataTypePtr>& t) { return ResolveDecimal(op, t); },
      [op](KernelContext& ctx, const std::vector<Datum>& args, int64_t n) -> Result<Datum> {
        const DataType& out_type = *ctx.output_type;
        DecimalOp fn{op, args[0].type()->scale(), args[1].type()->scale(), out_type.scale(),
                     out_type.precision()};
        return BinaryElementwiseChecked<int128, int128, int128>(
            args[0], args[1], n, ctx.output_type, fn, [&](int128, int128 b) -> Status {
              if ((op == '/' || op == '%') && b == 0) return Status::Invalid("division by zero");
              return Overflow(out_type);
            });
      });
}

}  // namespace

Status RegisterDecimalArithmetic(FunctionRegistry* registry) {
  for (char op : {'+', '-', '*', '/', '%'}) {
    ScalarFunction fn;
    fn.name = std::string(1, op);
    fn.doc = {"Arithmetic operator.", std::string("a ") + op + " b", ""};
    fn.kernels.push_back(DecimalKernel(op));
    BB_RETURN_NOT_OK(registry->AddScalar(std::move(fn)));
  }
  ScalarFunction neg;
  neg.name = "neg";
  neg.kernels.push_back(MakeKernel(
      {InputType::OfId(TypeId::kDecimal128)}, SameAsArgument(0),
      [](KernelContext& ctx, const std::vector<Datum>& args, int64_t n) {
        return UnaryElementwise<int128, int128>(args[0], n, ctx.output_type,
                                                [](int128 a) { return -a; });
      }));
  return registry->AddScalar(std::move(neg));
}

}  // namespace bundlebase::sql
