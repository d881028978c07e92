// Arithmetic operators + - * / % and unary minus on integers and floats, as PostgreSQL computes
// them: the result has the operands' type (the resolver casts mixed operands to the wider one),
// integer overflow is an error ("integer out of range"), never a wrap, integer division
// truncates toward zero, and dividing by zero is "division by zero" for floats as well.
#include <cmath>
#include <limits>

#include "sql/functions/kernel_util.h"
#include "sql/functions/scalar_families.h"

namespace bundlebase::sql {

namespace {

template <typename T>
const char* OutOfRangeMessage() {
  if constexpr (sizeof(T) == 2) return "smallint out of range";
  if constexpr (sizeof(T) == 4) return "integer out of range";
  return "bigint out of range";
}

template <typename T>
Status IntegerOutOfRange(T, T) {
  return Status::Invalid("{}", OutOfRangeMessage<T>());
}

template <typename T>
Status DivisionByZeroOrRange(T, T b) {
  if (b == 0) return Status::Invalid("division by zero");
  return Status::Invalid("{}", OutOfRangeMessage<T>());
}

template <typename T>
ScalarKernel IntegerKernel(const DataTypePtr& type, char op) {
  ScalarKernelFn fn;
  switch (op) {
    case '+':
      fn = [](KernelContext& ctx, const std::vector<Datum>& args, int64_t n) {
        return BinaryElementwiseChecked<T, T, T>(
            args[0], args[1], n, ctx.output_type,
            [](T a, T b, T* out) { return !__builtin_add_overflow(a, b, out); },
            IntegerOutOfRange<T>);
      };
      break;
    case '-':
      fn = [](KernelContext& ctx, const std::vector<Datum>& args, int64_t n) {
        return BinaryElementwiseChecked<T, T, T>(
            args[0], args[1], n, ctx.output_type,
            [](T a, T b, T* out) { return !__builtin_sub_overflow(a, b, out); },
            IntegerOutOfRange<T>);
      };
      break;
    case '*':
      fn = [](KernelContext& ctx, const std::vector<Datum>& args, int64_t n) {
        return BinaryElementwiseChecked<T, T, T>(
            args[0], args[1], n, ctx.output_type,
            [](T a, T b, T* out) { return !__builtin_mul_overflow(a, b, out); },
            IntegerOutOfRange<T>);
      };
      break;
    case '/':
      fn = [](KernelContext& ctx, const std::vector<Datum>& args, int64_t n) {
        return BinaryElementwiseChecked<T, T, T>(
            args[0], args[1], n, ctx.output_type,
            [](T a, T b, T* out) {
              if (b == 0 || (b == -1 && a == std::numeric_limits<T>::min())) return false;
              *out = static_cast<T>(a / b);
              return true;
            },
            DivisionByZeroOrRange<T>);
      };
      break;
    default:  // '%'
      fn = [](KernelContext& ctx, const std::vector<Datum>& args, int64_t n) {
        return BinaryElementwiseChecked<T, T, T>(
            args[0], args[1], n, ctx.output_type,
            [](T a, T b, T* out) {
              if (b == 0) return false;
              // INT_MIN % -1 traps in C; the answer is 0.
              *out = b == -1 ? T{0} : static_cast<T>(a % b);
              return true;
            },
            DivisionByZeroOrRange<T>);
      };
      break;
  }
  return MakeKernel({In(type), In(type)}, type, std::move(fn));
}

template <typename T>
Status FloatError(bool underflow) {
  return Status::Invalid("value out of range: {}", underflow ? "underflow" : "overflow");
}

// PostgreSQL's check_float8_val: an infinite result from finite inputs is an overflow, a zero
// result from nonzero inputs (where that is impossible) an underflow.
template <typename T>
bool FloatOk(T result, bool inf_allowed, bool zero_allowed) {
  if (std::isinf(result) && !inf_allowed) return false;
  if (result == 0 && !zero_allowed) return false;
  return true;
}

template <typename T>
ScalarKernel FloatKernel(const DataTypePtr& type, char op) {
  auto error = [](T a, T b) -> Status {
    if (b == 0 && !std::isnan(a)) return Status::Invalid("division by zero");
    bool finite = !std::isinf(a) && !std::isinf(b);
    return FloatError<T>(finite && a != 0);
  };
  ScalarKernelFn fn;
  switch (op) {
    case '+':
      fn = [](KernelContext& ctx, const std::vector<Datum>& args, int64_t n) {
        return BinaryElementwiseChecked<T, T, T>(
            args[0], args[1], n, ctx.output_type,
            [](T a, T b, T* out) {
              *out = a + b;
              return FloatOk(*out, std::isinf(a) || std::isinf(b), true);
            },
            [](T, T) { return FloatError<T>(false); });
      };
      break;
    case '-':
      fn = [](KernelContext& ctx, const std::vector<Datum>& args, int64_t n) {
        return BinaryElementwiseChecked<T, T, T>(
            args[0], args[1], n, ctx.output_type,
            [](T a, T b, T* out) {
              *out = a - b;
              return FloatOk(*out, std::isinf(a) || std::isinf(b), true);
            },
            [](T, T) { return FloatError<T>(false); });
      };
      break;
    case '*':
      fn = [](KernelContext& ctx, const std::vector<Datum>& args, int64_t n) {
        return BinaryElementwiseChecked<T, T, T>(
            args[0], args[1], n, ctx.output_type,
            [](T a, T b, T* out) {
              *out = a * b;
              return FloatOk(*out, std::isinf(a) || std::isinf(b), a == 0 || b == 0);
            },
            [](T a, T b) {
              return FloatError<T>(!std::isinf(a * b));
            });
      };
      break;
    default:  // '/'
      fn = [error](KernelContext& ctx, const std::vector<Datum>& args, int64_t n) {
        return BinaryElementwiseChecked<T, T, T>(
            args[0], args[1], n, ctx.output_type,
            [](T a, T b, T* out) {
              if (b == 0) return false;
              *out = a / b;
              return FloatOk(*out, std::isinf(a) || std::isinf(b), a == 0 || std::isinf(b));
            },
            error);
      };
      break;
  }
  return MakeKernel({In(type), In(type)}, type, std::move(fn));
}

template <typename T>
ScalarKernel NegateKernel(const DataTypePtr& type) {
  return MakeKernel({In(type)}, type, [](KernelContext& ctx, const std::vector<Datum>& args,
                                         int64_t n) {
    if constexpr (std::is_floating_point_v<T>) {
      return UnaryElementwise<T, T>(args[0], n, ctx.output_type, [](T a) { return -a; });
    } else {
      return UnaryElementwiseChecked<T, T>(
          args[0], n, ctx.output_type,
          [](T a, T* out) { return !__builtin_sub_overflow(T{0}, a, out); },
          [](T) { return Status::Invalid("{}", OutOfRangeMessage<T>()); });
    }
  });
}

const FunctionDoc kDocs[] = {
    {"Adds two numbers; also date + integer, date/timestamp + interval, interval + interval.",
     "a + b", "2 + 3 -> 5"},
    {"Subtracts; also date - date (days), timestamp - timestamp (interval), minus an interval.",
     "a - b", "2 - 3 -> -1"},
    {"Multiplies two numbers, or an interval by a number.", "a * b", "2 * 3 -> 6"},
    {"Divides; integer division truncates toward zero. Dividing by zero is an error.", "a / b",
     "7 / 2 -> 3"},
    {"Remainder of integer or numeric division (sign of the dividend).", "a % b", "7 % 3 -> 1"},
};

}  // namespace

Status RegisterNumericArithmetic(FunctionRegistry* registry) {
  const char ops[] = {'+', '-', '*', '/', '%'};
  for (int k = 0; k < 5; ++k) {
    ScalarFunction fn;
    fn.name = std::string(1, ops[k]);
    fn.doc = kDocs[k];
    fn.kernels.push_back(IntegerKernel<int16_t>(Int16(), ops[k]));
    fn.kernels.push_back(IntegerKernel<int32_t>(Int32(), ops[k]));
    fn.kernels.push_back(IntegerKernel<int64_t>(Int64(), ops[k]));
    if (ops[k] != '%') {
      fn.kernels.push_back(FloatKernel<float>(Float32(), ops[k]));
      fn.kernels.push_back(FloatKernel<double>(Float64(), ops[k]));
    }
    BB_RETURN_NOT_OK(registry->AddScalar(std::move(fn)));
  }
  ScalarFunction neg;
  neg.name = "neg";
  neg.doc = {"Unary minus: the negated value.", "- a", "-(5) -> -5"};
  neg.kernels = {NegateKernel<int16_t>(Int16()), NegateKernel<int32_t>(Int32()),
                 NegateKernel<int64_t>(Int64()), NegateKernel<float>(Float32()),
                 NegateKernel<double>(Float64())};
  return registry->AddScalar(std::move(neg));
}

}  // namespace bundlebase::sql
