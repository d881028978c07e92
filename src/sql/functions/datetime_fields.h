// Date/time fields (year, month, hour, epoch, ...) as extract/date_part/date_trunc name them,
// and their values for each temporal type — PostgreSQL's definitions, computed in UTC for
// timestamptz (the session time zone is UTC).
#pragma once

#include <cstdint>
#include <string_view>

#include "bundlebase/result.h"
#include "columnar/type.h"

namespace bundlebase::sql {

enum class DateField {
  kMillennium, kCentury, kDecade, kYear, kIsoYear, kQuarter, kMonth, kWeek, kDay, kDow,
  kIsoDow, kDoy, kHour, kMinute, kSecond, kMilliseconds, kMicroseconds, kEpoch,
};

// "year", "years", "month", "mon", "dow", "milliseconds", ... (case-insensitive); Invalid with
// the list of supported fields otherwise.
Result<DateField> ParseDateField(std::string_view name);
std::string_view DateFieldName(DateField field);

// Fraction digits of extract(field ...): 6 for second and epoch (of sub-day values), 3 for
// milliseconds, 0 for the rest.
int DateFieldScale(DateField field, TypeId source);

// The field's value as an unscaled number with DateFieldScale digits. `source` is date32
// (value in days), timestamp (microseconds), time64 (microseconds) or interval (`interval`).
// Invalid 'unit "hour" not supported for type date' when the field does not apply.
Result<__int128> ExtractDateField(DateField field, TypeId source, int64_t value,
                                  const MonthDayNano& interval);

// timestamp (microseconds) truncated to the field's precision; Invalid for fields that cannot
// truncate (dow, epoch, ...).
Result<int64_t> TruncateMicros(DateField field, int64_t micros);
Result<MonthDayNano> TruncateInterval(DateField field, const MonthDayNano& value);

// ISO 8601 week-numbering year and week of a day since the epoch.
void IsoWeek(int64_t days, int64_t* iso_year, int* week);

}  // namespace bundlebase::sql
