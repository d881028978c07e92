// Text -> value parsing shared by the CSV and JSON readers and by casts from strings.
//
// These run once per field of every text file we read, so they return std::optional instead
// of a Status: a failed parse costs a branch, not an allocation, and the caller decides what the
// failure means (try the next candidate type, widen, or build one error message for the whole
// column). Every parser accepts leading and trailing spaces and tabs, as PostgreSQL's input
// functions do, and rejects the empty string; nothing depends on the locale.
//
// Accepted forms:
//   bool       true/false, t/f, yes/no, y/n, on/off, 1/0 (ASCII case-insensitive; PostgreSQL's set)
//   int64      [+-]digits; out of range fails
//   double     [+-]digits[.digits][e[+-]digits], .5, 5., inf/infinity/nan (any case)
//   date       YYYY-MM-DD (month and day may have one digit), years 0000..9999
//   time       HH:MM[:SS[.fraction]], 00:00 .. 24:00:00
//   timestamp  <date>[( |T)<time>][Z | UTC | [ ](+|-)HH[[:]MM]]; a date alone is midnight.
//              An offset converts to UTC and sets has_tz. Fractions round half up to the unit.
//   decimal    [+-]digits[.digits][e[+-]digits], rounded half away from zero to `scale`.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "columnar/type.h"

namespace bundlebase {

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
// Valid for any year representable in int64 arithmetic; does not check the date.
int64_t DaysFromCivil(int64_t year, int month, int day);

struct CivilDate {
  int64_t year;
  int month;  // 1..12
  int day;    // 1..31
};
// The inverse of DaysFromCivil.
CivilDate CivilFromDays(int64_t days);

bool IsLeapYear(int64_t year);
int DaysInMonth(int64_t year, int month);

std::optional<bool> ParseBool(std::string_view text);
std::optional<int64_t> ParseInt64(std::string_view text);
std::optional<uint64_t> ParseUInt64(std::string_view text);
std::optional<double> ParseDouble(std::string_view text);
// Days since the epoch.
std::optional<int32_t> ParseDate32(std::string_view text);
// Time of day in `unit`.
std::optional<int64_t> ParseTime64(std::string_view text, TimeUnit unit);

struct ParsedTimestamp {
  int64_t value;  // since the epoch in the requested unit; UTC when has_tz
  bool has_tz;    // the text carried Z, UTC or a numeric offset
};
std::optional<ParsedTimestamp> ParseTimestamp(std::string_view text, TimeUnit unit);

// The unscaled value of a decimal(precision, scale); fails when it needs more than
// `precision` digits. 1 <= precision <= 38, 0 <= scale <= precision.
// PostgreSQL's interval input: '90 days', '1 year 2 months', '1 day 02:30:00', '2 weeks ago'.
std::optional<MonthDayNano> ParseInterval(std::string_view text);

std::optional<__int128> ParseDecimal128(std::string_view text, int precision, int scale);

}  // namespace bundlebase
