// Text -> value parsers: hand-written for dates and times (fixed formats, no locale), built on
// std::from_chars for integers and floating point (exact, locale-free, no allocation).
#include "columnar/value_parsing.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace bundlebase {

namespace {

constexpr int64_t kNanosPerSecond = 1000000000;
constexpr int64_t kSecondsPerDay = 86400;

bool IsBlank(char c) { return c == ' ' || c == '\t'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::string_view StripBlanks(std::string_view s) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  return s;
}

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool EqualsLower(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (Lower(s[i]) != lower[i]) return false;
  }
  return true;
}

// A forward-only reader over the text; every Read* returns false without consuming on failure
// of the whole value, which is all the callers need.
struct Cursor {
  const char* p;
  const char* end;

  bool done() const { return p == end; }
  char peek() const { return p < end ? *p : '\0'; }
  bool Consume(char c) {
    if (p < end && *p == c) {
      ++p;
      return true;
    }
    return false;
  }
  // Between min_digits and max_digits decimal digits.
  bool ReadNumber(int min_digits, int max_digits, int64_t* out) {
    int64_t v = 0;
    int n = 0;
    while (p < end && n < max_digits && IsDigit(*p)) {
      v = v * 10 + (*p - '0');
      ++p;
      ++n;
    }
    *out = v;
    return n >= min_digits;
  }
};

bool ReadDate(Cursor* c, int64_t* days) {
  int64_t y, m, d;
  if (!c->ReadNumber(4, 4, &y) || !c->Consume('-')) return false;
  if (!c->ReadNumber(1, 2, &m) || !c->Consume('-')) return false;
  if (!c->ReadNumber(1, 2, &d)) return false;
  if (m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, static_cast<int>(m))) return false;
  *days = DaysFromCivil(y, static_cast<int>(m), static_cast<int>(d));
  return true;
}

// HH:MM[:SS[.fraction]] as nanoseconds since midnight. 24:00:00 is allowed (end of day).
bool ReadTime(Cursor* c, int64_t* nanos) {
  int64_t h, m, s = 0, frac = 0;
  if (!c->ReadNumber(1, 2, &h) || !c->Consume(':') || !c->ReadNumber(2, 2, &m)) return false;
  if (c->Consume(':')) {
    if (!c->ReadNumber(2, 2, &s)) return false;
    if (c->Consume('.')) {
      int digits = 0;
      while (!c->done() && IsDigit(c->peek())) {
        // Digits past nanoseconds are dropped; they cannot change a nanosecond value.
        if (digits < 9) frac = frac * 10 + (c->peek() - '0');
        ++digits;
        ++c->p;
      }
      if (digits == 0) return false;
      for (int i = digits; i < 9; ++i) frac *= 10;
    }
  }
  if (m > 59 || s > 59) return false;
  if (h > 24 || (h == 24 && (m != 0 || s != 0 || frac != 0))) return false;
  *nanos = ((h * 60 + m) * 60 + s) * kNanosPerSecond + frac;
  return true;
}

// Z | UTC | [ ](+|-)HH[[:]MM] as seconds east of UTC. False if something else follows.
bool ReadZone(Cursor* c, bool* has_tz, int64_t* offset_seconds) {
  *has_tz = false;
  *offset_seconds = 0;
  if (c->done()) return true;
  std::string_view rest(c->p, static_cast<size_t>(c->end - c->p));
  if (rest == "Z" || rest == "z" || EqualsLower(rest, "utc") || EqualsLower(rest, " utc")) {
    c->p = c->end;
    *has_tz = true;
    return true;
  }
  c->Consume(' ');
  char sign = c->peek();
  if (sign != '+' && sign != '-') return false;
  ++c->p;
  int64_t hh, mm = 0;
  if (!c->ReadNumber(2, 2, &hh)) return false;
  if (!c->done()) {
    c->Consume(':');
    if (!c->ReadNumber(2, 2, &mm)) return false;
  }
  if (hh > 18 || mm > 59) return false;
  *offset_seconds = (sign == '-' ? -1 : 1) * (hh * 3600 + mm * 60);
  *has_tz = true;
  return true;
}

