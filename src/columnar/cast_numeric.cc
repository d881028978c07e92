// Casts among bool, integers, floats and decimals, with PostgreSQL's rounding rules: floats
// round half to even into integers (rint), decimals round half away from zero, and every value
// is range checked against the target type or decimal precision.
#include <charconv>
#include <cmath>
#include <limits>
#include <utility>

#include "columnar/cast_internal.h"

namespace bundlebase::cast_internal {
namespace {

constexpr __int128 Pow10(int n) {
  __int128 v = 1;
  for (int i = 0; i < n; ++i) v *= 10;
  return v;
}

// v * 10^shift, rounding half away from zero when shift < 0; false on 128-bit overflow.
bool Rescale(__int128 v, int shift, __int128* out) {
  if (shift >= 0) {
    if (v == 0) {
      *out = 0;
      return true;
    }
    return shift <= 38 && !__builtin_mul_overflow(v, Pow10(shift), out);
  }
  if (shift < -38) {
    *out = 0;  // |v| < 2^127 < 10^39 / 2, so it rounds to zero
    return true;
  }
  const __int128 divisor = Pow10(-shift);
  __int128 quotient = v / divisor;
  __int128 remainder = v % divisor;
  if (remainder < 0) remainder = -remainder;
  if (remainder >= divisor - remainder) quotient += v < 0 ? -1 : 1;
  *out = quotient;
  return true;
}

// Whether an unscaled value has at most `precision` digits. Decimals wider than 38 digits
// (imported) are bounded only by the 128 bits they live in.
bool FitsPrecision(__int128 v, int precision) {
  if (precision >= 39) return true;
  const __int128 limit = Pow10(precision);
  return v < limit && v > -limit;
}

template <typename Out>
bool InRange128(__int128 v) {
  return v >= static_cast<__int128>(std::numeric_limits<Out>::min()) &&
         v <= static_cast<__int128>(std::numeric_limits<Out>::max());
}

bool IsDecimal(const DataType& t) { return t.id() == TypeId::kDecimal128; }

// Reads row i of an integer, bool or decimal column as a 128-bit integer (decimals unscaled).
template <typename In>
__int128 Wide(const In* values, int64_t i) {
  return static_cast<__int128>(values[i]);
}

template <typename In, typename Out>
Result<ArrayPtr> IntegerToInteger(const Array& in, const DataTypePtr& to, const CastOptions& o) {
  const In* v = in.values<In>();
  return MapRows<Out>(
      in, to, o,
      [v](int64_t i, Out* out) {
        if (!std::in_range<Out>(v[i])) return false;
        *out = static_cast<Out>(v[i]);
        return true;
      },
      [&](int64_t i) { return OutOfRange(in, i, *to); });
}

template <typename In, typename Out>
Result<ArrayPtr> ToFloating(const Array& in, const DataTypePtr& to, const CastOptions& o) {
  const In* v = in.values<In>();
  return MapRows<Out>(
      in, to, o,
      [v](int64_t i, Out* out) {
        *out = static_cast<Out>(v[i]);
        return true;
      },
      [&](int64_t i) { return OutOfRange(in, i, *to); });
}

template <typename In, typename Out>
Result<ArrayPtr> FloatingToInteger(const Array& in, const DataTypePtr& to, const CastOptions& o) {
  const In* v = in.values<In>();
  // [lo, hi) as doubles: both are powers of two (or zero), so the bounds are exact.
  const double hi = std::ldexp(1.0, std::numeric_limits<Out>::digits);
  const double lo = std::numeric_limits<Out>::is_signed ? -hi : 0.0;
  return MapRows<Out>(
      in, to, o,
      [v, lo, hi](int64_t i, Out* out) {
        // nearbyint rounds half to even in the default rounding mode, like PostgreSQL's rint().
        const double r = std::nearbyint(static_cast<double>(v[i]));
        if (!(r >= lo && r < hi)) return false;  // NaN fails both comparisons
        *out = static_cast<Out>(r);
        return true;
      },
      [&](int64_t i) { return OutOfRange(in, i, *to); });
}

Result<ArrayPtr> Float64ToFloat32(const Array& in, const DataTypePtr& to, const CastOptions& o) {
  const double* v = in.values<double>();
  return MapRows<float>(
      in, to, o,
      [v](int64_t i, float* out) {
        const float f = static_cast<float>(v[i]);
        if (std::isinf(f) && !std::isinf(v[i])) return false;  // overflow
        if (f == 0.0f && v[i] != 0.0) return false;               // underflow
        *out = f;
        return true;
      },
      [&](int64_t i) { return OutOfRange(in, i, *to); });
}

template <typename Out>
Result<ArrayPtr> BoolToInteger(const Array& in, const DataTypePtr& to, const CastOptions& o) {
  return MapRows<Out>(
      in, to, o,
      [&in](int64_t i, Out* out) {
        *out = in.GetBool(i) ? 1 : 0;
        return true;
      },
      [&](int64_t i) { return OutOfRange(in, i, *to); });
}

template <typename In>
Result<ArrayPtr> IntegerToBool(const Array& in, const CastOptions& o) {
  const In* v = in.values<In>();
  return MapRowsToBool(
      in, o,
      [v](int64_t i, bool* out) {
        *out = v[i] != 0;
        return true;
      },
      [](int64_t) { return Status::OK(); });
}

// Integer or decimal (scale `from_scale`) to decimal(to.precision, to.scale).
template <typename In>
Result<ArrayPtr> ToDecimal(const Array& in, int from_scale, const DataTypePtr& to,
                           const CastOptions& o) {
  const In* v = in.values<In>();
  const int shift = to->scale() - from_scale;
  const int precision = to->precision();
  return MapRows<__int128>(
      in, to, o,
      [v, shift, precision](int64_t i, __int128* out) {
        return Rescale(Wide(v, i), shift, out) && FitsPrecision(*out, precision);
      },
      [&](int64_t i) { return OutOfRange(in, i, *to); });
}

template <typename Out>
Result<ArrayPtr> DecimalToInteger(const Array& in, const DataTypePtr& to, const CastOptions& o) {
  const __int128* v = in.values<__int128>();
  const int shift = -in.type()->scale();
  return MapRows<Out>(
      in, to, o,
      [v, shift](int64_t i, Out* out) {
        __int128 r;
        if (!Rescale(v[i], shift, &r) || !InRange128<Out>(r)) return false;
        *out = static_cast<Out>(r);
        return true;
      },
      [&](int64_t i) { return OutOfRange(in, i, *to); });
}

// The nearest Out to unscaled * 10^-scale. Exact operands divide to a correctly rounded result;
// anything else goes through the decimal text, which from_chars rounds correctly.
template <typename Out>
Out DecimalToFloating(__int128 unscaled, int scale) {
  constexpr int kExactDigits = std::numeric_limits<Out>::digits;
  constexpr int kExactPow10 = std::is_same_v<Out, float> ? 10 : 22;
  const __int128 magnitude = unscaled < 0 ? -unscaled : unscaled;
  if (magnitude < (static_cast<__int128>(1) << kExactDigits) && scale >= 0 &&
      scale <= kExactPow10) {
    return static_cast<Out>(unscaled) / static_cast<Out>(Pow10(scale));
  }
  char buf[64];
  char* p = buf;
  unsigned __int128 m = unscaled < 0 ? 0 - static_cast<unsigned __int128>(unscaled) : unscaled;
  char digits[48];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + static_cast<int>(m % 10));
    m /= 10;
  } while (m != 0);
  if (unscaled < 0) *p++ = '-';
  while (n > 0) *p++ = digits[--n];
  *p++ = 'e';
  p = std::to_chars(p, buf + sizeof(buf), -scale).ptr;
  Out out{};
  std::from_chars(buf, p, out);
  return out;
}

