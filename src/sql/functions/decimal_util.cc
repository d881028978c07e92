// 128-bit decimal helpers (decimal_util.h).
#include "sql/functions/decimal_util.h"

namespace bundlebase::sql {

namespace {

struct Pow10Table {
  int128 values[39];
  Pow10Table() {
    values[0] = 1;
    for (int i = 1; i < 39; ++i) values[i] = values[i - 1] * 10;
  }
};

const Pow10Table kPow10;

uint128 Magnitude(int128 v) { return v < 0 ? -static_cast<uint128>(v) : static_cast<uint128>(v); }

}  // namespace

int128 Pow10(int n) { return kPow10.values[n < 0 ? 0 : n > 38 ? 38 : n]; }

bool RescaleDecimal(int128 v, int from, int to, int128* out) {
  if (to >= from) return !__builtin_mul_overflow(v, Pow10(to - from), out);
  int drop = from - to;
  if (drop > 38) {
    *out = 0;
    return true;
  }
  int128 divisor = Pow10(drop);
  int128 q = v / divisor;
  int128 r = v % divisor;
  if (r < 0) r = -r;
  if (r * 2 >= divisor) q += v < 0 ? -1 : 1;
  *out = q;
  return true;
}

bool DivideDecimal(int128 a, int128 b, int shift, int128* out) {
  bool negative = (a < 0) != (b < 0);
  uint128 ua = Magnitude(a);
  uint128 ub = Magnitude(b);
  uint128 q = ua / ub;
  uint128 r = ua % ub;
  const uint128 max_quotient = static_cast<uint128>(~static_cast<uint128>(0) >> 1);
  for (int step = 0; step < shift; ++step) {
    // One more quotient digit: floor(10r / b), computed without overflowing 10r when b is big.
    unsigned digit = 0;
    if (r < (static_cast<uint128>(1) << 124)) {
      uint128 ten_r = r * 10;
      digit = static_cast<unsigned>(ten_r / ub);
      r = ten_r % ub;
    } else {
      uint128 acc = 0;
      for (int j = 0; j < 10; ++j) {
        acc += r;  // acc < b and r < b, so acc + r < 2b < 2^128
        if (acc >= ub) {
          acc -= ub;
          ++digit;
        }
      }
      r = acc;
    }
    if (q > (max_quotient - digit) / 10) return false;
    q = q * 10 + digit;
  }
  if (r >= ub - r) {
    if (q == max_quotient) return false;
    ++q;
  }
  *out = negative ? -static_cast<int128>(q) : static_cast<int128>(q);
  return true;
}

}  // namespace bundlebase::sql