// Nanoseconds -> `unit`, rounding half up (values here are never negative).
int64_t NanosToUnitRounded(int64_t nanos, TimeUnit unit) {
  int64_t div = kNanosPerSecond / TimeUnitsPerSecond(unit);
  return (nanos + div / 2) / div;
}

// The power of ten of the leading nonzero digit of a finite decimal such as "0.00123e-5"
// (here -8). Only used to tell overflow from underflow, so a rough exponent is enough.
int64_t DecimalMagnitude(std::string_view s) {
  size_t i = 0;
  int64_t int_digits = 0, leading_frac_zeros = 0;
  bool seen_nonzero = false;
  for (; i < s.size() && IsDigit(s[i]); ++i) {
    seen_nonzero = seen_nonzero || s[i] != '0';
    if (seen_nonzero) ++int_digits;
  }
  if (i < s.size() && s[i] == '.') {
    for (++i; i < s.size() && IsDigit(s[i]); ++i) {
      if (!seen_nonzero && s[i] == '0') ++leading_frac_zeros;
      seen_nonzero = seen_nonzero || s[i] != '0';
    }
  }
  int64_t exponent = 0;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    const char* first = s.data() + i + 1 + (s[i + 1] == '+');
    if (std::from_chars(first, s.data() + s.size(), exponent).ec != std::errc()) {
      exponent = *first == '-' ? -100000 : 100000;  // beyond any double either way
    }
  }
  return (int_digits > 0 ? int_digits - 1 : -(leading_frac_zeros + 1)) + exponent;
}

template <typename Int>
std::optional<Int> ParseInteger(std::string_view text) {
  text = StripBlanks(text);
  if (!text.empty() && text.front() == '+') {
    text.remove_prefix(1);
    if (!text.empty() && text.front() == '-') return std::nullopt;
  }
  Int v;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || ptr != text.data() + text.size() || text.empty()) return std::nullopt;
  return v;
}

}  // namespace

int64_t DaysFromCivil(int64_t y, int month, int day) {
  y -= month <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = (month + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return CivilDate{yoe + era * 400 + (month <= 2), month, day};
}

bool IsLeapYear(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int64_t year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && IsLeapYear(year)) return 29;
  return kDays[month - 1];
}

std::optional<bool> ParseBool(std::string_view text) {
  text = StripBlanks(text);
  switch (text.size()) {
    case 1:
      switch (Lower(text[0])) {
        case 't': case 'y': case '1': return true;
        case 'f': case 'n': case '0': return false;
        default: return std::nullopt;
      }
    case 2:
      if (EqualsLower(text, "on")) return true;
      if (EqualsLower(text, "no")) return false;
      return std::nullopt;
    case 3:
      if (EqualsLower(text, "yes")) return true;
      if (EqualsLower(text, "off")) return false;
      return std::nullopt;
    case 4:
      if (EqualsLower(text, "true")) return true;
      return std::nullopt;
    case 5:
      if (EqualsLower(text, "false")) return false;
      return std::nullopt;
    default:
      return std::nullopt;
  }
}

std::optional<int64_t> ParseInt64(std::string_view text) { return ParseInteger<int64_t>(text); }

std::optional<uint64_t> ParseUInt64(std::string_view text) {
  return ParseInteger<uint64_t>(text);
}

std::optional<double> ParseDouble(std::string_view text) {
  text = StripBlanks(text);
  bool negative = false;
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
    // from_chars would accept a second '-'; "+-1" and "--1" are not numbers.
    if (!text.empty() && (text.front() == '+' || text.front() == '-')) return std::nullopt;
  }
  if (text.empty()) return std::nullopt;
  double v;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ptr != text.data() + text.size()) return std::nullopt;
  if (ec == std::errc::result_out_of_range) {
    // Like strtod: overflow is infinity, underflow is zero.
    v = DecimalMagnitude(text) > 0 ? std::numeric_limits<double>::infinity() : 0.0;
  } else if (ec != std::errc()) {
    return std::nullopt;
  }
  return negative ? -v : v;
}

std::optional<int32_t> ParseDate32(std::string_view text) {
  text = StripBlanks(text);
  Cursor c{text.data(), text.data() + text.size()};
  int64_t days;
  if (!ReadDate(&c, &days) || !c.done()) return std::nullopt;
  return static_cast<int32_t>(days);
}