template <typename Out>
Result<ArrayPtr> DecimalToFloatingArray(const Array& in, const DataTypePtr& to,
                                        const CastOptions& o) {
  const __int128* v = in.values<__int128>();
  const int scale = in.type()->scale();
  return MapRows<Out>(
      in, to, o,
      [v, scale](int64_t i, Out* out) {
        *out = DecimalToFloating<Out>(v[i], scale);
        return true;
      },
      [&](int64_t i) { return OutOfRange(in, i, *to); });
}

// PostgreSQL's float8_numeric: the float's 15 (float4: 6) significant digits, then rounded
// half away from zero to the scale.
template <typename In>
bool FloatingToDecimal(In value, int scale, int precision, __int128* out) {
  if (!std::isfinite(value)) return false;
  constexpr int kDigits = std::is_same_v<In, float> ? 6 : 15;
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof(buf), value, std::chars_format::scientific,
                         kDigits - 1);
  std::string_view text(buf, static_cast<size_t>(r.ptr - buf));
  const size_t e = text.find('e');
  int exponent = 0;
  std::from_chars(text.data() + e + (text[e + 1] == '+' ? 2 : 1), text.data() + text.size(),
                  exponent);
  int64_t mantissa = 0;
  int mantissa_digits = 0;
  for (char c : text.substr(0, e)) {
    if (c < '0' || c > '9') continue;
    mantissa = mantissa * 10 + (c - '0');
    ++mantissa_digits;
  }
  if (text[0] == '-') mantissa = -mantissa;
  return Rescale(mantissa, exponent - (mantissa_digits - 1) + scale, out) &&
         FitsPrecision(*out, precision);
}

