// Calendar arithmetic shared by the date/time operators and functions: microsecond timestamps
// split into civil date and time of day, and adding an interval the way PostgreSQL does
// (months first, clamping the day to the month's end, then days, then the time part).
// Zoned timestamps are computed in UTC: the session time zone is UTC.
#pragma once

#include <cstdint>

#include "columnar/type.h"
#include "columnar/value_parsing.h"

namespace bundlebase::sql {

inline constexpr int64_t kMicrosPerSecond = 1000000;
inline constexpr int64_t kMicrosPerDay = 86400 * kMicrosPerSecond;
inline constexpr int64_t kNanosPerDay = kMicrosPerDay * 1000;

// Floor division and modulo (for negative timestamps before 1970).
inline int64_t FloorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}
inline int64_t FloorMod(int64_t a, int64_t b) { return a - FloorDiv(a, b) * b; }

// `days` since the epoch moved by `months` calendar months; the day of month is clamped to the
// target month's length (Jan 31 + 1 month = Feb 28/29).
int64_t AddMonthsToDays(int64_t days, int64_t months);

// timestamp (microseconds) + interval; false when the result leaves the int64 range.
bool AddIntervalToMicros(int64_t micros, const MonthDayNano& interval, int64_t* out);

// a - b for microsecond timestamps, as days plus time (no months), both with the sign of the
// difference (PostgreSQL's timestamp_mi with justify_hours).
MonthDayNano MicrosDifference(int64_t a, int64_t b);

// The interval scaled by `factor`, fractional months spilling into days and fractional days
// into time as PostgreSQL's interval_mul does; false when a field overflows.
bool MultiplyInterval(const MonthDayNano& v, double factor, MonthDayNano* out);

}  // namespace bundlebase::sql