std::optional<int64_t> ParseTime64(std::string_view text, TimeUnit unit) {
  text = StripBlanks(text);
  Cursor c{text.data(), text.data() + text.size()};
  int64_t nanos;
  if (!ReadTime(&c, &nanos) || !c.done()) return std::nullopt;
  return NanosToUnitRounded(nanos, unit);
}

std::optional<ParsedTimestamp> ParseTimestamp(std::string_view text, TimeUnit unit) {
  text = StripBlanks(text);
  Cursor c{text.data(), text.data() + text.size()};
  int64_t days, nanos = 0;
  if (!ReadDate(&c, &days)) return std::nullopt;
  if (!c.done() && (c.peek() == ' ' || c.peek() == 'T' || c.peek() == 't')) {
    const char* before = c.p;
    ++c.p;
    if (!ReadTime(&c, &nanos)) {
      // "2024-01-02 +01:00" has no time; let the zone reader see the space.
      c.p = before;
      nanos = 0;
    }
  }
  bool has_tz;
  int64_t offset_seconds;
  if (!ReadZone(&c, &has_tz, &offset_seconds) || !c.done()) return std::nullopt;
  const int64_t per_second = TimeUnitsPerSecond(unit);
  const int64_t seconds = days * kSecondsPerDay - offset_seconds;
  int64_t scaled;
  if (__builtin_mul_overflow(seconds, per_second, &scaled)) return std::nullopt;
  int64_t value;
  if (__builtin_add_overflow(scaled, NanosToUnitRounded(nanos, unit), &value)) {
    return std::nullopt;
  }
  return ParsedTimestamp{value, has_tz};
}

std::optional<__int128> ParseDecimal128(std::string_view text, int precision, int scale) {
  if (precision < 1 || precision > 38 || scale < 0 || scale > precision) return std::nullopt;
  text = StripBlanks(text);
  size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
  // Shape: int digits [. frac digits] [e exponent]; find the spans first so every digit's
  // place value relative to the target scale is known before accumulating.
  const size_t int_begin = i;
  while (i < text.size() && IsDigit(text[i])) ++i;
  const size_t int_end = i;
  size_t frac_begin = i, frac_end = i;
  if (i < text.size() && text[i] == '.') {
    frac_begin = ++i;
    while (i < text.size() && IsDigit(text[i])) ++i;
    frac_end = i;
  }
  if (int_end == int_begin && frac_end == frac_begin) return std::nullopt;
  int64_t exponent = 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    if (i + 1 == text.size() || IsBlank(text[i + 1])) return std::nullopt;
    auto e = ParseInteger<int64_t>(text.substr(i + 1));
    if (!e || *e > 100000 || *e < -100000) return std::nullopt;
    exponent = *e;
    i = text.size();
  }
  if (i != text.size()) return std::nullopt;

  __int128 limit = 1;  // 10^(precision - 1): an accumulator at or above it cannot take a digit
  for (int k = 1; k < precision; ++k) limit *= 10;
  __int128 acc = 0;
  bool round_up = false;
  // Place of a digit in target units: the last integer digit is at `scale + exponent`.
  int64_t place = static_cast<int64_t>(int_end - int_begin) - 1 + scale + exponent;
  auto take = [&](char d) -> bool {
    if (place >= 0) {
      if (acc >= limit) return false;
      acc = acc * 10 + (d - '0');
    } else if (place == -1) {
      round_up = d >= '5';
    }
    --place;
    return true;
  };
  for (size_t k = int_begin; k < int_end; ++k) {
    if (!take(text[k])) return std::nullopt;
  }
  for (size_t k = frac_begin; k < frac_end; ++k) {
    if (!take(text[k])) return std::nullopt;
  }
  // Trailing zeros implied by a positive exponent.
  for (; place >= 0; --place) {
    if (acc >= limit) return std::nullopt;
    acc *= 10;
  }
  if (round_up) {
    ++acc;
    if (acc >= limit * 10) return std::nullopt;
  }
  return negative ? -acc : acc;
}

}  // namespace bundlebase
