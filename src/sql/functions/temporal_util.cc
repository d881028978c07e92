// Calendar arithmetic (temporal_util.h).
#include "sql/functions/temporal_util.h"

#include <cmath>

namespace bundlebase::sql {

int64_t AddMonthsToDays(int64_t days, int64_t months) {
  if (months == 0) return days;
  CivilDate d = CivilFromDays(days);
  int64_t total = d.year * 12 + (d.month - 1) + months;
  int64_t year = FloorDiv(total, 12);
  int month = static_cast<int>(FloorMod(total, 12)) + 1;
  int day = std::min(d.day, DaysInMonth(year, month));
  return DaysFromCivil(year, month, day);
}

bool AddIntervalToMicros(int64_t micros, const MonthDayNano& interval, int64_t* out) {
  int64_t result = micros;
  if (interval.months != 0) {
    int64_t days = FloorDiv(micros, kMicrosPerDay);
    int64_t time = FloorMod(micros, kMicrosPerDay);
    int64_t moved = AddMonthsToDays(days, interval.months);
    if (__builtin_mul_overflow(moved, kMicrosPerDay, &result)) return false;
    if (__builtin_add_overflow(result, time, &result)) return false;
  }
  int64_t day_micros;
  if (__builtin_mul_overflow(static_cast<int64_t>(interval.days), kMicrosPerDay, &day_micros)) {
    return false;
  }
  if (__builtin_add_overflow(result, day_micros, &result)) return false;
  if (__builtin_add_overflow(result, interval.nanoseconds / 1000, &result)) return false;
  *out = result;
  return true;
}

MonthDayNano MicrosDifference(int64_t a, int64_t b) {
  __int128 diff = static_cast<__int128>(a) - b;
  int64_t days = static_cast<int64_t>(diff / kMicrosPerDay);
  int64_t rest = static_cast<int64_t>(diff % kMicrosPerDay);
  return MonthDayNano{0, static_cast<int32_t>(days), rest * 1000};
}

bool MultiplyInterval(const MonthDayNano& v, double factor, MonthDayNano* out) {
  double months = v.months * factor;
  double days = v.days * factor;
  if (!std::isfinite(months) || !std::isfinite(days) || std::fabs(months) > INT32_MAX ||
      std::fabs(days) > INT32_MAX) {
    return false;
  }
  int32_t whole_months = static_cast<int32_t>(months);
  int32_t whole_days = static_cast<int32_t>(days);
  // Fractions of a month become days (30 per month), fractions of a day become time.
  double month_fraction_days = std::round((months - whole_months) * 30 * 1e6) / 1e6;
  int32_t extra_days = static_cast<int32_t>(month_fraction_days);
  double fraction_seconds =
      std::round((days - whole_days + (month_fraction_days - extra_days)) * 86400 * 1e6) / 1e6;
  if (std::fabs(fraction_seconds) >= 86400) {
    int32_t carry = static_cast<int32_t>(fraction_seconds / 86400);
    whole_days += carry;
    fraction_seconds -= carry * 86400.0;
  }
  whole_days += extra_days;
  double micros = std::rint(static_cast<double>(v.nanoseconds / 1000) * factor +
                            fraction_seconds * 1e6);
  if (!std::isfinite(micros) || std::fabs(micros) > 9.2e15) return false;
  *out = MonthDayNano{whole_months, whole_days, static_cast<int64_t>(micros) * 1000};
  return true;
}

}  // namespace bundlebase::sql
