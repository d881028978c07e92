// 128-bit decimal arithmetic helpers for the numeric kernels: powers of ten, rescaling with
// PostgreSQL's rounding (half away from zero), precision checks and exact division.
// Every helper returns false instead of overflowing.
#pragma once

#include <cstdint>

namespace bundlebase::sql {

using int128 = __int128;
using uint128 = unsigned __int128;

// 10^n for 0 <= n <= 38.
int128 Pow10(int n);

// |v| < 10^precision.
inline bool FitsPrecision(int128 v, int precision) {
  int128 limit = Pow10(precision);
  return v < limit && v > -limit;
}

// v (with `from` fraction digits) expressed with `to` fraction digits; rounds half away from
// zero when digits are dropped. False on overflow.
bool RescaleDecimal(int128 v, int from, int to, int128* out);

// round(a * 10^shift / b), half away from zero, b != 0, 0 <= shift <= 76. False on overflow.
bool DivideDecimal(int128 a, int128 b, int shift, int128* out);

}  // namespace bundlebase::sql