template <typename In>
Result<ArrayPtr> FloatingToDecimalArray(const Array& in, const DataTypePtr& to,
                                        const CastOptions& o) {
  const In* v = in.values<In>();
  const int scale = to->scale();
  const int precision = to->precision();
  return MapRows<__int128>(
      in, to, o,
      [v, scale, precision](int64_t i, __int128* out) {
        return FloatingToDecimal(v[i], scale, precision, out);
      },
      [&](int64_t i) { return OutOfRange(in, i, *to); });
}

Result<ArrayPtr> DecimalToDecimal(const Array& in, const DataTypePtr& to, const CastOptions& o) {
  const DataType& from = *in.type();
  if (from.scale() == to->scale() && from.precision() <= to->precision()) {
    return Relabel(in, to);  // every value already fits
  }
  return ToDecimal<__int128>(in, from.scale(), to, o);
}

}  // namespace

bool CanCastNumeric(const DataType& from, const DataType& to) {
  const bool from_bool = from.id() == TypeId::kBool;
  const bool to_bool = to.id() == TypeId::kBool;
  if (from_bool || to_bool) {
    return (from_bool && to.is_integer()) || (to_bool && from.is_integer());
  }
  return from.is_numeric() && to.is_numeric();
}

Result<ArrayPtr> CastNumeric(const Array& in, const DataTypePtr& to, const CastOptions& o) {
  const DataType& from = *in.type();
  if (from.id() == TypeId::kBool) {
    return VisitInteger(to->id(), [&]<typename O>(Tag<O>) { return BoolToInteger<O>(in, to, o); });
  }
  if (to->id() == TypeId::kBool) {
    return VisitInteger(from.id(), [&]<typename I>(Tag<I>) { return IntegerToBool<I>(in, o); });
  }
  if (IsDecimal(*to)) {
    if (IsDecimal(from)) return DecimalToDecimal(in, to, o);
    if (from.is_floating()) {
      return VisitFloating(from.id(), [&]<typename I>(Tag<I>) {
        return FloatingToDecimalArray<I>(in, to, o);
      });
    }
    return VisitInteger(from.id(),
                        [&]<typename I>(Tag<I>) { return ToDecimal<I>(in, 0, to, o); });
  }
  if (to->is_floating()) {
    if (from.id() == TypeId::kFloat64 && to->id() == TypeId::kFloat32) {
      return Float64ToFloat32(in, to, o);
    }
    return VisitFloating(to->id(), [&]<typename O>(Tag<O>) -> Result<ArrayPtr> {
      if (IsDecimal(from)) return DecimalToFloatingArray<O>(in, to, o);
      auto convert = [&]<typename I>(Tag<I>) { return ToFloating<I, O>(in, to, o); };
      if (from.is_floating()) return VisitFloating(from.id(), convert);
      return VisitInteger(from.id(), convert);
    });
  }
  // The target is an integer.
  return VisitInteger(to->id(), [&]<typename O>(Tag<O>) -> Result<ArrayPtr> {
    if (IsDecimal(from)) return DecimalToInteger<O>(in, to, o);
    if (from.is_floating()) {
      return VisitFloating(from.id(), [&]<typename I>(Tag<I>) {
        return FloatingToInteger<I, O>(in, to, o);
      });
    }
    return VisitInteger(from.id(), [&]<typename I>(Tag<I>) {
      return IntegerToInteger<I, O>(in, to, o);
    });
  });
}

}  // namespace bundlebase::cast_internal
