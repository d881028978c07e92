// Parsing and printing of human-readable byte sizes with binary units.
#include "base/size.h"

#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "base/strings.h"

namespace bundlebase {
namespace {

constexpr std::string_view kUnitLetters = "bkmgtpe";  // powers of 1024: 0..6
constexpr std::string_view kIecUnits[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
// Fraction digits kept; more cannot change the result by a whole byte even at EiB scale.
constexpr size_t kMaxFractionDigits = 19;

Status SyntaxError(std::string_view text) {
  return Status::Invalid(
      "invalid size '{}': expected a number with an optional unit, e.g. 500, 500K, 15MB, 1.5G "
      "or 2TiB (units are powers of 1024)",
      EscapeForDisplay(text));
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The power of 1024 a unit spelling stands for, or -1 if it is not a unit.
int UnitExponent(std::string_view unit) {
  std::string u = ToLower(unit);
  if (u.empty() || u == "b") return 0;
  size_t exponent = kUnitLetters.find(u[0]);
  if (exponent == std::string_view::npos || exponent == 0) return -1;
  std::string_view suffix = std::string_view(u).substr(1);
  if (suffix.empty() || suffix == "b" || suffix == "ib") return static_cast<int>(exponent);
  return -1;
}

}  // namespace

Result<uint64_t> ParseHumanSize(std::string_view text) {
  std::string_view s = Trim(text);
  if (!s.empty() && s[0] == '-') {
    return Status::Invalid("invalid size '{}': sizes cannot be negative", EscapeForDisplay(text));
  }
  using u128 = unsigned __int128;
  constexpr u128 kMax = std::numeric_limits<uint64_t>::max();

  size_t i = 0;
  u128 whole = 0;
  bool any_digit = false;
  bool whole_overflow = false;
  for (; i < s.size() && IsDigit(s[i]); ++i) {
    any_digit = true;
    whole = whole * 10 + static_cast<unsigned>(s[i] - '0');
    if (whole > kMax) {
      whole_overflow = true;
      whole = kMax + 1;  // stays above the limit without overflowing u128
    }
  }
  u128 fraction = 0, scale = 1;
  bool nonzero_fraction = false;
  if (i < s.size() && s[i] == '.') {
    ++i;
    size_t digits = 0;
    for (; i < s.size() && IsDigit(s[i]); ++i, ++digits) {
      any_digit = true;
      if (s[i] != '0') nonzero_fraction = true;
      if (digits < kMaxFractionDigits) {
        fraction = fraction * 10 + static_cast<unsigned>(s[i] - '0');
        scale *= 10;
      }
    }
  }
  if (!any_digit) return SyntaxError(text);
  int exponent = UnitExponent(TrimLeft(s.substr(i)));
  if (exponent < 0) return SyntaxError(text);
  if (exponent == 0 && nonzero_fraction) {
    return Status::Invalid("invalid size '{}': a byte count must be a whole number",
                           EscapeForDisplay(text));
  }

  const u128 multiplier = u128{1} << (10 * exponent);
  u128 bytes = whole_overflow ? kMax + 1 : whole * multiplier;
  bytes += (fraction * multiplier + scale / 2) / scale;
  if (bytes > kMax) {
    return Status::Invalid("size '{}' is too large: the maximum is 2^64-1 bytes (16 EiB)",
                           EscapeForDisplay(text));
  }
  return static_cast<uint64_t>(bytes);
}

std::string FormatHumanSize(uint64_t bytes) {
  if (bytes < 1024) return fmt::format("{} B", bytes);
  size_t unit = 0;
  while (unit + 1 < std::size(kIecUnits) && bytes >= (uint64_t{1} << (10 * (unit + 1)))) ++unit;
  double value = std::ldexp(static_cast<double>(bytes), -10 * static_cast<int>(unit));
  double rounded = std::round(value * 10) / 10;
  // 1023.96 KiB would print as "1024 KiB"; say "1 MiB" instead.
  if (rounded >= 1024 && unit + 1 < std::size(kIecUnits)) {
    ++unit;
    rounded = std::round(value / 1024 * 10) / 10;
  }
  std::string number = fmt::format("{:.1f}", rounded);
  if (number.ends_with(".0")) number.resize(number.size() - 2);
  return fmt::format("{} {}", number, kIecUnits[unit]);
}

}  // namespace bundlebase
