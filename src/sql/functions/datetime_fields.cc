// Date/time field names, values and truncation (datetime_fields.h).
#include "sql/functions/datetime_fields.h"

#include "base/strings.h"
#include "columnar/value_parsing.h"
#include "sql/functions/implicit_cast.h"
#include "sql/functions/temporal_util.h"

namespace bundlebase::sql {

namespace {

struct FieldName {
  const char* name;
  DateField field;
};

const FieldName kFieldNames[] = {
    {"millennium", DateField::kMillennium}, {"millennia", DateField::kMillennium},
    {"mil", DateField::kMillennium}, {"century", DateField::kCentury},
    {"centuries", DateField::kCentury}, {"decade", DateField::kDecade},
    {"decades", DateField::kDecade}, {"year", DateField::kYear}, {"years", DateField::kYear},
    {"y", DateField::kYear}, {"isoyear", DateField::kIsoYear}, {"quarter", DateField::kQuarter},
    {"month", DateField::kMonth}, {"months", DateField::kMonth}, {"mon", DateField::kMonth},
    {"week", DateField::kWeek}, {"weeks", DateField::kWeek}, {"day", DateField::kDay},
    {"days", DateField::kDay}, {"d", DateField::kDay}, {"dow", DateField::kDow},
    {"isodow", DateField::kIsoDow}, {"doy", DateField::kDoy}, {"hour", DateField::kHour},
    {"hours", DateField::kHour}, {"h", DateField::kHour}, {"minute", DateField::kMinute},
    {"minutes", DateField::kMinute}, {"min", DateField::kMinute}, {"m", DateField::kMinute},
    {"second", DateField::kSecond}, {"seconds", DateField::kSecond}, {"sec", DateField::kSecond},
    {"s", DateField::kSecond}, {"millisecond", DateField::kMilliseconds},
    {"milliseconds", DateField::kMilliseconds}, {"ms", DateField::kMilliseconds},
    {"microsecond", DateField::kMicroseconds}, {"microseconds", DateField::kMicroseconds},
    {"us", DateField::kMicroseconds}, {"epoch", DateField::kEpoch},
};

int64_t PgYear(int64_t year) { return year > 0 ? year : year - 1; }  // no year 0 in PostgreSQL

Status NotSupported(DateField field, TypeId source) {
  DataTypePtr type = source == TypeId::kTimestamp ? Timestamp() : source == TypeId::kTime64 ? Time64() : PrimitiveType(source);
  return Status::Invalid("unit \"{}\" not supported for type {}", DateFieldName(field), SqlTypeName(*type));
}

__int128 DateFieldOfDays(DateField field, int64_t days) {
  CivilDate d = CivilFromDays(days);
  int64_t y = PgYear(d.year);
  switch (field) {
    case DateField::kMillennium: return y > 0 ? (y + 999) / 1000 : -((999 - (y + 1)) / 1000);
    case DateField::kCentury: return y > 0 ? (y + 99) / 100 : -((99 - (y + 1)) / 100);
    case DateField::kDecade: return FloorDiv(d.year, 10);
    case DateField::kYear: return y;
    case DateField::kQuarter: return (d.month - 1) / 3 + 1;
    case DateField::kMonth: return d.month;
    case DateField::kDay: return d.day;
    case DateField::kDow: return FloorMod(days + 4, 7);
    case DateField::kIsoDow: {
      int64_t dow = FloorMod(days + 4, 7);
      return dow == 0 ? 7 : dow;
    }
    case DateField::kDoy: return days - DaysFromCivil(d.year, 1, 1) + 1;
    case DateField::kWeek:
    case DateField::kIsoYear: {
      int64_t iso_year;
      int week;
      IsoWeek(days, &iso_year, &week);
      return field == DateField::kWeek ? week : PgYear(iso_year);
    }
    default: return 0;
  }
}

// Time-of-day fields from microseconds within a day (or within an interval's time part).
__int128 TimeField(DateField field, int64_t micros) {
  switch (field) {
    case DateField::kHour: return micros / (3600 * kMicrosPerSecond);
    case DateField::kMinute: return (micros / (60 * kMicrosPerSecond)) % 60;
    case DateField::kSecond:
    case DateField::kMilliseconds:
    case DateField::kMicroseconds: return micros % (60 * kMicrosPerSecond);
    default: return 0;
  }
}

bool IsTimeField(DateField f) {
  return f == DateField::kHour || f == DateField::kMinute || f == DateField::kSecond ||
         f == DateField::kMilliseconds || f == DateField::kMicroseconds;
}

}  // namespace

Result<DateField> ParseDateField(std::string_view name) {
  std::string lowered = ToLower(Trim(name));
  for (const auto& f : kFieldNames) {
    if (lowered == f.name) return f.field;
  }
  return Status::Invalid(
      "unit \"{}\" not recognized; use one of millennium, century, decade, year, isoyear, "
      "quarter, month, week, day, dow, isodow, doy, hour, minute, second, milliseconds, "
      "microseconds, epoch",
      name);
}

std::string_view DateFieldName(DateField field) {
  for (const auto& f : kFieldNames) {
    if (f.field == field) return f.name;
  }
  return "?";
}

int DateFieldScale(DateField field, TypeId source) {
  if (field == DateField::kSecond) return 6;
  if (field == DateField::kMilliseconds) return 3;
  if (field == DateField::kEpoch) return source == TypeId::kDate32 ? 0 : 6;
  return 0;
}

void IsoWeek(int64_t days, int64_t* iso_year, int* week) {
  // The ISO week belongs to the year of its Thursday.
  int64_t dow = FloorMod(days + 3, 7);  // Monday = 0
  int64_t thursday = days - dow + 3;
  CivilDate t = CivilFromDays(thursday);
  *iso_year = t.year;
  *week = static_cast<int>((thursday - DaysFromCivil(t.year, 1, 1)) / 7 + 1);
}

Result<__int128> ExtractDateField(DateField field, TypeId source, int64_t value,
                                  const MonthDayNano& interval) {
  switch (source) {
    case TypeId::kDate32:
      if (IsTimeField(field)) return NotSupported(field, source);
      if (field == DateField::kEpoch) return __int128{value} * 86400;
      return DateFieldOfDays(field, value);
    case TypeId::kTimestamp: {
      if (field == DateField::kEpoch) return __int128{value};
      int64_t days = FloorDiv(value, kMicrosPerDay);
      if (IsTimeField(field)) return TimeField(field, FloorMod(value, kMicrosPerDay));
      return DateFieldOfDays(field, days);
    }
    case TypeId::kTime64:
      if (field == DateField::kEpoch) return __int128{value};
      if (!IsTimeField(field)) return NotSupported(field, source);
      return TimeField(field, value);
    default: {
      int64_t micros = interval.nanoseconds / 1000;
      int64_t years = interval.months / 12;
      switch (field) {
        case DateField::kMillennium: return years / 1000;
        case DateField::kCentury: return years / 100;
        case DateField::kDecade: return years / 10;
        case DateField::kYear: return years;
        case DateField::kQuarter: return (interval.months % 12) / 3 + 1;
        case DateField::kMonth: return interval.months % 12;
        case DateField::kDay: return interval.days;
        case DateField::kEpoch: {
          // PostgreSQL counts a year as 365.25 days and a month as 30 days here.
          __int128 seconds_x4 = __int128{years} * 365 * 4 * 86400 + __int128{years} * 86400 +
                                __int128{interval.months % 12} * 30 * 4 * 86400 +
                                __int128{interval.days} * 4 * 86400;
          return seconds_x4 / 4 * kMicrosPerSecond + micros;
        }
        default:
          if (IsTimeField(field)) {
            return field == DateField::kHour ? __int128{micros / (3600 * kMicrosPerSecond)}
                                             : TimeField(field, micros);
          }
          return Status::Invalid("unit \"{}\" not supported for type interval", DateFieldName(field));
      }
    }
  }
}

Result<int64_t> TruncateMicros(DateField field, int64_t micros) {
  int64_t days = FloorDiv(micros, kMicrosPerDay);
  int64_t tod = FloorMod(micros, kMicrosPerDay);
  auto at_day = [](int64_t d) { return d * kMicrosPerDay; };
  CivilDate d = CivilFromDays(days);
  switch (field) {
    case DateField::kMicroseconds: return micros;
    case DateField::kMilliseconds: return FloorDiv(micros, 1000) * 1000;
    case DateField::kSecond: return FloorDiv(micros, kMicrosPerSecond) * kMicrosPerSecond;
    case DateField::kMinute: return at_day(days) + tod / (60 * kMicrosPerSecond) * 60 * kMicrosPerSecond;
    case DateField::kHour: return at_day(days) + tod / (3600 * kMicrosPerSecond) * 3600 * kMicrosPerSecond;
    case DateField::kDay: return at_day(days);
    case DateField::kWeek: return at_day(days - FloorMod(days + 3, 7));
    case DateField::kMonth: return at_day(DaysFromCivil(d.year, d.month, 1));
    case DateField::kQuarter: return at_day(DaysFromCivil(d.year, (d.month - 1) / 3 * 3 + 1, 1));
    case DateField::kYear: return at_day(DaysFromCivil(d.year, 1, 1));
    case DateField::kDecade: return at_day(DaysFromCivil(FloorDiv(d.year, 10) * 10, 1, 1));
    case DateField::kCentury: {
      int64_t y = PgYear(d.year);
      int64_t first = y > 0 ? (y - 1) / 100 * 100 + 1 : -((99 - y) / 100 * 100) + 1;
      return at_day(DaysFromCivil(first > 0 ? first : first + 1, 1, 1));
    }
    case DateField::kMillennium: {
      int64_t y = PgYear(d.year);
      int64_t first = y > 0 ? (y - 1) / 1000 * 1000 + 1 : -((999 - y) / 1000 * 1000) + 1;
      return at_day(DaysFromCivil(first > 0 ? first : first + 1, 1, 1));
    }
    default:
      return Status::Invalid("unit \"{}\" not supported for date_trunc", DateFieldName(field));
  }
}

Result<MonthDayNano> TruncateInterval(DateField field, const MonthDayNano& v) {
  constexpr int64_t kNanosPerMicro = 1000;
  int64_t nanos = v.nanoseconds;
  auto trunc_to = [&](int64_t unit) { return nanos / unit * unit; };
  switch (field) {
    case DateField::kMicroseconds: return MonthDayNano{v.months, v.days, trunc_to(kNanosPerMicro)};
    case DateField::kMilliseconds: return MonthDayNano{v.months, v.days, trunc_to(1000000)};
    case DateField::kSecond: return MonthDayNano{v.months, v.days, trunc_to(1000000000)};
    case DateField::kMinute: return MonthDayNano{v.months, v.days, trunc_to(60000000000)};
    case DateField::kHour: return MonthDayNano{v.months, v.days, trunc_to(3600000000000)};
    case DateField::kDay: return MonthDayNano{v.months, v.days, 0};
    case DateField::kMonth: return MonthDayNano{v.months, 0, 0};
    case DateField::kQuarter: return MonthDayNano{v.months / 3 * 3, 0, 0};
    case DateField::kYear: return MonthDayNano{v.months / 12 * 12, 0, 0};
    case DateField::kDecade: return MonthDayNano{v.months / 120 * 120, 0, 0};
    case DateField::kCentury: return MonthDayNano{v.months / 1200 * 1200, 0, 0};
    case DateField::kMillennium: return MonthDayNano{v.months / 12000 * 12000, 0, 0};
    default:
      return Status::Invalid("unit \"{}\" not supported for type interval", DateFieldName(field));
  }
}

}  // namespace bundlebase::sql
