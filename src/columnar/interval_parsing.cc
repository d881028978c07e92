// Interval input in PostgreSQL's common forms: '90 days', '1 year 2 months', '-3 hours',
// '1 day 02:30:00', '1.5 hours', '2 weeks ago', '@ 1 minute', a bare number of seconds.
// Fractions carry down as PostgreSQL does: a fraction of a month is 30-day days, a fraction of
// a day is 24-hour time.
#include <cctype>
#include <cmath>
#include <string>

#include "base/strings.h"
#include "columnar/value_parsing.h"

namespace bundlebase {
namespace {

constexpr int64_t kNanosPerSecond = 1000000000;
constexpr int64_t kNanosPerDay = 86400 * kNanosPerSecond;

enum class Unit { kNano, kMonth, kDay };

// A unit word: how many of the base unit (nanoseconds, months or days) one of it is.
bool LookupUnit(const std::string& word, Unit* unit, double* scale) {
  struct Entry {
    const char* names[4];
    Unit unit;
    double scale;
  };
  static const Entry kUnits[] = {
      {{"microsecond", "microseconds", "us", "usec"}, Unit::kNano, 1e3},
      {{"millisecond", "milliseconds", "ms", "msec"}, Unit::kNano, 1e6},
      {{"second", "seconds", "sec", "secs"}, Unit::kNano, 1e9},
      {{"s", "", "", ""}, Unit::kNano, 1e9},
      {{"minute", "minutes", "min", "mins"}, Unit::kNano, 60e9},
      {{"m", "", "", ""}, Unit::kNano, 60e9},
      {{"hour", "hours", "hr", "hrs"}, Unit::kNano, 3600e9},
      {{"h", "", "", ""}, Unit::kNano, 3600e9},
      {{"day", "days", "d", ""}, Unit::kDay, 1},
      {{"week", "weeks", "w", ""}, Unit::kDay, 7},
      {{"month", "months", "mon", "mons"}, Unit::kMonth, 1},
      {{"year", "years", "yr", "yrs"}, Unit::kMonth, 12},
      {{"y", "", "", ""}, Unit::kMonth, 12},
      {{"decade", "decades", "", ""}, Unit::kMonth, 120},
      {{"century", "centuries", "", ""}, Unit::kMonth, 1200},
      {{"millennium", "millennia", "", ""}, Unit::kMonth, 12000},
  };
  for (const auto& e : kUnits) {
    for (const char* name : e.names) {
      if (*name && word == name) {
        *unit = e.unit;
        *scale = e.scale;
        return true;
      }
    }
  }
  return false;
}

// "hh:mm[:ss[.frac]]" (sign handled by the caller) as nanoseconds.
std::optional<int64_t> ParseClock(std::string_view text) {
  auto parts = Split(text, ':');
  if (parts.size() < 2 || parts.size() > 3) return std::nullopt;
  auto hours = ParseInt64(parts[0]);
  auto minutes = ParseInt64(parts[1]);
  if (!hours || !minutes || *minutes < 0 || *minutes > 59) return std::nullopt;
  double seconds = 0;
  if (parts.size() == 3) {
    auto s = ParseDouble(parts[2]);
    if (!s || *s < 0 || *s >= 60) return std::nullopt;
    seconds = *s;
  }
  return *hours * 3600 * kNanosPerSecond + *minutes * 60 * kNanosPerSecond +
         static_cast<int64_t>(std::llround(seconds * 1e9));
}

}  // namespace

std::optional<MonthDayNano> ParseInterval(std::string_view text) {
  std::vector<std::string> tokens;
  std::string current;
  for (char c : text) {
    if (IsAsciiSpace(c)) {
      if (!current.empty()) tokens.push_back(std::move(current));
      current.clear();
    } else {
      current += AsciiToLower(c);
    }
  }
  if (!current.empty()) tokens.push_back(std::move(current));
  if (!tokens.empty() && tokens[0] == "@") tokens.erase(tokens.begin());
  bool ago = false;
  if (!tokens.empty() && tokens.back() == "ago") {
    ago = true;
    tokens.pop_back();
  }
  if (tokens.empty()) return std::nullopt;
  double months = 0, days = 0, nanos = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& t = tokens[i];
    if (t.find(':') != std::string::npos) {
      bool negative = t[0] == '-';
      auto clock = ParseClock(negative || t[0] == '+' ? std::string_view(t).substr(1) : t);
      if (!clock) return std::nullopt;
      nanos += static_cast<double>(negative ? -*clock : *clock);
      continue;
    }
    // A number, with its unit glued on ("90days") or as the next token.
    size_t end = 0;
    while (end < t.size() && (std::isdigit(static_cast<unsigned char>(t[end])) || t[end] == '.' ||
                              ((t[end] == '-' || t[end] == '+') && end == 0))) {
      ++end;
    }
    auto number = ParseDouble(std::string_view(t).substr(0, end));
    if (!number) return std::nullopt;
    std::string word = t.substr(end);
    if (word.empty()) {
      if (i + 1 < tokens.size() && tokens[i + 1].find(':') == std::string::npos &&
          !std::isdigit(static_cast<unsigned char>(tokens[i + 1][0])) && tokens[i + 1][0] != '-' &&
          tokens[i + 1][0] != '+') {
        word = tokens[++i];
      } else {
        word = "second";  // a bare number is seconds, as in PostgreSQL
      }
    }
    Unit unit;
    double scale;
    if (!LookupUnit(word, &unit, &scale)) return std::nullopt;
    const double amount = *number * scale;
    switch (unit) {
      case Unit::kMonth: months += amount; break;
      case Unit::kDay: days += amount; break;
      case Unit::kNano: nanos += amount; break;
    }
  }
  // Fractions carry down: months to 30-day days, days to time.
  double whole_months = std::trunc(months);
  days += (months - whole_months) * 30;
  double whole_days = std::trunc(days);
  nanos += (days - whole_days) * static_cast<double>(kNanosPerDay);
  if (std::fabs(whole_months) > 2147483647.0 || std::fabs(whole_days) > 2147483647.0 ||
      std::fabs(nanos) > 9.2e18) {
    return std::nullopt;
  }
  MonthDayNano out{static_cast<int32_t>(whole_months), static_cast<int32_t>(whole_days),
                   static_cast<int64_t>(std::llround(nanos))};
  if (ago) out = {-out.months, -out.days, -out.nanoseconds};
  return out;
}

}  // namespace bundlebase
